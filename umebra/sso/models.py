"""Who a provider's identifier is, and the "device" that stands for the provider's own
second factor in django-otp's bookkeeping."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device


class Provider(models.TextChoices):
    OIDC = "oidc", _("OpenID Connect")
    SAML = "saml", _("SAML 2.0")


class ExternalIdentity(models.Model):
    """The identifier a provider asserts for a person (``sub``, NameID, HSA-id …), linked
    to their account by an administrator. Only an exact match logs in: an e-mail address
    can be reused or changed, an identifier of this kind cannot."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="external_identities",
    )
    provider = models.CharField(_("identity provider"), max_length=8, choices=Provider.choices)
    subject = models.CharField(
        _("identifier"),
        max_length=255,
        help_text=_("As the identity provider asserts it, e.g. the HSA-id or the subject."),
    )
    created_at = models.DateTimeField(_("linked at"), default=timezone.now)

    class Meta:
        verbose_name = _("login through the identity provider")
        verbose_name_plural = _("logins through the identity provider")
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="external_identity_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_provider_display()}: {self.subject}"


class ProviderFactorDevice(Device):
    """The identity provider's multi-factor login, as django-otp sees it: a session logged
    in with it is verified. It takes no code typed here, so it opens nothing on its own."""

    class Meta:
        verbose_name = _("multi-factor login at the identity provider")
        verbose_name_plural = _("multi-factor logins at the identity provider")

    def verify_token(self, token) -> bool:
        return False
