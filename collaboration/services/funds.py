"""Writes of funds and grant applications, with the application's workflow."""

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from collaboration.models import (
    GRANT_TRANSITIONS,
    BudgetLine,
    Fund,
    GrantApplication,
    GrantReport,
    GrantStatus,
    Spending,
)
from umebra.models import Organisation, User
from umebra.saving import save_validated
from umebra.workflow import check_transition

SPENDING_ALLOWED = frozenset(
    {GrantStatus.GRANTED, GrantStatus.PARTLY_GRANTED, GrantStatus.PROGRESS_REPORTED}
)


@transaction.atomic
def fund_save(*, instance: Fund | None = None, **fields) -> Fund:
    return save_validated(instance or Fund(), fields)


@transaction.atomic
def application_save(
    *,
    fund: Fund,
    instance: GrantApplication | None = None,
    partners: Iterable[Organisation] = (),
    **fields,
) -> GrantApplication:
    application = save_validated(instance or GrantApplication(fund=fund), fields)
    application.partners.set(partners)
    return application


@transaction.atomic
def budget_line_add(*, application: GrantApplication, **fields) -> BudgetLine:
    return save_validated(BudgetLine(application=application), fields)


@transaction.atomic
def application_transition(
    *,
    application: GrantApplication,
    status: str,
    by: User,
    amount_granted: Decimal | None = None,
    note: str = "",
    report: str = "",
    outcome: Decimal | None = None,
    outcome_unit: str = "",
) -> GrantApplication:
    """Move an application on, with what each step needs, or refuse with the reason."""
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    check_transition(GRANT_TRANSITIONS, GrantStatus, application.status, status)
    errors = {}
    if status == GrantStatus.GRANTED:
        application.amount_granted = application.amount_requested
    elif status == GrantStatus.PARTLY_GRANTED:
        if amount_granted is None or not 0 < amount_granted < application.amount_requested:
            errors["amount_granted"] = _(
                "A partial grant is more than nothing and less than the amount requested."
            )
        application.amount_granted = amount_granted
    elif status in (GrantStatus.REJECTED, GrantStatus.RECLAIMED, GrantStatus.SUPPLEMENT_REQUESTED):
        if not note.strip():
            errors["note"] = _("Give the reason; the applicant is told it.")
    elif status in (GrantStatus.PROGRESS_REPORTED, GrantStatus.FINAL_REPORTED):
        if not report.strip():
            errors["report"] = _("Paste or summarise the applicant's report.")
        if status == GrantStatus.FINAL_REPORTED and (outcome is None or not outcome_unit.strip()):
            errors["outcome"] = _("A final report states the outcome and its unit.")
        application.outcome, application.outcome_unit = outcome, outcome_unit.strip()
    if errors:
        raise ValidationError(errors)
    if note.strip():
        application.decision_note = note.strip()
    application.status = status
    application.full_clean()
    application.save()
    if report.strip():
        GrantReport.objects.create(
            application=application, status=status, text=report, created_by=by
        )
    return application


@transaction.atomic
def spending_add(*, application: GrantApplication, **fields) -> Spending:
    """Record money spent, never more in all than was granted."""
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    if application.status not in SPENDING_ALLOWED:
        raise ValidationError(_("Spending is recorded only while a grant is running."))
    spent = application.spending.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    if spent + fields["amount"] > (application.amount_granted or 0):
        raise ValidationError(
            _("That would spend %(total)s SEK of a grant of %(granted)s SEK.")
            % {"total": spent + fields["amount"], "granted": application.amount_granted}
        )
    return save_validated(Spending(application=application), fields)
