"""Writes of the situation picture and the action plan, with their adoption workflow."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from collaboration.models import (
    DOCUMENT_TRANSITIONS,
    ActionPlan,
    ActionRow,
    Area,
    DocumentStatus,
    GrantApplication,
    Indicator,
    JointEffort,
    Problem,
    SituationPicture,
    Undertaking,
)
from collaboration.models.situation import RowStatus
from umebra.access import Actor
from umebra.models import Organisation
from umebra.saving import save_validated
from umebra.tenancy import municipality_from, require_same_municipality
from umebra.workflow import check_transition

AdoptedDocument = SituationPicture | ActionPlan


@transaction.atomic
def picture_create(
    *,
    actor: Actor,
    title: str,
    mapping: str,
    analysis: str,
    sources: str,
    other_information: str = "",
    source_limits: str = "",
    indicators: Iterable[Indicator] = (),
) -> SituationPicture:
    indicators = list(indicators)
    picture = SituationPicture(municipality=municipality_from(actor, *indicators[:1]))
    return picture_update(
        actor=actor, picture=picture, title=title, mapping=mapping,
        analysis=analysis, sources=sources, other_information=other_information,
        source_limits=source_limits, indicators=indicators,
    )  # fmt: skip


@transaction.atomic
def picture_update(
    *,
    actor: Actor,
    picture: SituationPicture,
    title: str,
    mapping: str,
    analysis: str,
    sources: str,
    other_information: str,
    source_limits: str,
    indicators: Iterable[Indicator],
) -> SituationPicture:
    indicators = list(indicators)
    require_same_municipality(picture.municipality, indicators)
    picture = save_validated(
        picture,
        {
            "title": title, "mapping": mapping, "analysis": analysis, "sources": sources,
            "other_information": other_information, "source_limits": source_limits,
        },
    )  # fmt: skip
    picture.indicators.set(indicators)
    return picture


@transaction.atomic
def problem_create(
    *,
    actor: Actor,
    picture: SituationPicture,
    priority: int,
    title: str,
    description: str,
    offender: str,
    victim_target: str,
    place: str,
    areas: Iterable[Area],
) -> Problem:
    areas = list(areas)
    require_same_municipality(picture.municipality, areas)
    problem = save_validated(
        Problem(picture=picture),
        {
            "priority": priority, "title": title, "description": description,
            "offender": offender, "victim_target": victim_target, "place": place,
        },
    )  # fmt: skip
    problem.areas.set(areas)
    return problem


@transaction.atomic
def plan_create(*, actor: Actor, title: str, picture: SituationPicture) -> ActionPlan:
    plan = ActionPlan(municipality=municipality_from(actor, picture))
    return plan_update(actor=actor, plan=plan, title=title, picture=picture)


@transaction.atomic
def plan_update(
    *, actor: Actor, plan: ActionPlan, title: str, picture: SituationPicture
) -> ActionPlan:
    require_same_municipality(plan.municipality, [picture])
    return save_validated(plan, {"title": title, "picture": picture})


@transaction.atomic
def row_create(
    *,
    actor: Actor,
    plan: ActionPlan,
    cause: str,
    measure: str,
    goal: str,
    when: str,
    responsible: Organisation,
    follow_up: str,
    status: str = RowStatus.GREEN,
    problems: Iterable[Problem] = (),
    efforts: Iterable[JointEffort] = (),
    undertakings: Iterable[Undertaking] = (),
    grants: Iterable[GrantApplication] = (),
) -> ActionRow:
    """A row of the plan; its author is who last changed it until someone else does."""
    return row_update(
        actor=actor, row=ActionRow(plan=plan), cause=cause,
        measure=measure, goal=goal, when=when, responsible=responsible, follow_up=follow_up,
        status=status, problems=problems, efforts=efforts, undertakings=undertakings,
        grants=grants,
    )  # fmt: skip


@transaction.atomic
def row_update(
    *,
    actor: Actor,
    row: ActionRow,
    cause: str,
    measure: str,
    goal: str,
    when: str,
    responsible: Organisation,
    follow_up: str,
    status: str,
    problems: Iterable[Problem],
    efforts: Iterable[JointEffort],
    undertakings: Iterable[Undertaking],
    grants: Iterable[GrantApplication],
) -> ActionRow:
    problems, efforts, undertakings = list(problems), list(efforts), list(undertakings)
    grants = list(grants)
    require_same_municipality(
        row.plan.municipality,
        [responsible, *efforts, *undertakings, *(p.picture for p in problems),
         *(g.fund for g in grants)],
    )  # fmt: skip
    row = save_validated(
        row,
        {
            "cause": cause, "measure": measure, "goal": goal, "when": when,
            "responsible": responsible, "follow_up": follow_up, "status": status,
            "updated_by": actor.user,
        },
    )  # fmt: skip
    row.problems.set(problems)
    row.efforts.set(efforts)
    row.undertakings.set(undertakings)
    row.grants.set(grants)
    return row


@transaction.atomic
def document_transition(
    *,
    actor: Actor,
    document: AdoptedDocument,
    status: str,
    adopted_by: str = "",
    adopted_on: datetime.date | None = None,
    case_number: str = "",
) -> AdoptedDocument:
    """Move a situation picture or action plan along draft → review → adopted → superseded.

    Adoption records the body, date and case number, and supersedes the document of the same
    kind adopted before it: only one is in force.
    """
    document = type(document).objects.select_for_update().get(pk=document.pk)
    check_transition(DOCUMENT_TRANSITIONS, DocumentStatus, document.status, status)
    if status == DocumentStatus.ADOPTED:
        missing = [
            label
            for label, value in [
                (_("the body that adopted it"), adopted_by),
                (_("the date"), adopted_on),
                (_("the case number"), case_number),
            ]
            if not value
        ]
        if missing:
            raise ValidationError(_("An adoption records %s.") % ", ".join(missing))
        type(document).objects.filter(status=DocumentStatus.ADOPTED).update(
            status=DocumentStatus.SUPERSEDED
        )
        document.adopted_by, document.adopted_on = adopted_by, adopted_on
        document.case_number = case_number
    document.status = status
    document.full_clean()
    document.save()
    return document
