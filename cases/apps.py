from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """LOS operations and SIG cases: operational and personal data under secrecy (issue 6)."""

    name = "cases"
    verbose_name = _("Cases")
