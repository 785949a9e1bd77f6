"""Writes of single sign-on: linking an identifier to an account, and the login a provider
vouched for with several factors."""

from django.db import transaction

from umebra import access
from umebra.access import Actor
from umebra.audit.models import AccessAction
from umebra.models import User
from umebra.sso.models import ExternalIdentity, Provider, ProviderFactorDevice


@transaction.atomic
def external_identity_create(
    *, actor: Actor, user: User, provider: Provider, subject: str
) -> ExternalIdentity:
    """Let the person the provider knows as ``subject`` log in as ``user``. It decides who
    can log in as whom, so it is an access-log event, like a new authenticator."""
    identity = ExternalIdentity.objects.create(user=user, provider=provider, subject=subject)
    access.record(
        actor, AccessAction.CREATE, ExternalIdentity, identity.pk, reason="provider login linked"
    )
    return identity


@transaction.atomic
def provider_factor_confirm(*, actor: Actor, provider: Provider) -> ProviderFactorDevice:
    """The device that marks the actor's session verified by the provider's multi-factor
    login; made, and logged, the first time the provider vouches for it."""
    device, created = ProviderFactorDevice.objects.get_or_create(
        user=actor.user, defaults={"name": provider}
    )
    if created:
        access.record(
            actor,
            AccessAction.CREATE,
            ProviderFactorDevice,
            device.pk,
            reason="multi-factor login at the identity provider",
        )
    return device
