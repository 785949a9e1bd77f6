from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """LOS operations and SIG cases: operational and personal data under secrecy."""

    name = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from cases import panels
        from cases.models import CaseStatus, LegalGround, Operation, Person, SigCase
        from cases.subjects import people_find, people_of
        from umebra import navigation
        from umebra.audit import subjects, words

        panels.register()
        subjects.register(find=people_find, owners=people_of)
        words.register_codes(CaseStatus.choices)
        words.register_codes(LegalGround.choices)
        navigation.register(
            label=_("SIG cases"), url_name="cases:case-list", model=SigCase, order=25
        )
        navigation.register(
            label=_("LOS operations"), url_name="cases:operation-list", model=Operation, order=26
        )
        navigation.register(
            label=_("Register extract"), url_name="cases:register-extract", model=Person, order=85
        )
