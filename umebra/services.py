"""Writes of the core's identity data. Views, commands and tasks all go through these."""

import datetime

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from umebra.access import Actor, policy_for
from umebra.jobs import job_claim, job_enqueue, job_finish
from umebra.models import Membership, Organisation, User, WorkerPing
from umebra.roles import Role, group_name
from umebra.saving import save_validated
from umebra.selectors import membership_current


def user_sync_groups(*, user: User) -> None:
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


@transaction.atomic
def membership_create(
    *,
    user: User,
    organisation: Organisation,
    role: Role,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    granted_by: Actor | None = None,
) -> Membership:
    """Let ``user`` act for ``organisation`` in ``role`` for a period that overlaps no other.

    ``granted_by`` is the person handing out the role, where one does (not the demo seed):
    coordinators may not hand out the roles that oversee the system.
    """
    if granted_by is not None and role not in policy_for(Membership).grantable_roles(granted_by):
        raise PermissionDenied(f"{granted_by.role} may not grant {role}")
    membership = Membership(
        user=user,
        organisation=organisation,
        role=role,
        valid_from=valid_from or timezone.localdate(),
        valid_to=valid_to,
    )
    membership.full_clean()
    membership.save()
    user_sync_groups(user=user)
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, on: datetime.date | None = None) -> Membership:
    """End the membership on ``on`` (today by default): from the next day it grants nothing."""
    membership.valid_to = on or timezone.localdate()
    membership.full_clean()
    membership.save(update_fields=["valid_to"])
    user_sync_groups(user=membership.user)
    return membership


@transaction.atomic
def organisation_save(*, instance: Organisation | None = None, **fields) -> Organisation:
    return save_validated(instance or Organisation(), fields)


def memberships_sync_groups() -> int:
    """Re-sync the groups of everyone with a membership, as periods start and end by date."""
    users = User.objects.filter(memberships__isnull=False).distinct()
    for user in users:
        with transaction.atomic():
            user_sync_groups(user=user)
    return len(users)


def worker_ping_request(*, requested_by: User | None) -> WorkerPing:
    """Ask a background worker to answer; the row shows whether one did."""
    from umebra.tasks import worker_ping_answer_task

    with transaction.atomic():
        ping = WorkerPing.objects.create(requested_by=requested_by)
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
