from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationConfig(AppConfig):
    name = "collaboration"
    verbose_name = _("Collaboration")

    def ready(self) -> None:
        from collaboration import panels
        from umebra import roles
        from umebra.roles import Role

        # The Django admin's model permissions; what each role sees is in policy.py.
        roles.grant(
            Role.ADMIN,
            "collaboration.view_area",
            "collaboration.add_area",
            "collaboration.change_area",
        )
        panels.register()
