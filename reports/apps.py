from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Follow-up reports for the people who decide, built by Celery (issue 7)."""

    name = "reports"
    verbose_name = _("Reports")
