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
    Problem,
    SituationPicture,
)
from umebra.models import User
from umebra.saving import save_validated
from umebra.workflow import check_transition

AdoptedDocument = SituationPicture | ActionPlan


@transaction.atomic
def picture_save(*, instance: SituationPicture | None = None, indicators=(), **fields):
    picture = save_validated(instance or SituationPicture(), fields)
    picture.indicators.set(indicators)
    return picture


@transaction.atomic
def problem_save(
    *, picture: SituationPicture, instance: Problem | None = None, areas: Iterable[Area], **fields
) -> Problem:
    problem = save_validated(instance or Problem(picture=picture), fields)
    problem.areas.set(areas)
    return problem


@transaction.atomic
def plan_save(*, instance: ActionPlan | None = None, **fields) -> ActionPlan:
    return save_validated(instance or ActionPlan(), fields)


@transaction.atomic
def row_save(
    *,
    plan: ActionPlan,
    instance: ActionRow | None = None,
    updated_by: User | None = None,
    problems=(),
    efforts=(),
    undertakings=(),
    grants=(),
    **fields,
) -> ActionRow:
    row = save_validated(instance or ActionRow(plan=plan, updated_by=updated_by), fields)
    row.problems.set(problems)
    row.efforts.set(efforts)
    row.undertakings.set(undertakings)
    row.grants.set(grants)
    return row


@transaction.atomic
def document_transition(
    *,
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
