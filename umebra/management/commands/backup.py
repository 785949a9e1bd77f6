"""Write a backup of the whole database to a file (pg_dump's custom format)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from umebra.backup import backup


class Command(BaseCommand):
    help = "Back up the whole database to FILE (restore it with `manage.py restore FILE`)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        backup(file)
        self.stdout.write(f"Backed up to {file} ({file.stat().st_size:,} bytes).")
