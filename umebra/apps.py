from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.contrib.auth.signals import user_logged_in
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
        from umebra import navigation, panels, reauth, roles
        from umebra.roles import Role

        roles.grant(
            Role.ADMIN,
            *(
                f"umebra.{action}_{model}"
                for model in ("user", "organisation")
                for action in ("view", "add", "change")
            ),
            # Memberships are given and approved on the organisation pages, under the four
            # eyes rule; the admin shows them only.
            "umebra.view_membership",
            "umebra.view_workerping",
            "umebra.add_workerping",
            # Lifting a lock-out (django-axes) is deleting its record of failures.
            "axes.view_accessattempt",
            "axes.delete_accessattempt",
        )
        panels.register()
        # Every app's access rules, from its policy.py, and its menu entries, from its
        # navigation.py (the core imports no app by name).
        autodiscover_modules("policy")
        navigation.collect()
        # Each app's permissions exist once that app has migrated; sync its share then.
        post_migrate.connect(_sync_role_groups, dispatch_uid="umebra.sync_role_groups")
        user_logged_in.connect(
            reauth.password_checked_at_login, dispatch_uid="umebra.reauth.password_checked"
        )


class UmebraAdminConfig(admin_apps.AdminConfig):
    """Django's admin on a site of ours (``umebra.admin_access.AdminSite``)."""

    default = False  # named in INSTALLED_APPS; UmebraConfig stays this module's app
    default_site = "umebra.admin_access.AdminSite"
