"""Writes of readers' accessibility reports. The statement itself is kept in the admin."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from umebra import access
from umebra.access import Actor
from umebra.accessibility.models import AccessibilityReport
from umebra.audit.models import AccessAction
from umebra.mail import mail_queue
from umebra.models import MailKind
from umebra.roles import Role
from umebra.saving import save_validated
from umebra.selectors import people_holding


@transaction.atomic
def accessibility_report_create(
    *, actor: Actor, page: str, problem: str, contact_email: str = ""
) -> AccessibilityReport:
    """Keep a reader's report of a problem. The law lets anyone report, so ``actor`` may be
    anonymous; a logged-in reader is named, so that a coordinator can answer them.

    The coordinators are told by e-mail, after commit. The mail says only that a report
    came and links to their list: the report is a reader's own words and may hold an
    address, which stays behind the list's access rule.
    """
    report = save_validated(
        AccessibilityReport(reported_by=actor.user),
        {"page": page, "problem": problem, "contact_email": contact_email},
    )
    access.record(actor, AccessAction.CREATE, AccessibilityReport, report.pk)
    mail_queue(
        kind=MailKind.ACCESSIBILITY_REPORT,
        recipients=people_holding(Role.COORDINATOR),
        subject=_("An accessibility problem was reported"),
        sentence=_("A reader reported a problem with the accessibility of Umebrå."),
        link=reverse("accessibility-report-list"),
        key=f"accessibility-report:{report.pk}",
    )
    return report
