"""The hash chain that makes the access log tamper-evident."""

import hashlib
import json
from collections.abc import Iterable

from umebra.audit.models import AccessEvent

GENESIS = "0" * 64


def event_hash(
    event: AccessEvent, listed: Iterable[str] = (), municipalities: Iterable[int] = ()
) -> str:
    """SHA-256 over the event's content, the objects it listed (sorted ``type:id``), the
    municipalities it names (sorted ids) and the hash of the event before it. An event that
    listed nothing, or names no municipality, hashes as before those were logged, so the
    older part of the chain still verifies."""
    content = {
        "occurred_at": event.occurred_at.isoformat(),
        "user_id": event.user_id,
        "username": event.username,
        "organisation": event.organisation,
        "role": event.role,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "reason": event.reason,
        "ip_address": event.ip_address,
        "previous_hash": event.previous_hash,
    }
    if listed:
        content["listed"] = list(listed)
    if municipalities:
        content["municipalities"] = list(municipalities)
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def first_broken_link(events: Iterable[AccessEvent]) -> AccessEvent | None:
    """The first event, in order, whose hash or link to its predecessor does not hold."""
    previous = GENESIS
    for event in events:
        expected = event_hash(event, event.listed_keys(), event.municipality_ids())
        if event.previous_hash != previous or event.hash != expected:
            return event
        previous = event.hash
    return None
