from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "umebra.sso"
    label = "sso"
    verbose_name = _("Single sign-on")

    def ready(self) -> None:
        from umebra import roles
        from umebra.roles import Role

        roles.grant(
            Role.ADMIN,
            "sso.view_externalidentity",
            "sso.add_externalidentity",
            "sso.delete_externalidentity",
        )
