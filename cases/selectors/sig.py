"""Reads of SIG cases, always through the access layer."""

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from cases.models import (
    CASE_TRANSITIONS,
    CONSENT_STATUSES,
    CaseStatus,
    Consent,
    SigCase,
    SigCaseUserObjectPermission,
)
from cases.policy import CASE_ROLES
from cases.visibility import case_grants_in_force, grants_in_force
from umebra import access
from umebra.models import Membership, User
from umebra.policy import memberships_in
from umebra.workflow import next_choices


def case_list(*, user: User) -> QuerySet[SigCase]:
    """The cases the user sees, newest first, with what the rows show joined in (an area's
    name, not the GeoJSON boundary only a map draws)."""
    return (
        access.restrict(user, SigCase.objects.all())
        .select_related("person__area", "owner", "municipality")
        .defer("person__area__boundary")
    )


def consent_in_force_elsewhere(day: datetime.date) -> Exists:
    """True of a case (as ``SigCase`` rows) on ``day`` while a consent in force then covers
    an organisation other than the owner's: what makes a case active rather than awaiting
    consent. The one statement of it, for the case's status, the nightly job that keeps it,
    and the reports' count of active cases (of any day, so a past quarter's count stands).

    A consent revoked on ``day`` is no longer in force that day, as ``Consent.is_valid_on``
    says; it is compared by the moment the next day begins, in local time.
    """
    next_day = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    )
    covered = Consent.organisations.through.objects.filter(
        Q(consent__revoked_at__isnull=True) | Q(consent__revoked_at__gte=next_day),
        ~Q(organisation=OuterRef("owner_organisation")),
        consent__case=OuterRef("pk"),
        consent__complete=True,
        consent__valid_from__lte=day,
        consent__valid_to__gte=day,
    )
    return Exists(covered)


def case_status_follows(case: SigCase) -> CaseStatus:
    """The status the consents give the case today: active or awaiting consent."""
    in_force = consent_in_force_elsewhere(timezone.localdate())
    active = SigCase.objects.filter(in_force, pk=case.pk).exists()
    return CaseStatus.ACTIVE if active else CaseStatus.AWAITING_CONSENT


def case_status_choices(*, case: SigCase) -> list[tuple[str, str]]:
    """The statuses the owner may choose by hand: only those that can follow. Of active and
    awaiting consent, only the one the consents give is offered (to leave a referral or
    reopen a closed case); purging is the retention task's."""
    follows = case_status_follows(case)
    exclude: set[str] = {CaseStatus.PURGED, *(CONSENT_STATUSES - {follows})}
    return next_choices(CASE_TRANSITIONS, CaseStatus, case.status, exclude=exclude)


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
    """Users of the organisations a consent in force covers, in roles that work cases in the
    case's municipality, who hold no grant in force for the case yet (and not its owner, who
    sees it already). An officer of the police area who works elsewhere is not named."""
    today = timezone.localdate()
    consents = [c for c in case.consents.prefetch_related("organisations") if c.is_valid_on(today)]
    organisations = {o.pk for consent in consents for o in consent.organisations.all()}
    memberships = Membership.objects.active().filter(
        organisation__in=organisations,
        role__in=CASE_ROLES,
        pk__in=memberships_in([case.municipality_id]),
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
