"""Only the auditor reads the access log and reviews it; nobody changes an event.

No auditor reviews what concerns their own account (docs/rules.md, rule 7): their own
events, events about their account or memberships, alerts about them, their own emergency
access. Those wait for another auditor.

Each municipality's auditors review the events and alerts that name it, and the samples
drawn of them (rule 8): an auditor of Umeå learns nothing of who looked at what in Vännäs.
"""

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet

from umebra import access
from umebra.access import Action, Actor, RolePolicy
from umebra.audit.models import AccessAlert, AccessEvent, AuditSample, SampleItem
from umebra.models import Membership
from umebra.roles import Role
from umebra.tenancy import host_municipality_id

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


class NamedMunicipalitiesPolicy(RolePolicy):
    """In the municipalities its ``municipalities`` name. One that names none is the
    installation's, reviewed by its first municipality's auditors
    (``tenancy.host_municipality_id``): the log of before there were several was its."""

    tenant = "municipalities"

    def scope(self, queryset: QuerySet, municipality_ids: Iterable[int]) -> QuerySet:
        ids = list(municipality_ids)
        field = queryset.model._meta.get_field("municipalities")
        links = field.remote_field.through._default_manager
        own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
        names = links.filter(**{own: OuterRef("pk")})
        seen = Q(Exists(names.filter(**{f"{other}__in": ids})))
        if host_municipality_id() in ids:
            seen |= Q(~Exists(names))
        return queryset.filter(seen)


@access.register(AccessEvent)
class AccessEventPolicy(NamedMunicipalitiesPolicy):
    roles = {Action.VIEW: AUDITOR}


@access.register(AuditSample)
class AuditSamplePolicy(RolePolicy):
    roles = {Action.VIEW: AUDITOR}
    add = AUDITOR


@access.register(SampleItem)
class SampleItemPolicy(RolePolicy):
    tenant = "sample__municipality"
    roles = {Action.VIEW: AUDITOR, Action.CHANGE: AUDITOR}

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        queryset = super().restrict(actor, queryset, action)
        if action == Action.CHANGE:
            queryset = queryset.exclude(concerning(actor, "event__"))
        return queryset


@access.register(AccessAlert)
class AccessAlertPolicy(NamedMunicipalitiesPolicy):
    roles = {Action.VIEW: AUDITOR, Action.CHANGE: AUDITOR}

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        queryset = super().restrict(actor, queryset, action)
        return queryset.exclude(user=actor.user) if action == Action.CHANGE else queryset
