"""Restore a backup made by `manage.py backup` into a new, empty database."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from umebra.backup import restore


class Command(BaseCommand):
    help = "Restore FILE into the configured database, which must be new and empty."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        if not file.is_file():
            raise CommandError(f"There is no backup file {file}.")
        try:
            restore(file)
        except ImproperlyConfigured as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(f"Restored {file}. Check the access log with `manage.py audit_verify`.")
