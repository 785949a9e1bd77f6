"""Link many people's logins at the identity provider to their accounts at once, from the
list the municipality's IT department exports (one row a person: user name; identifier)."""

import csv
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction

from umebra.access import SYSTEM
from umebra.models import User
from umebra.sso.models import ExternalIdentity, Provider
from umebra.sso.services import external_identity_create


class Command(BaseCommand):
    help = (
        "Link logins at the identity provider to accounts, from a CSV file of user name and "
        "identifier (comma or semicolon, as Excel writes it). Rows already linked are left; "
        "rows that cannot be linked are listed, and the command then exits 1. An auditor's "
        "or administrator's account is linked by its holder in the admin, never from here."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--provider", choices=Provider.values, required=True)

    def handle(self, *args, file: Path, provider: str, **options) -> None:
        try:
            text = file.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;")
        linked, kept, refused = 0, 0, []
        for number, row in enumerate(csv.reader(text.splitlines(), dialect), start=1):
            if not any(cell.strip() for cell in row):
                continue
            outcome = self._link(row, Provider(provider))
            if outcome == "linked":
                linked += 1
            elif outcome == "kept":
                kept += 1
            else:
                refused.append(f"row {number}: {outcome}")
        self.stdout.write(f"Linked {linked}, already linked {kept}, refused {len(refused)}.")
        if refused:
            self.stderr.write("\n".join(refused))
            raise SystemExit(1)

    @staticmethod
    def _link(row: list[str], provider: Provider) -> str:
        if len(row) != 2:
            return "not two columns (user name; identifier)"
        username, subject = (cell.strip() for cell in row)
        user = User.objects.filter(username=username).first()
        if user is None:
            return f"no account {username!r}"
        if ExternalIdentity.objects.filter(provider=provider, subject=subject, user=user).exists():
            return "kept"
        try:
            with transaction.atomic():
                external_identity_create(
                    actor=SYSTEM, user=user, provider=provider, subject=subject
                )
        except PermissionDenied as refusal:
            return f"{username}: {refusal}"
        except IntegrityError:
            return f"{username}: the identifier {subject!r} is linked to another account"
        return "linked"
