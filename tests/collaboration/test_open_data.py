"""The open data of the public citizen promises, fetched as anyone would, without login: it
holds what the public page shows and nothing more, in files Swedish Excel opens."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from collaboration.models import ActivityStatus, Area, FollowUpStatus, UndertakingKind
from collaboration.open_data import TABLES
from collaboration.services import agreements as services
from tests.factories import OrganisationFactory, umea
from umebra.access import SYSTEM
from umebra.models import OrganisationKind

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
NEXT_YEAR = TODAY + datetime.timedelta(days=365)
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"


@pytest.fixture
def promises():
    """A published promise with an activity, an indicator, a published follow-up and one
    still unpublished, residents' feedback and a comment for staff; and a draft promise."""
    kommun = OrganisationFactory(name="Umeå kommun")
    polisen = OrganisationFactory(name="Polisen", kind=OrganisationKind.POLICE)
    alidhem = Area.objects.create(
        municipality=umea(), name="Ålidhem", slug="alidhem", population=7100
    )
    agreement = services.agreement_create(
        actor=SYSTEM,
        title="Samverkansöverenskommelse",
        municipal_party=kommun,
        police=polisen,
        valid_from=TODAY,
        valid_to=NEXT_YEAR,
        focus="Trygghet",
    )
    common = {
        "actor": SYSTEM,
        "kind": UndertakingKind.CITIZEN_PROMISE,
        "agreement": agreement,
        "valid_from": TODAY,
        "valid_to": NEXT_YEAR,
        "areas": [alidhem],
        "parties": [kommun, polisen],
    }
    published = services.undertaking_create(
        title="Tryggare kvällar", problem="Otrygghet kvällstid", published=True, **common
    )
    draft = services.undertaking_create(title="Utkast till löfte", problem="Ännu inte", **common)
    services.activity_create(
        actor=SYSTEM,
        undertaking=published,
        description="Kvällsvandringar",
        responsible=polisen,
        due=TODAY,
        status=ActivityStatus.DONE,
    )
    services.activity_create(
        actor=SYSTEM, undertaking=draft, description="Hemlig plan", responsible=kommun, due=TODAY
    )
    target = services.target_create(
        actor=SYSTEM,
        undertaking=published,
        name="Andel trygga",
        unit="%",
        baseline=Decimal("54.00"),
        target=Decimal("65.50"),
    )
    shown = services.follow_up_create(
        actor=SYSTEM,
        undertaking=published,
        year=2026,
        quarter=1,
        status=FollowUpStatus.ON_TRACK,
        values={target: Decimal("57.50")},
        comment="Intern kommentar",
    )
    services.follow_up_publish(actor=SYSTEM, follow_up=shown)
    services.follow_up_create(
        actor=SYSTEM,
        undertaking=published,
        year=2026,
        quarter=2,
        status=FollowUpStatus.OFF_TRACK,
        values={target: Decimal("40.00")},
    )
    services.feedback_create(
        actor=SYSTEM,
        undertaking=published,
        date=TODAY,
        channel="meeting",
        description="Anna Andersson på Storgatan 3 sa att",
    )
    return {"published": published, "draft": draft, "follow_up": shown}


def fetch_json(client) -> dict:
    response = client.get(reverse("collaboration:open-data-json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content.decode("utf-8"))


def fetch_csv(client, table) -> tuple[bytes, list[dict]]:
    response = client.get(reverse("collaboration:open-data-csv", args=[table.slug]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return body, list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def json_keys(value) -> set[str]:
    """Every field name in the document, at any depth."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in json_keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in json_keys(item)}
    return set()


def test_the_json_holds_the_published_promises_only_and_what_their_page_shows(client, promises):
    document = fetch_json(client)
    page = client.get(
        reverse("collaboration:municipality-promises", args=["umea"])
    ).content.decode()
    [promise] = document["promises"]
    assert promise["promise_id"] == promises["published"].pk
    assert promise["title"] == "Tryggare kvällar" and promise["title"] in page
    assert promise["areas"] == ["Ålidhem"]
    assert promise["valid_from"] == TODAY.isoformat()
    assert (promise["activities_done"], promise["activities_total"]) == (1, 1)
    assert "1 av 1 aktiviteter klara" in page
    assert [a["description"] for a in promise["activities"]] == ["Kvällsvandringar"]
    [target] = promise["targets"]
    assert (target["baseline"], target["target_value"], target["latest_value"]) == (54, 65.5, 57.5)
    assert target["unit"] == "%" and target["progress_percent"] == 30
    assert "Andel trygga: utgångsläge 54, mål 65,5 %, nu 57,5 (30 % av vägen)" in page
    [follow_up] = promise["follow_ups"]
    assert (follow_up["year"], follow_up["quarter"], follow_up["status"]) == (2026, 1, "on_track")
    assert (
        follow_up["published"] == timezone.localdate(promises["follow_up"].published_at).isoformat()
    )
    text = json.dumps(document, ensure_ascii=False)
    for hidden in ("Utkast till löfte", "Hemlig plan", "Intern kommentar", "Anna Andersson"):
        assert hidden not in text and hidden not in page


def test_the_csv_opens_in_swedish_excel(client, promises):
    body, rows = fetch_csv(client, TABLES[2])
    assert body.startswith("\ufeff".encode())
    header = body.decode("utf-8-sig").splitlines()[0]
    assert header.split(";")[:4] == ["Löftes-id", "Indikator", "Enhet", "Utgångsvärde"]
    assert rows == [
        {
            "Löftes-id": str(promises["published"].pk),
            "Indikator": "Andel trygga",
            "Enhet": "%",
            "Utgångsvärde": "54,00",
            "Målvärde": "65,50",
            "Senaste värde": "57,50",
            "Förlopp (%)": "30",
            "Senaste värdet rättat": "",
        }
    ]
    _, follow_ups = fetch_csv(client, TABLES[3])
    assert [(row["År"], row["Kvartal"], row["Status"]) for row in follow_ups] == [
        ("2026", "1", "on_track")
    ]
    _, listed = fetch_csv(client, TABLES[0])
    assert [(row["Rubrik"], row["Giltigt från"]) for row in listed] == [
        ("Tryggare kvällar", TODAY.isoformat())
    ]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the file reads the same for all
    assert fetch_csv(client, TABLES[2])[0] == body
    page = client.get(reverse("collaboration:open-data")).content.decode()
    assert "Open data of the citizen promises" in page and '<th scope="row">Målvärde</th>' in page


def test_the_data_page_documents_every_field_the_files_emit(client, promises):
    page = client.get(reverse("collaboration:open-data")).content.decode()
    for key in json_keys(fetch_json(client)):
        assert f"<code>{key}</code>" in page
    for table in TABLES:
        body, _ = fetch_csv(client, table)
        for heading in body.decode("utf-8-sig").splitlines()[0].split(";"):
            assert f'<th scope="row">{heading}</th>' in page
        assert reverse("collaboration:open-data-csv", args=[table.slug]) in page
    assert (
        reverse("collaboration:open-data")
        in client.get(
            reverse("collaboration:municipality-promises", args=["umea"])
        ).content.decode()
    )


def test_the_licence_is_cc0_unless_configured(client, promises):
    assert fetch_json(client)["licence"]["url"] == CC0
    page = client.get(reverse("collaboration:open-data")).content.decode()
    assert f'href="{CC0}" rel="license"' in page
    assert client.get(reverse("collaboration:open-data-csv", args=["promises"]))["Link"] == (
        f'<{CC0}>; rel="license"'
    )
    own = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    with override_settings(UMEBRA_OPEN_DATA_LICENCE=own):
        assert fetch_json(client)["licence"] == own
        page = client.get(reverse("collaboration:open-data")).content.decode()
        assert "CC BY 4.0" in page and CC0 not in page
