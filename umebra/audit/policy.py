"""Only the auditor reads the access log and reviews it; nobody changes an event.

No auditor reviews what concerns their own account (docs/rules.md, rule 7): their own
events, events about their account or memberships, alerts about them, their own emergency
access. Those wait for another auditor.
"""

from django.db.models import Q, QuerySet

from umebra import access
from umebra.access import Action, Actor, RolePolicy
from umebra.audit.models import AccessAlert, AccessEvent, AuditSample, SampleItem
from umebra.models import Membership
from umebra.roles import Role

AUDITOR = frozenset({Role.AUDITOR})


def concerning(actor: Actor, prefix: str = "") -> Q:
    """Events (under ``prefix``) by the actor's account or about it: their user, their
    memberships."""
    user = actor.person
    memberships = [
        str(pk) for pk in Membership.objects.filter(user=user).values_list("pk", flat=True)
    ]
    return (
        Q(**{f"{prefix}user": user})
        | Q(**{f"{prefix}object_type": "umebra.user", f"{prefix}object_id": str(user.pk)})
        | Q(**{f"{prefix}object_type": "umebra.membership", f"{prefix}object_id__in": memberships})
    )


@access.register(AccessEvent)
class AccessEventPolicy(RolePolicy):
    # Still the installation's, seen by every municipality's holders of the role: scoping it
    # to the municipality is the next step of issue 20.
    tenant = None
    roles = {Action.VIEW: AUDITOR}


@access.register(AuditSample)
class AuditSamplePolicy(RolePolicy):
    # Still the installation's, seen by every municipality's holders of the role: scoping it
    # to the municipality is the next step of issue 20.
    tenant = None
    roles = {Action.VIEW: AUDITOR}
    add = AUDITOR


@access.register(SampleItem)
class SampleItemPolicy(RolePolicy):
    # Still the installation's, seen by every municipality's holders of the role: scoping it
    # to the municipality is the next step of issue 20.
    tenant = None
    roles = {Action.VIEW: AUDITOR, Action.CHANGE: AUDITOR}

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        queryset = super().restrict(actor, queryset, action)
        if action == Action.CHANGE:
            queryset = queryset.exclude(concerning(actor, "event__"))
        return queryset


@access.register(AccessAlert)
class AccessAlertPolicy(RolePolicy):
    # Still the installation's, seen by every municipality's holders of the role: scoping it
    # to the municipality is the next step of issue 20.
    tenant = None
    roles = {Action.VIEW: AUDITOR, Action.CHANGE: AUDITOR}

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        queryset = super().restrict(actor, queryset, action)
        return queryset.exclude(user=actor.user) if action == Action.CHANGE else queryset
