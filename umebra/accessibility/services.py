"""Writes of readers' accessibility reports, and their purge once kept long enough. The
statement itself is kept in the admin."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from umebra import access
from umebra.access import SYSTEM, Actor
from umebra.accessibility.models import AccessibilityReport
from umebra.accessibility.selectors import accessibility_reports_purge_due
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


@transaction.atomic
def accessibility_report_purge(*, actor: Actor, report: AccessibilityReport) -> AccessibilityReport:
    """Remove what the report holds of its sender: the words, the address, who sent it. The
    row stays, with its dates, as the fact that a report came (docs/rules.md, rule 5)."""
    report = AccessibilityReport.objects.select_for_update().get(pk=report.pk)
    if report.purged_at is not None:
        return report
    report.page, report.problem, report.contact_email = "", "", ""
    report.reported_by = None
    report.purged_at = timezone.now()
    report.save(update_fields=["page", "problem", "contact_email", "reported_by", "purged_at"])
    access.record(
        actor,
        AccessAction.DELETE,
        AccessibilityReport,
        report.pk,
        reason=gettext("retention purge of personal data"),
    )
    return report


def accessibility_reports_purge(*, now: datetime.datetime | None = None) -> int:
    """The scheduled task's work, for no one: purge every report due, each in its own
    transaction; a second run finds none left."""
    count = 0
    for report in accessibility_reports_purge_due(now):
        accessibility_report_purge(actor=SYSTEM, report=report)
        count += 1
    return count
