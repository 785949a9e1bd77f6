"""Reads of SIG cases, always through the access layer."""

from django.db.models import QuerySet
from django.utils import timezone

from cases.models import SigCase, SigCaseUserObjectPermission
from cases.policy import CASE_ROLES
from cases.visibility import case_grants_in_force, grants_in_force
from umebra import access
from umebra.models import Membership, User


def case_list(*, user: User) -> QuerySet[SigCase]:
    """The cases the user sees, newest first, with what the rows show joined in (an area's
    name, not the GeoJSON boundary only a map draws)."""
    return (
        access.restrict(user, SigCase.objects.all())
        .select_related("person__area", "owner")
        .defer("person__area__boundary")
    )


def case_parts(*, user: User, case: SigCase) -> dict:
    """What the case page shows, each part narrowed by its own rule (notes by visibility),
    read once: the page and its access event use the same rows."""
    return {
        "guardians": list(access.restrict(user, case.person.guardians.all())),
        "consents": list(
            access.restrict(
                user, case.consents.prefetch_related("organisations", "signatures__guardian")
            )
        ),
        "notes": list(
            access.restrict(user, case.notes.select_related("author", "author_organisation"))
        ),
        "actions": list(access.restrict(user, case.actions.select_related("organisation"))),
        "disclosures": list(
            access.restrict(
                user, case.disclosures.select_related("from_organisation", "to_organisation")
            )
        ),
        "grants": SigCaseUserObjectPermission.objects.filter(content_object=case)
        .select_related("user")
        .order_by("user__username")
        if access.allows(user, case, access.Action.CHANGE)
        else [],
    }


def grantable_users(*, case: SigCase) -> QuerySet[User]:
    """Users of the organisations a consent in force covers, in roles that work cases, who
    hold no grant in force for the case yet (and not its owner, who sees it already)."""
    today = timezone.localdate()
    consents = [c for c in case.consents.prefetch_related("organisations") if c.is_valid_on(today)]
    organisations = {o.pk for consent in consents for o in consent.organisations.all()}
    memberships = Membership.objects.active().filter(
        organisation__in=organisations, role__in=CASE_ROLES
    )
    return (
        User.objects.filter(memberships__in=memberships)
        .exclude(pk=case.owner_id)
        .exclude(pk__in=case_grants_in_force(case).values("user"))
        .distinct()
        .order_by("username")
    )


SHOWN_PARTS = ("guardians", "consents", "notes", "actions", "disclosures")


def shown_parts(parts: dict) -> list:
    """The personal-data parts the case page shows (the access layer keeps those it logs)."""
    return [part for name in SHOWN_PARTS for part in parts[name]]


def reading_without_part(*, actor: access.Actor, case: SigCase) -> bool:
    """Whether the actor reads the case only through emergency access: neither its owner nor
    holding a grant in force for it (an expired one is no part in the case)."""
    is_owner = case.owner_id == actor.person.pk
    is_granted = grants_in_force(actor).filter(content_object=case)
    return not is_owner and not is_granted.exists()
