"""Fill the database with the demo data of every app, idempotently.

Each app that has demo data keeps it in ``<app>/demo.py`` with a ``seed()`` function; they run
in ``INSTALLED_APPS`` order, so an app's demo can use what the apps before it seeded.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Seed demo organisations, users and content (development and test instances only)."

    def handle(self, *args, **options) -> None:
        if not settings.UMEBRA_DEMO:
            raise CommandError(
                "Demo data is off on this instance (UMEBRA_DEMO=0): it never goes into production."
            )
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                if module_has_submodule(app_config.module, "demo"):
                    import_module(f"{app_config.name}.demo").seed()
                    self.stdout.write(f"Seeded demo data for {app_config.label}")
