"""Who links logins at the identity provider to accounts (registered with
``umebra.access``): the administrator, who keeps the accounts. A link is who may log in as
whom, so reads of the list are logged."""

from django.utils.translation import gettext as _

from umebra import access
from umebra.access import Action, Actor, InParentsMunicipalities, RolePolicy
from umebra.models import User, active_q
from umebra.roles import OVERSIGHT_ROLES, Role
from umebra.sso.models import ExternalIdentity, ProviderFactorDevice


@access.register(ExternalIdentity)
class ExternalIdentityPolicy(InParentsMunicipalities, RolePolicy):
    """A link is in the municipalities of the person it logs in (``UserPolicy.scope``):
    an administrator of Vännäs sees no link of Umeå's people."""

    parent = "user"
    secret = True
    roles = {Action.VIEW: frozenset({Role.ADMIN}), Action.DELETE: frozenset({Role.ADMIN})}
    add = frozenset({Role.ADMIN})


@access.register(ProviderFactorDevice)
class ProviderFactorDevicePolicy(RolePolicy):
    """Made by the login itself (``provider_factor_confirm``); no one keeps it by hand."""

    tenant = None  # one's own, and the policy grants nothing


def link_refusal(*, actor: Actor, user: User) -> str:
    """Why ``actor`` may not link a provider's login to ``user``, or "" if they may: it is
    another's auditor or administrator account (``OVERSIGHT_ROLES``)."""
    oversight = user.memberships.filter(active_q(), role__in=OVERSIGHT_ROLES).exists()
    if oversight and user.pk != getattr(actor.user, "pk", None):
        return _(
            "An auditor's or administrator's account gets its login through the identity "
            "provider from its holder, not from another administrator."
        )
    return ""
