"""Who links logins at the identity provider to accounts (registered with
``umebra.access``): the administrator, who keeps the accounts. A link is who may log in as
whom, so reads of the list are logged."""

from umebra import access
from umebra.access import Action, RolePolicy
from umebra.roles import Role
from umebra.sso.models import ExternalIdentity, ProviderFactorDevice


@access.register(ExternalIdentity)
class ExternalIdentityPolicy(RolePolicy):
    secret = True
    roles = {Action.VIEW: frozenset({Role.ADMIN}), Action.DELETE: frozenset({Role.ADMIN})}
    add = frozenset({Role.ADMIN})


@access.register(ProviderFactorDevice)
class ProviderFactorDevicePolicy(RolePolicy):
    """Made by the login itself (``provider_factor_confirm``); no one keeps it by hand."""
