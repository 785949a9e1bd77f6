"""Writes of single sign-on: linking an identifier to an account, and the login a provider
vouched for with several factors."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from umebra import access
from umebra.access import Actor
from umebra.audit.models import AccessAction
from umebra.audit.services import alert_raise
from umebra.models import User
from umebra.sso.models import ExternalIdentity, Provider, ProviderFactorDevice
from umebra.sso.policy import link_refusal


@transaction.atomic
def external_identity_create(
    *, actor: Actor, user: User, provider: Provider, subject: str
) -> ExternalIdentity:
    """Let the person the provider knows as ``subject`` log in as ``user``.

    It decides who can log in as whom, so it is an access-log event, like a new
    authenticator, and linking a login to an account already in use is also an alert for
    the auditors: whoever holds that identifier at the provider now enters the account.
    Another's auditor or administrator account is refused, as its password is: one
    administrator would hold the oversight alone."""
    refusal = link_refusal(actor=actor, user=user)
    if refusal:
        raise PermissionDenied(refusal)
    identity = ExternalIdentity.objects.create(user=user, provider=provider, subject=subject)
    access.record(
        actor, AccessAction.CREATE, ExternalIdentity, identity.pk, reason="provider login linked"
    )
    if user.last_login is not None:
        linked_by = actor.user.get_username() if actor.user else "–"
        description = _(
            "Login through the identity provider linked to %(user)s, an account in use, by %(by)s"
        )
        alert_raise(user=user, description=description % {"user": user, "by": linked_by})
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
