"""Writes of agreements, promises and safety agreements, and of their follow-up."""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from collaboration.models import (
    Activity,
    Area,
    CooperationAgreement,
    FollowUp,
    ResidentFeedback,
    Target,
    TargetValue,
    Undertaking,
)
from umebra.models import Organisation, User
from umebra.saving import save_validated


@transaction.atomic
def agreement_save(*, instance: CooperationAgreement | None = None, **fields):
    return save_validated(instance or CooperationAgreement(), fields)


@transaction.atomic
def undertaking_save(
    *,
    instance: Undertaking | None = None,
    areas: Iterable[Area],
    parties: Iterable[Organisation],
    **fields,
) -> Undertaking:
    undertaking = save_validated(instance or Undertaking(), fields)
    undertaking.areas.set(areas)
    undertaking.parties.set(parties)
    return undertaking


@transaction.atomic
def activity_save(*, undertaking: Undertaking, instance: Activity | None = None, **fields):
    return save_validated(instance or Activity(undertaking=undertaking), fields)


@transaction.atomic
def target_save(*, undertaking: Undertaking, instance: Target | None = None, **fields):
    return save_validated(instance or Target(undertaking=undertaking), fields)


@transaction.atomic
def feedback_save(*, undertaking: Undertaking, **fields) -> ResidentFeedback:
    return save_validated(ResidentFeedback(undertaking=undertaking), fields)


@transaction.atomic
def follow_up_create(
    *,
    undertaking: Undertaking,
    created_by: User,
    values: Mapping[Target, Decimal | None],
    **fields,
) -> FollowUp:
    """Record the quarter's follow-up and its indicator values together, or nothing."""
    year, quarter = fields.get("year"), fields.get("quarter")
    if (
        year is not None
        and quarter is not None
        and FollowUp.objects.filter(undertaking=undertaking, year=year, quarter=quarter).exists()
    ):
        raise ValidationError(
            {"quarter": _("This quarter has already been followed up; change that follow-up.")}
        )
    follow_up = save_validated(FollowUp(undertaking=undertaking, created_by=created_by), fields)
    TargetValue.objects.bulk_create(
        TargetValue(follow_up=follow_up, target=target, value=value)
        for target, value in values.items()
        if value is not None
    )
    return follow_up
