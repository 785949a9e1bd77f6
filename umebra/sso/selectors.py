"""Reads of single sign-on: whose account a provider's identifier is."""

from umebra.models import User
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
