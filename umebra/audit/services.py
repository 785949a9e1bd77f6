"""Writes to the access log and its review. Only the access layer and services call these."""

import datetime
import random
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from umebra.audit.chain import GENESIS, event_hash
from umebra.audit.models import (
    AccessAction,
    AccessAlert,
    AccessEvent,
    AuditSample,
    EventMunicipality,
    ListedObject,
    Review,
    ReviewOutcome,
    SampleItem,
)
from umebra.models import Municipality, User
from umebra.tenancy import municipality_for, user_municipality_ids

if TYPE_CHECKING:  # the access layer imports this module: its Actor is for annotations only
    from umebra.access import Actor

# Any constant shared by every writer: the lock that serialises appends to the chain.
_CHAIN_LOCK = 0x554D45425241


def _lock_chain() -> None:
    """Serialise appends so that each event links to the one committed before it.

    PostgreSQL: a transaction-level advisory lock. SQLite (development) serialises writers
    on its own.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])


@transaction.atomic
def event_record(
    *,
    actor: "Actor",
    action: AccessAction,
    object_type: str,
    object_id: str = "",
    reason: str = "",
    ip_address: str | None = None,
    listed: Iterable[tuple[str, str]] = (),
    municipality_ids: Iterable[int] = (),
) -> AccessEvent:
    """Append one event to the log of what ``actor`` did, and raise an alert if the actor's
    reading is unusual (``SYSTEM``, or one not logged in, is logged without a name).

    ``listed`` names the objects (``(type, id)``) a list page showed, ``municipality_ids``
    the municipalities whose auditors review the event: both are stored with the event, and
    its hash covers them."""
    _lock_chain()
    last = AccessEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    user, membership = actor.user, actor.membership
    event = AccessEvent(
        user=user if user and user.is_authenticated else None,
        username=user.get_username() if user and user.is_authenticated else "",
        organisation=membership.organisation.name if membership else "",
        role=membership.role if membership else "",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        reason=reason,
        ip_address=ip_address,
        previous_hash=last or GENESIS,
    )
    listed = sorted(set(listed))
    municipality_ids = sorted(set(municipality_ids))
    event.hash = event_hash(event, [f"{kind}:{pk}" for kind, pk in listed], municipality_ids)
    event.save()
    ListedObject.objects.bulk_create(
        ListedObject(event=event, object_type=kind, object_id=pk) for kind, pk in listed
    )
    EventMunicipality.objects.bulk_create(
        EventMunicipality(event=event, municipality_id=pk) for pk in municipality_ids
    )
    if action == AccessAction.VIEW and event.user_id and object_id:
        counted: list[int | None] = [*municipality_ids] or [None]
        for municipality_id in counted:
            _alert_if_unusual(event, event.user_id, municipality_id)
    return event


def _alert_if_unusual(event: AccessEvent, user_id: int, municipality_id: int | None) -> None:
    """Alert when one user has opened many personal-data objects within the window, in one
    municipality: each municipality's auditors count the reads of its own data, as if it
    ran alone (``None``: the events that name no municipality)."""
    window = settings.UMEBRA_ALERT_WINDOW
    start = event.occurred_at - window
    events = AccessEvent.objects.filter(
        user_id=user_id, action=AccessAction.VIEW, occurred_at__gt=start
    ).exclude(object_id="")
    alerts = AccessAlert.objects.filter(user_id=user_id, window_end__gt=start)
    if municipality_id is None:
        events, alerts = events.filter(municipalities=None), alerts.filter(municipalities=None)
    else:
        events = events.filter(municipalities=municipality_id)
        alerts = alerts.filter(municipalities=municipality_id)
    reads = events.values("object_type", "object_id").distinct().count()
    if reads < settings.UMEBRA_ALERT_READS:
        return
    if open_alert := alerts.first():
        open_alert.window_end, open_alert.reads = event.occurred_at, max(open_alert.reads, reads)
        open_alert.save(update_fields=["window_end", "reads"])
        return
    alert = AccessAlert.objects.create(
        user_id=user_id, window_start=start, window_end=event.occurred_at, reads=reads
    )
    if municipality_id is not None:
        alert.municipalities.add(municipality_id)


@transaction.atomic
def alert_raise(*, user: User, description: str) -> AccessAlert:
    """An alert for the auditors about one read or step that needs looking at: those of
    every municipality the user works in."""
    now = timezone.now()
    alert = AccessAlert.objects.create(
        user=user, window_start=now, window_end=now, reads=1, description=description
    )
    alert.municipalities.set(user_municipality_ids(user))
    return alert


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


@transaction.atomic
def sample_draw(
    *,
    actor: "Actor",
    month: datetime.date,
    size: int,
    municipality: Municipality | None = None,
) -> AuditSample:
    """Draw up to ``size`` random events of ``month`` in the auditor's municipality (the
    system names it) for review; a municipality's month is drawn once."""
    from umebra import access  # the access layer imports this module

    month = _month_start(month)
    municipality = municipality_for(actor, municipality)
    if AuditSample.objects.filter(municipality=municipality, month=month).exists():
        raise ValidationError(_("A sample has already been drawn for this month."))
    if month >= _month_start(timezone.localdate()):
        # A month drawn while it runs leaves its rest unsampled, for good (a month is
        # drawn once): events logged after the draw could never be reviewed.
        raise ValidationError(_("A sample is drawn only once its month has ended."))
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(month, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        _month_start(month + datetime.timedelta(days=32)), datetime.time.min, tzinfo=tz
    )
    events = AccessEvent.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
    ids = list(
        access.policy_for(AccessEvent).scope(events, [municipality.pk]).values_list("id", flat=True)
    )
    sample = AuditSample.objects.create(
        municipality=municipality, month=month, created_by=actor.user
    )
    chosen = random.SystemRandom().sample(ids, min(size, len(ids)))
    SampleItem.objects.bulk_create(SampleItem(sample=sample, event_id=pk) for pk in chosen)
    return sample


def _review(item: Review, *, outcome: str, comment: str, by: User | None) -> None:
    if item.reviewed_at is not None:
        # A judgement stands as given: a second auditor does not overwrite the first.
        raise ValidationError(_("This has already been reviewed."))
    if outcome == ReviewOutcome.PENDING:
        raise ValidationError(_("Choose an outcome."))
    if outcome == ReviewOutcome.FOLLOW_UP and not comment.strip():
        raise ValidationError(_("Say what needs following up."))
    item.outcome, item.comment = outcome, comment.strip()
    item.reviewed_by, item.reviewed_at = by, timezone.now()
    item.full_clean()
    item.save()


@transaction.atomic
def sample_item_review(
    *, actor: "Actor", item: SampleItem, outcome: str, comment: str
) -> SampleItem:
    _review(item, outcome=outcome, comment=comment, by=actor.user)
    return item


@transaction.atomic
def alert_review(*, actor: "Actor", alert: AccessAlert, outcome: str, comment: str) -> AccessAlert:
    _review(alert, outcome=outcome, comment=comment, by=actor.user)
    return alert
