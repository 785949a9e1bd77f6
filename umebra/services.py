"""Writes of the core's identity data. Views, commands and tasks all go through these."""

import datetime
from collections.abc import Iterable
from typing import cast

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from umebra import access
from umebra.access import SYSTEM, Actor, policy_for
from umebra.audit.models import AccessAction
from umebra.audit.services import alert_raise
from umebra.jobs import job_claim, job_enqueue, job_finish
from umebra.mail import mail_kinds_for, mail_queue
from umebra.models import (
    MailKind,
    MailPreference,
    Membership,
    MembershipStatus,
    Municipality,
    Organisation,
    OrganisationKind,
    SecondAdministratorStep,
    User,
    WorkerPing,
)
from umebra.policy import APPOINT, APPROVE, DISMISS, REFUSE, Grant, MembershipPolicy
from umebra.roles import OVERSIGHT_ROLES, PERSONAL_DATA_ROLES, Role, group_name
from umebra.saving import save_validated
from umebra.selectors import (
    membership_approvers,
    membership_current,
    membership_municipality_choices,
)
from umebra.tenancy import municipality_for, require_same_municipality


def _user_groups_sync(user: User) -> None:
    """Put the user in exactly the group of their active membership's role.

    Administrators get ``is_staff`` with it, which opens Django's admin; nobody is made a
    superuser here, so an administrator sees no case content by default.
    """
    membership = membership_current(user=user)
    role_groups = Group.objects.filter(name__in=[group_name(role) for role in Role])
    user.groups.remove(*role_groups)
    if membership:
        user.groups.add(Group.objects.get(name=group_name(membership.role)))
    is_staff = bool(membership and membership.role == Role.ADMIN) or user.is_superuser
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])


def _membership_for(actor: Actor, membership: Membership, action: str) -> Membership:
    """The membership, locked, if ``actor`` may ``action`` it; refused otherwise."""
    found = access.restrict(
        actor.user, Membership.objects.select_for_update().filter(pk=membership.pk), action
    ).first()
    if found is None:
        raise PermissionDenied(f"{actor.role} may not {action} membership {membership.pk}")
    return found


def _describe(membership: Membership) -> str:
    return _("%(role)s at %(organisation)s for %(user)s") % {
        "role": membership.get_role_display(),
        "organisation": membership.organisation,
        "user": membership.user.get_username(),
    }


def _take_effect(actor: Actor, membership: Membership) -> None:
    """A membership now approved: its holder is in its role's group, and the auditor is
    told of every role that reaches personal data (docs/rules.md, rule 7)."""
    _user_groups_sync(membership.user)
    if membership.role in PERSONAL_DATA_ROLES and actor is not SYSTEM:
        alert_raise(
            user=membership.user,
            description=_("Role given: %(membership)s, by %(by)s")
            % {"membership": _describe(membership), "by": _people(membership)},
        )


def _people(membership: Membership) -> str:
    """Who gave the role, or who asked for it and who approved it."""
    if membership.is_given:
        return _username(membership.decided_by)
    return _("%(asked)s (asked) and %(approved)s (approved)") % {
        "asked": _username(membership.requested_by),
        "approved": _username(membership.decided_by),
    }


def _username(user: User | None) -> str:
    """A step's taker; a dash once their account is gone."""
    return user.get_username() if user else "–"


@transaction.atomic
def membership_create(
    *,
    actor: Actor,
    user: User,
    organisation: Organisation,
    role: Role,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    municipalities: Iterable[Municipality] = (),
) -> Membership:
    """Give ``user`` a role in ``organisation`` for a period that overlaps no other, or ask
    for it: which, is ``MembershipPolicy.grant``'s answer for the actor. An asked-for
    membership gives nothing until it is approved. ``SYSTEM`` (the demo seed) gives any.

    In a regional organisation the membership names the ``municipalities`` its holder
    works in, of the organisation's own; in a local one it names none, for it works in the
    organisation's one."""
    municipalities = _membership_municipalities(organisation, list(municipalities))
    grant: Grant | None
    if actor is SYSTEM:
        grant = Grant.GIVE
    else:
        if user.pk == actor.person.pk:
            raise ValidationError(
                _("Nobody gives themselves a role: ask your organisation's member administrator.")
            )
        _check_reach(actor, organisation, municipalities)
        # umebra.policy registers a MembershipPolicy for Membership.
        grant = cast(MembershipPolicy, policy_for(Membership)).grant(actor, organisation, role)
        if grant is None:
            raise PermissionDenied(f"{actor.role} may not hand out {role} in {organisation}")
    now = timezone.now()
    given = grant == Grant.GIVE
    membership = save_validated(
        Membership(),
        {
            "user": user,
            "organisation": organisation,
            "role": role,
            "valid_from": valid_from or timezone.localdate(),
            "valid_to": valid_to,
            "status": MembershipStatus.APPROVED if given else MembershipStatus.REQUESTED,
            "requested_by": actor.user,
            "requested_at": now,
            "decided_by": actor.user if given else None,
            "decided_at": now if given else None,
        },
    )
    membership.municipalities.set(municipalities)
    access.record(
        actor,
        AccessAction.CREATE,
        Membership,
        membership.pk,
        reason="membership given" if given else "membership requested",
    )
    if given:
        _take_effect(actor, membership)
    else:
        _tell_approvers(membership)
    return membership


def _check_reach(actor: Actor, organisation: Organisation, municipalities: list) -> None:
    """Refuse a role in an organisation of none of the actor's municipalities, or work in
    a municipality the actor may not give (``membership_municipality_choices``)."""
    if not organisation.municipalities.filter(pk__in=actor.municipality_ids).exists():
        raise PermissionDenied(f"{organisation} works in none of the actor's municipalities")
    allowed = membership_municipality_choices(actor=actor, organisation=organisation)
    if set(municipalities) - set(allowed):
        raise PermissionDenied(f"{actor.role} may not give work in those municipalities")


def _membership_municipalities(
    organisation: Organisation, municipalities: list[Municipality]
) -> list[Municipality]:
    """The municipalities a new membership names: none in a local organisation; in a
    regional one, those given, of the organisation's own, or its only one if it has one."""
    if not organisation.regional:
        if municipalities:
            raise ValidationError(_("A local organisation's members work in its municipality."))
        return []
    works_in = set(organisation.municipalities.values_list("pk", flat=True))
    if not municipalities and len(works_in) == 1:
        return list(organisation.municipalities.all())
    if not municipalities:
        raise ValidationError(_("Name the municipalities the member works in."))
    if any(municipality.pk not in works_in for municipality in municipalities):
        raise ValidationError(
            _("%(organisation)s does not work in every one of them.")
            % {"organisation": organisation}
        )
    return municipalities


def _tell_approvers(membership: Membership) -> None:
    """Mail those who may approve an asked-for role that it waits: the organisation and no
    more, for who is to hold which role is read on the home page, behind the policy."""
    with translation.override("sv"):  # as every mail (umebra.mail)
        sentence = _("A role in %(organisation)s waits for your approval.") % {
            "organisation": membership.organisation.name
        }
        mail_queue(
            kind=MailKind.ROLE_REQUEST,
            recipients=membership_approvers(membership),
            subject=_("A role waits for your approval"),
            sentence=sentence,
            link=reverse("home"),
            key=f"membership-request:{membership.pk}",
        )


@transaction.atomic
def membership_approve(*, actor: Actor, membership: Membership) -> Membership:
    """Approve a role someone else asked for: from now on it gives its role."""
    membership = _membership_for(actor, membership, APPROVE)
    membership.status, membership.decided_by = MembershipStatus.APPROVED, actor.user
    membership.decided_at = timezone.now()
    membership.full_clean()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    access.record(
        actor, AccessAction.CHANGE, Membership, membership.pk, reason="membership approved"
    )
    _take_effect(actor, membership)
    return membership


@transaction.atomic
def membership_refuse(*, actor: Actor, membership: Membership, reason: str = "") -> Membership:
    """Refuse a request (or withdraw one's own): it never gives its role."""
    membership = _membership_for(actor, membership, REFUSE)
    membership.status, membership.decided_by = MembershipStatus.REFUSED, actor.user
    membership.decided_at, membership.refusal_reason = timezone.now(), reason.strip()
    membership.full_clean()
    membership.save(update_fields=["status", "decided_by", "decided_at", "refusal_reason"])
    access.record(
        actor, AccessAction.CHANGE, Membership, membership.pk, reason="membership refused"
    )
    return membership


AWAITING_FIELDS = ["awaiting", "awaiting_asked_by", "awaiting_asked_at"]


def _awaiting_clear(membership: Membership) -> None:
    membership.awaiting, membership.awaiting_asked_by, membership.awaiting_asked_at = "", None, None


def _confirmed(actor: Actor, membership: Membership, step: SecondAdministratorStep) -> bool:
    """For a step that takes two administrators: whether ``actor`` confirms it now, another
    having asked for it; else their ask is recorded, to wait for a second (the policy has
    already refused one who asked to confirm it themselves)."""
    if membership.awaits(step) and membership.awaiting_asked_by_id != actor.person.pk:
        _awaiting_clear(membership)
        return True
    membership.awaiting, membership.awaiting_asked_by = step, actor.user
    membership.awaiting_asked_at = timezone.now()
    membership.save(update_fields=AWAITING_FIELDS)
    access.record(actor, AccessAction.CHANGE, Membership, membership.pk, reason=f"{step} asked for")
    return False


@transaction.atomic
def membership_end(
    *, actor: Actor, membership: Membership, on: datetime.date | None = None
) -> Membership:
    """End the membership: at once, unless ``on`` is a day to come, after which it gives
    nothing. Nobody ends their own: a role is not swapped for another without a second
    person. An auditor's or administrator's role takes two administrators: the first one's
    ask waits for the second (the membership is returned unchanged but for the ask). The
    auditor is told when one of those, or a member administrator's, ends."""
    if actor is not SYSTEM:
        membership = _membership_for(actor, membership, access.Action.CHANGE)
        if (
            actor.role == Role.ADMIN
            and membership.role in OVERSIGHT_ROLES
            and not _confirmed(actor, membership, SecondAdministratorStep.END)
        ):
            return membership
    today = timezone.localdate()
    membership.valid_to, membership.ended_by = on or today, actor.user
    _awaiting_clear(membership)  # an ask for it lapses with it
    if membership.valid_to <= today:
        membership.ended_at = timezone.now()
    membership.full_clean()
    membership.save(update_fields=["valid_to", "ended_by", "ended_at", *AWAITING_FIELDS])
    access.record(actor, AccessAction.CHANGE, Membership, membership.pk, reason="membership ended")
    _user_groups_sync(membership.user)
    watched = membership.role in OVERSIGHT_ROLES or membership.administers_members
    if watched and actor is not SYSTEM:
        alert_raise(
            user=membership.user,
            description=_("Role ended: %(membership)s, by %(by)s")
            % {"membership": _describe(membership), "by": actor.person.get_username()},
        )
    return membership


@transaction.atomic
def member_administrator_appoint(*, actor: Actor, membership: Membership) -> Membership:
    """Make an active member a member administrator of their organisation; the auditor is
    told. An organisation's first takes two administrators: the first one's ask waits for
    the second (the membership is returned, not yet appointed)."""
    if actor is not SYSTEM:
        membership = _membership_for(actor, membership, APPOINT)
        if actor.role == Role.ADMIN and not _confirmed(
            actor, membership, SecondAdministratorStep.APPOINT
        ):
            return membership
    membership.administers_members, membership.appointed_by = True, actor.user
    membership.appointed_at = timezone.now()
    membership.full_clean()
    membership.save(
        update_fields=["administers_members", "appointed_by", "appointed_at", *AWAITING_FIELDS]
    )
    access.record(
        actor,
        AccessAction.CHANGE,
        Membership,
        membership.pk,
        reason="member administrator appointed",
    )
    if actor is not SYSTEM:
        alert_raise(
            user=membership.user,
            description=_("Member administrator of %(organisation)s: %(user)s, appointed by %(by)s")
            % {
                "organisation": membership.organisation,
                "user": membership.user.get_username(),
                "by": actor.person.get_username(),
            },
        )
    return membership


@transaction.atomic
def member_administrator_dismiss(*, actor: Actor, membership: Membership) -> Membership:
    """The member no longer administers their organisation's roles (their own role stays)."""
    membership = _membership_for(actor, membership, DISMISS)
    membership.administers_members = False
    membership.save(update_fields=["administers_members"])
    access.record(
        actor,
        AccessAction.CHANGE,
        Membership,
        membership.pk,
        reason="member administrator dismissed",
    )
    return membership


@transaction.atomic
def organisation_create(
    *,
    actor: Actor,
    name: str,
    kind: str,
    organisation_number: str = "",
    is_public_authority: bool = False,
    parent: Organisation | None = None,
) -> Organisation:
    """Register an organisation of the actor's municipality. Its kind decides which roles
    its people may hold, so the registration is in the access log. (A regional one, which
    works in several, the installation's administrator registers in the admin.)"""
    municipality = municipality_for(actor)
    require_same_municipality(municipality, [parent])
    organisation = save_validated(
        Organisation(),
        {
            "name": name, "kind": kind, "organisation_number": organisation_number,
            "is_public_authority": is_public_authority, "parent": parent,
        },
    )  # fmt: skip
    organisation.municipalities.set([municipality])
    access.record(
        actor, AccessAction.CREATE, Organisation, organisation.pk, reason="organisation created"
    )
    return organisation


@transaction.atomic
def organisation_update(
    *,
    actor: Actor,
    organisation: Organisation,
    name: str,
    kind: str,
    organisation_number: str,
    is_public_authority: bool,
    parent: Organisation | None,
) -> Organisation:
    """Change an organisation; as its kind decides its people's roles, each change is logged.
    A local one stays part of nothing of another municipality's."""
    if not organisation.regional:
        require_same_municipality(organisation.municipalities.get(), [parent])
    organisation = save_validated(
        organisation,
        {
            "name": name, "kind": kind, "organisation_number": organisation_number,
            "is_public_authority": is_public_authority, "parent": parent,
        },
    )  # fmt: skip
    access.record(
        actor, AccessAction.CHANGE, Organisation, organisation.pk, reason="organisation changed"
    )
    return organisation


def membership_groups_sync() -> int:
    """Re-sync the groups of everyone with a membership, as periods start and end by date.

    A scheduled job, for no one: each user in their own transaction."""
    users = User.objects.filter(memberships__isnull=False).distinct()
    for user in users:
        with transaction.atomic():
            _user_groups_sync(user)
    return len(users)


@transaction.atomic
def worker_ping_request(*, actor: Actor) -> WorkerPing:
    """Ask a background worker to answer; the row shows whether one did."""
    from umebra.tasks import worker_ping_answer_task

    ping = WorkerPing.objects.create(requested_by=actor.user)
    job_enqueue(ping, worker_ping_answer_task)
    return ping


def worker_ping_answer(*, ping_id: int, hostname: str) -> WorkerPing | None:
    """Run by the worker: claim the ping and record who answered."""
    ping = job_claim(WorkerPing, ping_id, lease=datetime.timedelta(minutes=1))
    if ping is None:
        return None
    ping.answered_by = hostname
    ping.save(update_fields=["answered_by"])
    job_finish(ping)
    return ping


@transaction.atomic
def mail_preferences_update(*, actor: Actor, mail_preferences: dict[str, bool]) -> dict[str, bool]:
    """Store which kinds of e-mail the actor gets; kinds not named keep their choice. Only
    the kinds the actor's roles receive are theirs to choose."""
    if not access.may_add(actor.user, MailPreference):
        raise PermissionDenied
    unknown = set(mail_preferences) - set(mail_kinds_for(actor.person))
    if unknown:
        raise ValidationError(_("There is no e-mail of that kind."))
    for kind, enabled in mail_preferences.items():
        MailPreference.objects.update_or_create(
            user=actor.person, kind=kind, defaults={"enabled": enabled}
        )
    return mail_preferences


@transaction.atomic
def municipality_create(
    *,
    actor: Actor,
    name: str,
    slug: str,
    code: str,
    organisation_name: str,
    organisation_number: str,
    coordinator: User,
    regional: Iterable[Organisation] = (),
) -> Municipality:
    """Add a municipality, its organisation (the municipality as a body, *kommunen*), and
    ``coordinator`` as its coordinator and first member administrator; all of it, or
    nothing. The installation's administrator's step (``manage.py municipality_add``, or
    the admin as a superuser): the first member administrator needs no second
    administrator, as the demo's do not, for nobody of the municipality is there yet to be
    the second. The steps inside are the system's; the access log names who added it."""
    if not access.installation_administrator(actor):
        raise PermissionDenied("a municipality is added by the installation's administrator")
    adder, actor = actor, SYSTEM
    municipality = save_validated(Municipality(), {"name": name, "slug": slug, "code": code})
    organisation = save_validated(
        Organisation(),
        {
            "name": organisation_name,
            "kind": OrganisationKind.MUNICIPAL_UNIT,
            "organisation_number": organisation_number,
            "is_public_authority": True,
        },
    )
    organisation.municipalities.set([municipality])
    for shared in regional:  # the police area, the agencies that work there too
        if not shared.regional:
            raise ValidationError(
                _("%(organisation)s is not regional: it works in its own municipality alone.")
                % {"organisation": shared}
            )
        shared.municipalities.add(municipality)
    membership = membership_create(
        actor=actor, user=coordinator, organisation=organisation, role=Role.COORDINATOR
    )
    member_administrator_appoint(actor=actor, membership=membership)
    access.record(
        adder, AccessAction.CREATE, Municipality, municipality.pk, reason="municipality added"
    )
    return municipality
