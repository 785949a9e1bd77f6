"""The access log: append-only in PostgreSQL, chained by hash, verified by a command."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from tests.audit.tampering import tamper
from tests.factories import member
from umebra import access
from umebra.audit.chain import GENESIS
from umebra.audit.models import AccessAction, AccessEvent
from umebra.audit.services import event_record
from umebra.roles import Role

pytestmark = pytest.mark.django_db


def record(n: int = 1, **fields) -> list[AccessEvent]:
    user = fields.pop("user", None) or member(Role.SOCIAL_WORKER)
    defaults = {"action": AccessAction.VIEW, "object_type": "cases.sigcase", "object_id": "1"}
    return [event_record(actor=access.actor_for(user), **(defaults | fields)) for _ in range(n)]


def test_each_event_links_to_the_one_before():
    first, second, third = record(3)
    # The first event of the log (the membership given to the user) starts the chain.
    assert AccessEvent.objects.order_by("id").first().previous_hash == GENESIS
    assert first.previous_hash == AccessEvent.objects.get(pk=first.pk - 1).hash
    assert second.previous_hash == first.hash
    assert third.previous_hash == second.hash
    assert first.username and first.organisation and first.role == Role.SOCIAL_WORKER


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_accessevent SET reason = 'covered up' WHERE id = %s",
        "DELETE FROM audit_accessevent WHERE id = %s",
    ],
)
def test_postgresql_refuses_to_change_or_remove_an_event(statement):
    (event,) = record()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, [event.pk])
    assert AccessEvent.objects.get(pk=event.pk).reason == ""


def test_the_orm_cannot_edit_an_event_either():
    (event,) = record()
    event.reason = "covered up"
    with pytest.raises(DatabaseError), transaction.atomic():
        event.save()


def test_verify_passes_on_an_intact_log(capsys):
    record(5)
    call_command("audit_verify")
    # The five, and the event of the membership given to their user.
    assert "6 events verified" in capsys.readouterr().out


def test_verify_names_the_first_edited_event():
    events = record(4)
    tamper("UPDATE audit_accessevent SET object_id = '2' WHERE id = %s", [events[1].pk])
    with pytest.raises(CommandError, match=f"broken at event {events[1].pk} "):
        call_command("audit_verify")


def test_verify_names_the_event_after_a_removed_one():
    events = record(4)
    tamper("DELETE FROM audit_accessevent WHERE id = %s", [events[2].pk])
    with pytest.raises(CommandError, match=f"broken at event {events[3].pk} "):
        call_command("audit_verify")


def test_many_reads_in_a_short_time_raise_one_alert(settings):
    from umebra.audit.models import AccessAlert

    settings.UMEBRA_ALERT_READS = 5
    user = member(Role.POLICE)
    for object_id in range(4):
        record(user=user, object_id=str(object_id))
    assert not AccessAlert.objects.exists()
    for object_id in range(4, 8):
        record(user=user, object_id=str(object_id))
    alert = AccessAlert.objects.get()
    assert (alert.user, alert.reads) == (user, 8)


def test_reading_one_object_again_and_again_is_not_unusual(settings):
    from umebra.audit.models import AccessAlert

    settings.UMEBRA_ALERT_READS = 5
    record(10, object_id="7")
    assert not AccessAlert.objects.exists()
