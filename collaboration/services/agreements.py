"""Writes of agreements, promises and safety agreements, and of their follow-up.

The views check who may write (``access``); the actor is named so that every service takes
the same shape, and is stored where the model keeps who wrote (a follow-up's author).
"""

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
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
from collaboration.models.agreements import ActivityStatus, AgreementStatus, UndertakingStatus
from umebra.access import Actor
from umebra.models import Municipality, Organisation, User
from umebra.saving import history_user_set, save_validated
from umebra.tenancy import municipality_from, require_same_municipality


@transaction.atomic
def agreement_create(
    *,
    actor: Actor,
    title: str,
    municipal_party: Organisation,
    police: Organisation,
    valid_from: datetime.date,
    valid_to: datetime.date,
    focus: str,
    municipality_signatory: str = "",
    police_signatory: str = "",
    status: str = AgreementStatus.DRAFT,
    document: File | str | None = "",
) -> CooperationAgreement:
    agreement = CooperationAgreement(municipality=municipality_from(actor, municipal_party))
    return agreement_update(
        actor=actor, agreement=agreement, title=title, municipal_party=municipal_party,
        police=police, valid_from=valid_from, valid_to=valid_to, focus=focus,
        municipality_signatory=municipality_signatory, police_signatory=police_signatory,
        status=status, document=document,
    )  # fmt: skip


@transaction.atomic
def agreement_update(
    *,
    actor: Actor,
    agreement: CooperationAgreement,
    title: str,
    municipal_party: Organisation,
    police: Organisation,
    valid_from: datetime.date,
    valid_to: datetime.date,
    focus: str,
    municipality_signatory: str,
    police_signatory: str,
    status: str,
    document: File | str | None,
) -> CooperationAgreement:
    require_same_municipality(agreement.municipality, [municipal_party, police])
    return save_validated(
        agreement,
        {
            "title": title, "municipal_party": municipal_party, "police": police,
            "valid_from": valid_from, "valid_to": valid_to, "focus": focus,
            "municipality_signatory": municipality_signatory,
            "police_signatory": police_signatory, "status": status, "document": document,
        },
    )  # fmt: skip


@transaction.atomic
def undertaking_create(
    *,
    actor: Actor,
    kind: str,
    title: str,
    problem: str,
    valid_from: datetime.date,
    valid_to: datetime.date,
    areas: Iterable[Area],
    parties: Iterable[Organisation],
    agreement: CooperationAgreement | None = None,
    place: str = "",
    status: str = UndertakingStatus.DRAFT,
    published: bool = False,
    municipality: Municipality | None = None,
) -> Undertaking:
    """A new undertaking. The pages make it unpublished: a promise goes public through
    ``undertaking_publish`` after its preview; ``published`` is for the demo and imports.
    It is in the municipality named, or its agreement's, or its first area's, or the only
    one the actor works in."""
    areas = list(areas)
    undertaking = Undertaking(
        kind=kind,
        published=published,
        municipality=municipality_from(actor, municipality, agreement, *areas[:1]),
    )
    return undertaking_update(
        actor=actor, undertaking=undertaking, title=title,
        problem=problem, valid_from=valid_from, valid_to=valid_to, areas=areas, parties=parties,
        agreement=agreement, place=place, status=status,
    )  # fmt: skip


@transaction.atomic
def undertaking_update(
    *,
    actor: Actor,
    undertaking: Undertaking,
    title: str,
    problem: str,
    valid_from: datetime.date,
    valid_to: datetime.date,
    areas: Iterable[Area],
    parties: Iterable[Organisation],
    status: str,
    agreement: CooperationAgreement | None = None,
    place: str = "",
) -> Undertaking:
    """Change an undertaking (its kind stays). The fields its kind's form leaves out (a
    promise's place; a safety agreement's agreement) keep their defaults, which the model's
    rules require of that kind anyway. Whether it is public is not changed here but by
    ``undertaking_publish`` and ``undertaking_withdraw``."""
    areas, parties = list(areas), list(parties)
    require_same_municipality(undertaking.municipality, [*areas, *parties, agreement])
    undertaking = save_validated(
        undertaking,
        {
            "title": title, "problem": problem, "valid_from": valid_from, "valid_to": valid_to,
            "agreement": agreement, "place": place, "status": status,
        },
    )  # fmt: skip
    undertaking.areas.set(areas)
    undertaking.parties.set(parties)
    return undertaking


@transaction.atomic
def activity_create(
    *,
    actor: Actor,
    undertaking: Undertaking,
    description: str,
    responsible: Organisation,
    due: datetime.date,
    status: str = ActivityStatus.PLANNED,
    responsible_person: User | None = None,
) -> Activity:
    return activity_update(
        actor=actor, activity=Activity(undertaking=undertaking), description=description,
        responsible=responsible, responsible_person=responsible_person, due=due, status=status,
    )  # fmt: skip


@transaction.atomic
def activity_update(
    *,
    actor: Actor,
    activity: Activity,
    description: str,
    responsible: Organisation,
    due: datetime.date,
    status: str,
    responsible_person: User | None = None,
) -> Activity:
    """Save the activity; its responsible person, if any, must act for the responsible
    organisation (``Activity.clean``)."""
    return save_validated(
        activity,
        {
            "description": description, "responsible": responsible,
            "responsible_person": responsible_person, "due": due, "status": status,
        },
        actor=actor,
    )  # fmt: skip


@transaction.atomic
def target_create(
    *,
    actor: Actor,
    undertaking: Undertaking,
    name: str,
    unit: str,
    baseline: Decimal,
    target: Decimal,
    source: str = "",
) -> Target:
    return save_validated(
        Target(undertaking=undertaking),
        {"name": name, "unit": unit, "source": source, "baseline": baseline, "target": target},
    )


@transaction.atomic
def feedback_create(
    *,
    actor: Actor,
    undertaking: Undertaking,
    date: datetime.date,
    channel: str,
    description: str,
    people_reached: int = 0,
) -> ResidentFeedback:
    return save_validated(
        ResidentFeedback(undertaking=undertaking),
        {
            "date": date,
            "channel": channel,
            "description": description,
            "people_reached": people_reached,
        },
    )


@transaction.atomic
def follow_up_create(
    *,
    actor: Actor,
    undertaking: Undertaking,
    year: int,
    quarter: int,
    status: str,
    values: Mapping[Target, Decimal | None],
    comment: str = "",
) -> FollowUp:
    """Record the quarter's follow-up and its indicator values together, or nothing. It is
    not public until published (``follow_up_publish``), after a look at the preview."""
    return follow_up_update(
        actor=actor, follow_up=FollowUp(undertaking=undertaking, created_by=actor.user),
        year=year, quarter=quarter, status=status, values=values, comment=comment,
    )  # fmt: skip


@transaction.atomic
def follow_up_update(
    *,
    actor: Actor,
    follow_up: FollowUp,
    year: int,
    quarter: int,
    status: str,
    values: Mapping[Target, Decimal | None],
    comment: str,
) -> FollowUp:
    """Correct a follow-up and its values; each change is kept with who made it. A value left
    empty is removed. A published follow-up stays public, and a change to it is dated as a
    correction (``corrected_at``), which the public page shows beside it."""
    quarters = FollowUp.objects.filter(undertaking=follow_up.undertaking, year=year)
    if quarters.filter(quarter=quarter).exclude(pk=follow_up.pk).exists():
        raise ValidationError(
            {"quarter": _("This quarter has already been followed up; change that follow-up.")}
        )
    fields = {"year": year, "quarter": quarter, "status": status, "comment": comment}
    changed = any(getattr(follow_up, name) != value for name, value in fields.items())
    follow_up = save_validated(follow_up, fields, actor=actor)
    stored = {value.target_id: value for value in follow_up.values.all()}
    for target, value in values.items():
        kept = stored.get(target.pk)
        if kept is None and value is not None:
            save_validated(
                TargetValue(follow_up=follow_up, target=target), {"value": value}, actor=actor
            )
        elif kept is not None and value is None:
            history_user_set(kept, actor)
            kept.delete()
        elif kept is not None and kept.value != value:
            save_validated(kept, {"value": value}, actor=actor)
        else:
            continue
        changed = True
    if changed and follow_up.published_at is not None:
        follow_up.corrected_at = timezone.now()
        follow_up.save(update_fields=["corrected_at"])
    return follow_up


@transaction.atomic
def undertaking_publish(*, actor: Actor, undertaking: Undertaking) -> Undertaking:
    """Put a citizen promise on the public promises page: the explicit step after its
    preview. Its follow-ups show there as each is published."""
    return save_validated(undertaking, {"published": True})


@transaction.atomic
def undertaking_withdraw(*, actor: Actor, undertaking: Undertaking) -> Undertaking:
    """Take a promise off the public page; it and its follow-ups are kept as they are."""
    return save_validated(undertaking, {"published": False})


@transaction.atomic
def follow_up_publish(*, actor: Actor, follow_up: FollowUp) -> FollowUp:
    """Put a follow-up on the public promises page (of a published promise): the explicit
    step after its preview. Publishing one already public changes nothing."""
    if follow_up.published_at is None:
        follow_up.published_at = timezone.now()
        history_user_set(follow_up, actor)
        follow_up.save(update_fields=["published_at"])
    return follow_up
