from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


def _sync_role_groups(sender: AppConfig, **kwargs) -> None:
    from umebra import roles

    roles.sync_groups(app_label=sender.label)


class UmebraConfig(AppConfig):
    name = "umebra"
    verbose_name = _("Identity and access")

    def ready(self) -> None:
        from umebra import navigation, panels, roles
        from umebra.audit.models import AccessEvent
        from umebra.models import Organisation
        from umebra.roles import Role

        roles.grant(
            Role.ADMIN,
            *(
                f"umebra.{action}_{model}"
                for model in ("user", "organisation", "membership")
                for action in ("view", "add", "change")
            ),
            "umebra.view_workerping",
            "umebra.add_workerping",
        )
        panels.register()
        navigation.register(
            label=_("Organisations"), url_name="organisation-list", model=Organisation, order=70
        )
        navigation.register(
            label=_("Access log"), url_name="audit:event-list", model=AccessEvent, order=80
        )
        # Every app's access rules, from its policy.py (the core imports no app by name).
        autodiscover_modules("policy")
        # Each app's permissions exist once that app has migrated; sync its share then.
        post_migrate.connect(_sync_role_groups, dispatch_uid="umebra.sync_role_groups")
