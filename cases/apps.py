from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """LOS operations and SIG cases: operational and personal data under secrecy."""

    name = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from cases import panels
        from cases.models import CaseStatus, LegalGround
        from cases.subjects import people_find, people_of
        from umebra.audit import subjects, words

        panels.register()
        subjects.register(find=people_find, owners=people_of)
        words.register_codes(CaseStatus.choices)
        words.register_codes(LegalGround.choices)
