from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationConfig(AppConfig):
    name = "collaboration"
    verbose_name = _("Collaboration")

    def ready(self) -> None:
        from collaboration import panels
        from collaboration.models import (
            Area,
            CollaborationGroup,
            Fund,
            Indicator,
            JointEffort,
            Observation,
            SituationPicture,
            Undertaking,
        )
        from umebra import navigation, roles
        from umebra.roles import Role

        # The Django admin's model permissions; what each role sees is in policy.py.
        roles.grant(
            Role.ADMIN,
            "collaboration.view_area",
            "collaboration.add_area",
            "collaboration.change_area",
        )
        panels.register()
        navigation.register(
            label=_("Joint efforts"),
            url_name="collaboration:effort-list",
            model=JointEffort,
            order=20,
        )
        navigation.register(
            label=_("Agreements and promises"),
            url_name="collaboration:agreement-list",
            model=Undertaking,
            order=40,
        )
        navigation.register(
            label=_("Collaboration groups"),
            url_name="collaboration:group-list",
            model=CollaborationGroup,
            order=50,
        )
        navigation.register(
            label=_("Situation picture and plan"),
            url_name="collaboration:cycle-overview",
            model=SituationPicture,
            order=35,
        )
        navigation.register(
            label=_("Indicators"),
            url_name="collaboration:indicator-list",
            model=Indicator,
            order=36,
        )
        navigation.register(
            label=_("Funds"), url_name="collaboration:fund-list", model=Fund, order=55
        )
        navigation.register(
            label=_("Areas"), url_name="collaboration:area-list", model=Area, order=60
        )
        navigation.register(
            label=_("Observations"),
            url_name="collaboration:observation-list",
            model=Observation,
            order=30,
        )
