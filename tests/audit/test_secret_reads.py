"""Every read that secrecy protects leaves its trace (issue 15): an LOS operation's targets,
inspections, measures and intelligence, against the demo's Operation Norrsken."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from cases.models import IntelligenceNote, Operation
from tests.factories import log_in
from umebra.audit.models import AccessEvent, ListedObject
from umebra.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=None)
    return {user.username: user for user in User.objects.all()}


def shown(user) -> dict[str, int]:
    """How many objects of each kind ``user``'s latest event says their page showed."""
    event = AccessEvent.objects.filter(user=user).order_by("-id").first()
    counts: dict[str, int] = {}
    for listed in ListedObject.objects.filter(event=event):
        counts[listed.object_type] = counts.get(listed.object_type, 0) + 1
    return counts


# demo user × what the operation page showed them, as its event records it: the police see
# the intelligence, each agency its own inspection and measure, everyone the targets.
OPERATION_PAGE = [
    ("polis", {"cases.target": 2, "cases.inspection": 1, "cases.measure": 1,
               "cases.intelligencenote": 1}),
    ("samordnare", {"cases.target": 2, "cases.inspection": 1, "cases.measure": 1}),
    ("skatteverket", {"cases.target": 2, "cases.inspection": 1, "cases.measure": 1}),
]  # fmt: skip


@pytest.mark.parametrize(("username", "expected"), OPERATION_PAGE)
def test_the_operation_page_logs_every_secret_part_it_showed(client, demo, username, expected):
    user = demo[username]
    operation = Operation.objects.get(name="Operation Norrsken")
    log_in(client, user)
    before = AccessEvent.objects.filter(user=user).count()
    assert client.get(operation.get_absolute_url()).status_code == 200
    assert AccessEvent.objects.filter(user=user).count() > before
    assert shown(user) == expected
    event = AccessEvent.objects.filter(user=user).order_by("-id").first()
    assert (event.object_type, event.object_id) == ("cases.operation", str(operation.pk))


def test_reading_the_intelligence_names_the_note(client, demo):
    """The attack of the issue: polis read K-47 and their count of events stayed the same."""
    note = IntelligenceNote.objects.get()
    log_in(client, demo["polis"])
    client.get(Operation.objects.get(name="Operation Norrsken").get_absolute_url())
    assert ListedObject.objects.filter(
        event__user=demo["polis"], object_type="cases.intelligencenote", object_id=str(note.pk)
    ).exists()


def test_the_operation_list_names_the_operations_it_listed(client, demo):
    log_in(client, demo["skatteverket"])
    client.get(reverse("cases:operation-list"))
    assert shown(demo["skatteverket"]) == {"cases.operation": 1}


def test_a_listed_object_cannot_be_removed_from_its_event(client, demo):
    from django.db import DatabaseError, transaction

    log_in(client, demo["polis"])
    client.get(Operation.objects.get(name="Operation Norrsken").get_absolute_url())
    listed = ListedObject.objects.filter(object_type="cases.intelligencenote").get()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ListedObject.objects.filter(pk=listed.pk).delete()


def test_a_listed_object_changed_around_the_trigger_breaks_the_chain(client, demo):
    from tests.audit.tampering import tamper
    from umebra.audit.selectors import event_chain_first_broken_link

    log_in(client, demo["polis"])
    client.get(Operation.objects.get(name="Operation Norrsken").get_absolute_url())
    assert event_chain_first_broken_link()[1] is None
    listed = ListedObject.objects.filter(object_type="cases.intelligencenote").get()
    tamper("UPDATE audit_listedobject SET object_id = '0' WHERE id = %s", [listed.pk],
           table="audit_listedobject")  # fmt: skip
    assert event_chain_first_broken_link()[1] == listed.event
