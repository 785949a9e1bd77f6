"""Add a municipality to the installation, with its organisation and first coordinator."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from umebra.access import SYSTEM
from umebra.models import Organisation, User
from umebra.services import municipality_create


class Command(BaseCommand):
    help = (
        "Add a municipality: NAME and its four-digit CODE (SCB's kommunkod), the organisation "
        "that acts for it, and the account of its first coordinator, who becomes that "
        "organisation's member administrator and gives its other roles."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", help="for example: Vännäs")
        parser.add_argument("--code", required=True, help="SCB's municipality code: 2460")
        parser.add_argument(
            "--slug", help="its address in the public pages (from the name: vannas)"
        )
        parser.add_argument("--organisation", help="the body's name (default: NAME kommun)")
        parser.add_argument("--organisation-number", default="", help="for example 212000-2437")
        parser.add_argument(
            "--coordinator", required=True, help="the user name of an existing account"
        )
        parser.add_argument(
            "--regional", action="append", default=[], metavar="ORGANISATION",
            help="a regional organisation that works there too (repeat for several)",
        )  # fmt: skip

    def handle(self, *args, name: str, code: str, slug: str | None, organisation: str | None,
               organisation_number: str, coordinator: str, regional: list[str],
               **options) -> None:  # fmt: skip
        account = User.objects.filter(username=coordinator, is_active=True).first()
        if account is None:
            raise CommandError(f"No active account {coordinator!r}: create it in the admin first.")
        shared = list(Organisation.objects.filter(name__in=regional))
        if unknown := set(regional) - {o.name for o in shared}:
            raise CommandError(f"No organisation named {', '.join(sorted(unknown))}.")
        try:
            municipality = municipality_create(
                actor=SYSTEM, name=name, slug=slug or slugify(name),
                code=code, organisation_name=organisation or f"{name} kommun",
                organisation_number=organisation_number, coordinator=account, regional=shared,
            )  # fmt: skip
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(
            f"Added {municipality} ({municipality.code}, /{municipality.slug}/): "
            f"{account.get_username()} coordinates it and gives its roles."
        )
