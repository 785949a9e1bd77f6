"""Reads of the access log. Pages reach the log only through the access layer."""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, QuerySet
from django.db.models import Value as V
from django.db.models.functions import Concat
from django.utils.text import capfirst

from umebra import access
from umebra.audit.chain import first_broken_link
from umebra.audit.models import AccessAlert, AccessEvent, AuditSample, ListedObject, SampleItem
from umebra.audit.subjects import Subject
from umebra.audit.words import kind_in_words
from umebra.models import User

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
        while chunk := list(
            AccessEvent.objects.filter(id__gt=last)
            .prefetch_related("listed", "municipality_links")
            .order_by("id")[:CHUNK]
        ):
            for event in chunk:
                counted += 1
                yield event
            last = chunk[-1].id

    broken = first_broken_link(events())
    return counted, broken


def events_about(objects: dict[str, set[str]]) -> Q:
    """Events on any of ``objects`` (ids by type), opened one by one or shown in a list."""
    opened, listed = Q(pk__in=[]), Q(pk__in=[])
    for object_type, ids in objects.items():
        opened |= Q(object_type=object_type, object_id__in=ids)
        listed |= Q(object_type=object_type, object_id__in=ids)
    return opened | Q(pk__in=ListedObject.objects.filter(listed).values("event_id"))


def event_list(*, user) -> QuerySet[AccessEvent]:
    """The events the user may read, with who did it and what the page listed."""
    return access.restrict(user, AccessEvent.objects.select_related("user")).prefetch_related(
        "listed"
    )


def event_search(*, user, filters: dict, subject: Subject | None = None) -> QuerySet[AccessEvent]:
    """The events the auditor asked for, newest first: about ``subject`` (a person's
    records), by a user (user name or name), in an organisation, on a kind of object, of an
    action, in a period."""
    events = event_list(user=user)
    if subject is not None:
        events = events.filter(events_about(subject.objects))
    if who := filters.get("user"):
        events = events.filter(
            Q(username__iexact=who)
            | Q(
                user__in=User.objects.annotate(
                    full=Concat("first_name", V(" "), "last_name")
                ).filter(full__icontains=who)
            )
        )
    if organisation := filters.get("organisation"):
        events = events.filter(organisation=organisation.name)
    # A kind (and a number) finds the events on such objects, opened or listed.
    on_object = {
        field: value
        for field, value in (
            ("object_type", filters.get("object_type")),
            ("object_id", filters.get("object_id")),
        )
        if value
    }
    if on_object:
        listed = ListedObject.objects.filter(**on_object).values("event_id")
        events = events.filter(Q(**on_object) | Q(pk__in=listed))
    if action := filters.get("action"):
        events = events.filter(action=action)
    if date_from := filters.get("date_from"):
        events = events.filter(occurred_at__date__gte=date_from)
    if date_to := filters.get("date_to"):
        events = events.filter(occurred_at__date__lte=date_to)
    return events.order_by("-occurred_at", "-id")


def event_object_link(*, user, event: AccessEvent) -> str:
    """The address of the event's object, where it still exists and the user may open it."""
    try:
        model = apps.get_model(event.object_type)
        found = access.restrict(user, model._default_manager.filter(pk=event.object_id))
    except (LookupError, ValueError, ImproperlyConfigured):
        return ""
    obj = found.first() if event.object_id and hasattr(model, "get_absolute_url") else None
    return obj.get_absolute_url() if obj else ""


def listed_by_kind(*, event: AccessEvent) -> list[tuple[str, list[str]]]:
    """The objects the event's page listed, by kind in words, their numbers in order."""
    kinds: dict[str, list[str]] = {}
    for listed in event.listed.all():
        kinds.setdefault(listed.object_type, []).append(listed.object_id)
    return [
        (capfirst(kind_in_words(kind, plural=True)), sorted(ids, key=_number))
        for kind, ids in sorted(kinds.items())
    ]


def _number(object_id: str) -> tuple:
    return (0, int(object_id)) if object_id.isdigit() else (1, object_id)


def sample_list(*, user) -> QuerySet[AuditSample]:
    return access.restrict(user, AuditSample.objects.all())


def sample_items(*, sample: AuditSample) -> QuerySet[SampleItem]:
    return sample.items.select_related("event__user", "reviewed_by").prefetch_related(
        "event__listed"
    )


def alert_list(*, user) -> QuerySet[AccessAlert]:
    return access.restrict(user, AccessAlert.objects.select_related("user", "reviewed_by"))
