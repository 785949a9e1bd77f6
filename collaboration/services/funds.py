"""Writes of funds and grant applications, with the application's workflow."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import translation
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
from collaboration.selectors.funds import grant_decision_recipients
from umebra.access import Actor
from umebra.mail import mail_queue
from umebra.models import MailKind, Municipality, Organisation
from umebra.saving import save_validated
from umebra.tenancy import municipality_for, require_same_municipality
from umebra.workflow import check_transition

# A decision on an application, which its applicant is mailed.
DECIDED = frozenset({GrantStatus.GRANTED, GrantStatus.PARTLY_GRANTED, GrantStatus.REJECTED})
SPENDING_ALLOWED = frozenset(
    {GrantStatus.GRANTED, GrantStatus.PARTLY_GRANTED, GrantStatus.PROGRESS_REPORTED}
)


@transaction.atomic
def fund_create(
    *,
    actor: Actor,
    name: str,
    year: int,
    amount: Decimal,
    description: str = "",
    municipality: Municipality | None = None,
) -> Fund:
    return fund_update(
        actor=actor,
        fund=Fund(municipality=municipality_for(actor, municipality)),
        name=name,
        year=year,
        amount=amount,
        description=description,
    )


@transaction.atomic
def fund_update(
    *, actor: Actor, fund: Fund, name: str, year: int, amount: Decimal, description: str
) -> Fund:
    return save_validated(
        fund, {"name": name, "year": year, "amount": amount, "description": description}
    )


@transaction.atomic
def application_create(
    *,
    actor: Actor,
    fund: Fund,
    applicant: Organisation,
    title: str,
    problem: str,
    measure: str,
    goals: str,
    evaluation: str,
    amount_requested: Decimal,
    partners: Iterable[Organisation] = (),
) -> GrantApplication:
    return application_update(
        actor=actor, application=GrantApplication(fund=fund), applicant=applicant, title=title,
        problem=problem, measure=measure, goals=goals, evaluation=evaluation,
        amount_requested=amount_requested, partners=partners,
    )  # fmt: skip


@transaction.atomic
def application_update(
    *,
    actor: Actor,
    application: GrantApplication,
    applicant: Organisation,
    title: str,
    problem: str,
    measure: str,
    goals: str,
    evaluation: str,
    amount_requested: Decimal,
    partners: Iterable[Organisation],
) -> GrantApplication:
    partners = list(partners)
    require_same_municipality(application.fund.municipality, [applicant, *partners])
    application = save_validated(
        application,
        {
            "applicant": applicant, "title": title, "problem": problem, "measure": measure,
            "goals": goals, "evaluation": evaluation, "amount_requested": amount_requested,
        },
    )  # fmt: skip
    application.partners.set(partners)
    return application


@transaction.atomic
def budget_line_create(
    *, actor: Actor, application: GrantApplication, item: str, amount: Decimal
) -> BudgetLine:
    return save_validated(BudgetLine(application=application), {"item": item, "amount": amount})


@transaction.atomic
def application_transition(
    *,
    actor: Actor,
    application: GrantApplication,
    status: str,
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
            application=application, status=status, text=report, created_by=actor.user
        )
    if status in DECIDED:
        _tell_applicant(application)
    return application


def _tell_applicant(application: GrantApplication) -> None:
    """Mail the applicant organisation's people who may open the application
    (``grant_decision_recipients``) that it was decided: how, and a link, never the title,
    the amount or the reason, which the page shows behind its rule."""
    with translation.override("sv"):  # as every mail (umebra.mail)
        sentences: dict[str, str] = {
            GrantStatus.GRANTED: _("A grant application from your organisation was approved."),
            GrantStatus.PARTLY_GRANTED: _(
                "A grant application from your organisation was partly approved."
            ),
            GrantStatus.REJECTED: _("A grant application from your organisation was refused."),
        }
        sentence = sentences[application.status]
        mail_queue(
            kind=MailKind.GRANT_DECIDED,
            recipients=grant_decision_recipients(application),
            subject=_("A grant application was decided"),
            sentence=sentence,
            link=application.get_absolute_url(),
            key=f"grant-decided:{application.pk}",
        )


@transaction.atomic
def spending_create(
    *,
    actor: Actor,
    application: GrantApplication,
    date: datetime.date,
    amount: Decimal,
    description: str,
) -> Spending:
    """Record money spent, never more in all than was granted."""
    application = GrantApplication.objects.select_for_update().get(pk=application.pk)
    if application.status not in SPENDING_ALLOWED:
        raise ValidationError(_("Spending is recorded only while a grant is running."))
    spent = application.spending.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    if spent + amount > (application.amount_granted or 0):
        raise ValidationError(
            _("That would spend %(total)s SEK of a grant of %(granted)s SEK.")
            % {"total": spent + amount, "granted": application.amount_granted}
        )
    return save_validated(
        Spending(application=application),
        {"date": date, "amount": amount, "description": description},
    )
