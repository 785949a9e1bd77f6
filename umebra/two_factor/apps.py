from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    """The second login step: an authenticator app (django-otp's TOTP) and backup codes."""

    name = "umebra.two_factor"
    label = "two_factor"
    verbose_name = _("Two-factor login")
