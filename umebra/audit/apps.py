from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The access log: every read and write of personal data and every refusal (docs/rules.md).

    Who may read and review it is in ``policy.py``.
    """

    name = "umebra.audit"
    label = "audit"
    verbose_name = _("Access log")

    def ready(self) -> None:
        from umebra.audit import panels, words
        from umebra.audit.models import AccessAction, ReviewOutcome

        panels.register()
        words.register_codes(AccessAction.choices)
        words.register_codes(ReviewOutcome.choices)
