"""Reads of the access log. Pages reach the log only through the access layer."""

from django.db.models import QuerySet

from umebra import access
from umebra.audit.chain import first_broken_link
from umebra.audit.models import AccessAlert, AccessEvent, AuditSample, SampleItem

CHUNK = 5000


def event_chain_first_broken_link() -> tuple[int, AccessEvent | None]:
    """How many events were checked, and the first broken one (``None`` if intact).

    The log is read in id order a chunk at a time (keyset pagination), so memory stays flat
    however long it grows, without a server-side cursor held open.
    """
    counted = 0

    def events():
        nonlocal counted
        last = 0
        while chunk := list(AccessEvent.objects.filter(id__gt=last).order_by("id")[:CHUNK]):
            for event in chunk:
                counted += 1
                yield event
            last = chunk[-1].id

    broken = first_broken_link(events())
    return counted, broken


def event_search(*, user, filters: dict) -> QuerySet[AccessEvent]:
    """The events the auditor asked for, newest first."""
    events = access.restrict(user, AccessEvent.objects.all())
    if username := filters.get("username"):
        events = events.filter(username__iexact=username)
    if object_type := filters.get("object_type"):
        events = events.filter(object_type=object_type)
    if object_id := filters.get("object_id"):
        events = events.filter(object_id=object_id)
    if action := filters.get("action"):
        events = events.filter(action=action)
    if date_from := filters.get("date_from"):
        events = events.filter(occurred_at__date__gte=date_from)
    if date_to := filters.get("date_to"):
        events = events.filter(occurred_at__date__lte=date_to)
    return events.order_by("-occurred_at", "-id")


def sample_list(*, user) -> QuerySet[AuditSample]:
    return access.restrict(user, AuditSample.objects.all())


def sample_items(*, sample: AuditSample) -> QuerySet[SampleItem]:
    return sample.items.select_related("event", "reviewed_by")


def alert_list(*, user) -> QuerySet[AccessAlert]:
    return access.restrict(user, AccessAlert.objects.select_related("user", "reviewed_by"))
