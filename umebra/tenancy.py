"""The municipality as tenant (docs/rules.md, rule 8).

Every object of the collaboration and the cases belongs to one municipality, through a
``municipality`` field made by :func:`tenant_field` (or through the object it is part of).
The access layer narrows every question to the municipalities the actor works in
(``Policy.tenant``), so another municipality's object answers 404 like one that does not
exist; services give a new object its municipality with :func:`municipality_for` and refuse
one that joins objects of two (:func:`require_same_municipality`).
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from umebra.models import Membership, Municipality, Organisation

if TYPE_CHECKING:
    from umebra.access import Actor


def tenant_field(*, null: bool = False) -> "models.ForeignKey[Municipality, Municipality]":
    """The field that says which municipality an object belongs to. Never changed after
    creation: moving an object would show it to another municipality's people. ``null``
    for what may belong to a whole county instead (a regional report)."""
    return models.ForeignKey(
        Municipality,
        verbose_name=gettext_lazy("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
        null=null,
        blank=null,
    )


def membership_municipality_ids(membership: Membership | None) -> frozenset[int]:
    """The municipalities a membership works in: its local organisation's one, or those a
    membership of a regional organisation names, of the organisation's own."""
    if membership is None:
        return frozenset()
    municipalities = Municipality.objects.filter(organisations=membership.organisation_id)
    if membership.organisation.regional:
        municipalities = municipalities.filter(memberships=membership)
    return frozenset(municipalities.values_list("pk", flat=True))


def membership_municipality_rows(memberships, key: str) -> list[tuple]:
    """``(key, municipality id)`` for the municipalities ``memberships`` work in, by their
    field ``key`` (their own id, their user's): the local organisation's, or those a
    membership of a regional one names."""
    local = memberships.filter(organisation__regional=False).values_list(
        key, "organisation__municipalities"
    )
    named = memberships.filter(organisation__regional=True).values_list(key, "municipalities")
    return [*local, *named]


def user_municipality_ids(user) -> frozenset[int]:
    """The municipalities ``user`` works in today, through any of their roles."""
    rows = membership_municipality_rows(Membership.objects.active().filter(user=user), "pk")
    return frozenset(municipality for _pk, municipality in rows if municipality is not None)


def host_municipality_id() -> int | None:
    """The installation's first municipality, whose auditors review what belongs to no
    municipality: the access log of before there were several (Umeå's, migration 0010),
    and the rare event of no one's (the system acting on the installation's own)."""
    return Municipality.objects.order_by("pk").values_list("pk", flat=True).first()


def municipality_for(actor: "Actor", chosen: Municipality | None = None) -> Municipality:
    """The municipality a new object of ``actor``'s belongs to: the one they chose, which
    must be one they work in, or the only one they work in. The system (the demo, a
    command) names it, unless the installation serves one municipality alone."""
    if chosen is not None:
        if actor.user is not None and chosen.pk not in actor.municipality_ids:
            raise ValidationError(_("You do not work in that municipality."))
        return chosen
    if actor.user is None:
        only = list(Municipality.objects.all()[:2])
        if len(only) == 1:
            return only[0]
    if len(actor.municipality_ids) != 1:
        raise ValidationError(_("Choose the municipality."))
    return Municipality.objects.get(pk=next(iter(actor.municipality_ids)))


def municipality_from(actor: "Actor", *sources) -> Municipality:
    """The municipality of a new object made of ``sources`` (an effort's areas, a promise's
    agreement): that of the first source that has one, which the actor must work in; the
    actor's own where none has. An organisation has one if it is local."""
    for source in sources:
        if source is None:
            continue
        if isinstance(source, Municipality):
            return municipality_for(actor, source)
        if hasattr(source, "municipality_id"):
            return municipality_for(actor, source.municipality)
        if isinstance(source, Organisation) and not source.regional:
            return municipality_for(actor, source.municipalities.get())
    return municipality_for(actor)


def require_same_municipality(municipality: Municipality, objects: Iterable) -> None:
    """Refuse to join ``objects`` (an area, an agreement, an organisation taking part) to
    an object of ``municipality`` when one belongs to another municipality. An organisation
    works in the municipality if it is one of its own (asked of them all in one query)."""
    objects = [obj for obj in objects if obj is not None]
    organisations = [obj for obj in objects if isinstance(obj, Organisation)]
    working_here = set(
        municipality.organisations.filter(pk__in=[o.pk for o in organisations]).values_list(
            "pk", flat=True
        )
    ) if organisations else set()  # fmt: skip
    for obj in objects:
        if isinstance(obj, Organisation):
            belongs = obj.pk in working_here
        else:
            belongs = obj.municipality_id == municipality.pk
        if not belongs:
            raise ValidationError(
                _("%(object)s belongs to another municipality than %(municipality)s.")
                % {"object": obj, "municipality": municipality}
            )


def county_municipality_ids(county: str) -> frozenset[int]:
    """The installation's municipalities in the county of SCB's two-digit code ``county``."""
    return frozenset(
        Municipality.objects.filter(code__startswith=county).values_list("pk", flat=True)
    )


def counties_within(municipality_ids: Iterable[int]) -> set[str]:
    """The counties every municipality of which (of the installation's) is among
    ``municipality_ids``: those whose regional figures someone working there may read,
    since they count no municipality that person does not work in."""
    ids, counties = set(municipality_ids), {}
    for pk, code in Municipality.objects.values_list("pk", "code"):
        counties.setdefault(code[:2], set()).add(pk)
    return {county for county, members in counties.items() if members <= ids}


def require_working_in(municipalities: Iterable[Municipality], organisations: Iterable) -> None:
    """Refuse to join an organisation to an object of several ``municipalities`` (a joint
    operation's parties) when it works in none of them (asked of them all in one query)."""
    organisations = [o for o in organisations if o is not None]
    if not organisations:
        return
    working = set(
        Organisation.objects.filter(
            pk__in=[o.pk for o in organisations], municipalities__in=list(municipalities)
        ).values_list("pk", flat=True)
    )
    for organisation in organisations:
        if organisation.pk not in working:
            raise ValidationError(
                _("%(organisation)s works in none of the municipalities named.")
                % {"organisation": organisation}
            )
