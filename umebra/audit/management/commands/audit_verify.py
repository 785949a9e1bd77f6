"""Verify the access log's hash chain; name the first broken link and exit non-zero if any."""

from django.core.management.base import BaseCommand, CommandError

from umebra.audit.selectors import event_chain_first_broken_link


class Command(BaseCommand):
    help = "Verify the hash chain of the access log."

    def handle(self, *args, **options) -> None:
        checked, broken = event_chain_first_broken_link()
        if broken is not None:
            raise CommandError(
                f"The access log is broken at event {broken.pk} "
                f"({broken.occurred_at.isoformat()}): it or the event before it was altered "
                "or removed."
            )
        self.stdout.write(f"The access log is intact: {checked} events verified.")
