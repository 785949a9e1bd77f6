from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Follow-up reports for the people who decide, built by Celery from aggregates."""

    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from reports import panels

        panels.register()
