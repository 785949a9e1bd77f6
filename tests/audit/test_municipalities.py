"""The access log's review per municipality (docs/rules.md, rule 8): each municipality's
auditors review the events, alerts and samples of its own data and people, as if it ran
alone. Events are made through the pages, as the people of both municipalities use them,
and asked for through the auditor's pages."""

import datetime

import pytest
import time_machine
from django.db import DatabaseError, transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.audit.tampering import tamper
from tests.cases.test_joint_operations import joint  # noqa: F401 (an operation of both)
from tests.core.test_municipalities import town  # noqa: F401 (the two municipalities)
from tests.factories import log_in, member, umea
from umebra.access import SYSTEM, Actor
from umebra.audit.models import AccessAlert, AccessEvent, AuditSample, EventMunicipality
from umebra.audit.selectors import event_chain_first_broken_link
from umebra.audit.services import event_record
from umebra.audit.tasks import sample_draw_last_month
from umebra.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditors(town):  # noqa: F811
    return {
        "umea": member(Role.AUDITOR, town["orgs"]["umea"], username="granskare-umea"),
        "vannas": member(Role.AUDITOR, town["orgs"]["vannas"], username="granskare-vannas"),
    }


def _looks(town):  # noqa: F811
    """The events of each look, by what was done: through the pages, as the people do."""
    people, objects = town["people"], town["objects"]
    looks = {}

    def look(key, username, url):
        last = AccessEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        log_in(Client(), people[username]).get(url)
        looks[key] = list(AccessEvent.objects.filter(id__gt=last).order_by("id"))

    look("polis opens Umeå's case", "polis", objects["umea case"].get_absolute_url())
    look("polis opens Vännäs' case", "polis", objects["vannas case"].get_absolute_url())
    look("polis lists the cases", "polis", reverse("cases:case-list"))
    look("Vännäs' coordinator is refused Umeå's case", "vannas-samordnare",
         objects["umea case"].get_absolute_url())  # fmt: skip
    looks["an event of before"] = [
        event_record(actor=Actor(user=people["polis"], membership=None), action="view",
                     object_type="cases.sigcase", object_id="0")
    ]  # fmt: skip
    return looks


# Which events of each look each municipality's auditor opens (200) or does not (404).
SEEN = {
    # look: (Umeå's auditor, Vännäs' auditor)
    "polis opens Umeå's case": (200, 404),
    "polis opens Vännäs' case": (404, 200),
    "polis lists the cases": ("one", "one"),  # each the event listing their own case
    "Vännäs' coordinator is refused Umeå's case": (200, 200),
    "an event of before": (200, 404),  # the log of before is Umeå's, the installation's first
}


def test_each_municipalitys_auditor_opens_the_events_of_its_own(town, auditors):  # noqa: F811
    looks = _looks(town)
    clients = {key: log_in(Client(), auditor) for key, auditor in auditors.items()}
    wrong = []
    for look, expected in SEEN.items():
        for (key, client), want in zip(clients.items(), expected, strict=True):
            statuses = [
                client.get(reverse("audit:event-detail", args=[event.pk])).status_code
                for event in looks[look]
            ]
            got = (
                statuses[0]
                if len(statuses) == 1
                else ("one" if statuses.count(200) == 1 else statuses)
            )
            if got != want:
                wrong.append(f"{look}, {key}'s auditor: {got}, not {want}")
    assert wrong == [], "\n".join(wrong)


def test_a_list_across_the_border_is_logged_once_in_each_municipality(town):  # noqa: F811
    """polis' one case list writes one event in each municipality, each naming only that
    municipality's case: neither auditor learns what the other's case was."""
    listed = {
        tuple(event.municipalities.values_list("code", flat=True)): event.listed_keys()
        for event in _looks(town)["polis lists the cases"]
    }
    cases = town["objects"]
    assert listed == {
        ("2480",): [f"cases.sigcase:{cases['umea case'].pk}"],
        ("2460",): [f"cases.sigcase:{cases['vannas case'].pk}"],
    }


def test_the_search_offers_the_organisations_of_the_auditors_municipality(town, auditors):  # noqa: F811
    page = log_in(Client(), auditors["umea"]).get(reverse("audit:event-list")).content.decode()
    assert ">Socialtjänsten<" in page and ">Polisen LPO Umeå<" in page
    assert "Vännäs kommun" not in page and "Socialtjänsten Vännäs" not in page


@override_settings(UMEBRA_ALERT_READS=1)
def test_an_alert_counts_the_reads_of_one_municipality_for_its_auditors(town, auditors):  # noqa: F811
    client = log_in(Client(), town["people"]["polis"])
    client.get(town["objects"]["vannas case"].get_absolute_url())
    [alert] = AccessAlert.objects.all()
    assert list(alert.municipalities.values_list("code", flat=True)) == ["2460"]
    review = reverse("audit:alert-review", args=[alert.pk])
    data = {"outcome": "justified", "comment": ""}
    assert log_in(Client(), auditors["umea"]).post(review, data).status_code == 404
    assert log_in(Client(), auditors["vannas"]).post(review, data).status_code == 302


def test_each_municipality_gets_its_own_sample_of_its_own_events(town, auditors):  # noqa: F811
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    with time_machine.travel(last_month + datetime.timedelta(days=3), tick=False):
        for municipality in (umea(), town["vannas"]):
            event_record(
                actor=SYSTEM,
                action="view",
                object_type="cases.sigcase",
                object_id=municipality.slug,
                municipality_ids=[municipality.pk],
            )
    sample_draw_last_month()
    drawn = {
        sample.municipality.code: [item.event.object_id for item in sample.items.all()]
        for sample in AuditSample.objects.all()
    }
    assert drawn == {"2480": ["umea"], "2460": ["vannas"]}
    vannas_sample = AuditSample.objects.get(municipality=town["vannas"])
    url = reverse("audit:sample-detail", args=[vannas_sample.pk])
    assert log_in(Client(), auditors["umea"]).get(url).status_code == 404
    assert log_in(Client(), auditors["vannas"]).get(url).status_code == 200


def test_an_events_municipality_is_part_of_it(town):  # noqa: F811
    """Moving an event to another municipality's auditors is refused by the database, and
    done around its trigger it breaks the hash chain."""
    [event] = _looks(town)["polis opens Vännäs' case"]
    link = EventMunicipality.objects.get(event=event)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        EventMunicipality.objects.filter(pk=link.pk).update(municipality=umea())
    assert event_chain_first_broken_link()[1] is None
    tamper("UPDATE audit_eventmunicipality SET municipality_id = %s WHERE id = %s",
           [umea().pk, link.pk], table="audit_eventmunicipality")  # fmt: skip
    assert event_chain_first_broken_link()[1] == event


def test_a_joint_operations_targets_are_logged_for_each_targets_municipality(joint):  # noqa: F811
    """polis' look at Operation Gränsland, whose targets are one in each municipality: each
    municipality's auditors are told of its own target, and of the other's not even its
    number."""
    last = AccessEvent.objects.order_by("-id").values_list("id", flat=True).first()
    log_in(Client(), joint["people"]["polis"]).get(joint["operation"].get_absolute_url())
    targets = {
        tuple(event.municipalities.values_list("code", flat=True)): [
            key for key in event.listed_keys() if key.startswith("cases.target:")
        ]
        for event in AccessEvent.objects.filter(id__gt=last, object_type="cases.operation")
    }
    at = joint["at"]
    assert targets[("2480",)] == [f"cases.target:{at['umea']['target'].pk}"]
    assert targets[("2460",)] == [f"cases.target:{at['vannas']['target'].pk}"]
