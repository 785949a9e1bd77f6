"""Writes of readers' accessibility reports. The statement itself is kept in the admin."""

from django.db import transaction

from umebra import access
from umebra.access import Actor
from umebra.accessibility.models import AccessibilityReport
from umebra.audit.models import AccessAction
from umebra.saving import save_validated


@transaction.atomic
def accessibility_report_create(
    *, actor: Actor, page: str, problem: str, contact_email: str = ""
) -> AccessibilityReport:
    """Keep a reader's report of a problem. The law lets anyone report, so ``actor`` may be
    anonymous; a logged-in reader is named, so that a coordinator can answer them.

    The coordinators are not told by e-mail yet: that waits for the e-mail outbox (a later
    step of issue 19), which will send from here, after commit. Until then they find new
    reports on their list page.
    """
    report = save_validated(
        AccessibilityReport(reported_by=actor.user),
        {"page": page, "problem": problem, "contact_email": contact_email},
    )
    access.record(actor, AccessAction.CREATE, AccessibilityReport, report.pk)
    return report
