"""Reads of single sign-on: whose account a provider's identifier is."""

from django.utils.translation import gettext as _

from umebra.access import Actor
from umebra.models import User, active_q
from umebra.roles import OVERSIGHT_ROLES
from umebra.sso.models import ExternalIdentity, Provider


def identity_user(*, provider: Provider, subject: str) -> User | None:
    """The active account linked to ``subject`` at ``provider``, or None. An exact match
    only: no fallback to e-mail or name, which another person may share or take over."""
    if not subject:
        return None
    link = (
        ExternalIdentity.objects.select_related("user")
        .filter(provider=provider, subject=subject, user__is_active=True)
        .first()
    )
    return link.user if link else None


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
