"""Only the auditor reads the access log and reviews it; nobody changes an event."""

from umebra import access
from umebra.access import CHANGE, VIEW, RolePolicy
from umebra.audit.models import AccessAlert, AccessEvent, AuditSample, SampleItem
from umebra.roles import Role

AUDITOR = frozenset({Role.AUDITOR})


@access.register(AccessEvent)
class AccessEventPolicy(RolePolicy):
    roles = {VIEW: AUDITOR}


@access.register(AuditSample)
class AuditSamplePolicy(RolePolicy):
    roles = {VIEW: AUDITOR}
    add = AUDITOR


@access.register(SampleItem)
class SampleItemPolicy(RolePolicy):
    roles = {VIEW: AUDITOR, CHANGE: AUDITOR}


@access.register(AccessAlert)
class AccessAlertPolicy(RolePolicy):
    roles = {VIEW: AUDITOR, CHANGE: AUDITOR}
