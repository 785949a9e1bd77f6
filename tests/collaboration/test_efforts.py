"""Joint efforts through Django's test client: logging, seeing, filtering, exporting."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from collaboration.models import Area, EffortKind, JointEffort
from collaboration.services.efforts import effort_create
from tests.factories import OrganisationFactory, log_in, member, umea
from umebra import access
from umebra.access import SYSTEM
from umebra.models import OrganisationKind
from umebra.roles import Role

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def places():
    return {
        "alidhem": Area.objects.create(
            municipality=umea(), name="Ålidhem", slug="alidhem", population=7100
        ),
        "teg": Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300),
    }


@pytest.fixture
def parties():
    return {
        "police": OrganisationFactory(name="Polisen", kind=OrganisationKind.POLICE),
        "bostaden": OrganisationFactory(name="Bostaden", kind=OrganisationKind.PROPERTY_OWNER),
        "ica": OrganisationFactory(name="ICA", kind=OrganisationKind.BUSINESS),
    }


def effort(area, *organisations, kind=EffortKind.SAFETY_WALK, description="Trygghetsvandring"):
    return effort_create(
        actor=SYSTEM,
        date=TODAY,
        kind=kind,
        description=description,
        areas=[area],
        organisations=organisations,
    )


def as_role(client, role, organisation=None):
    user = member(role, organisation)
    log_in(client, user)
    return user


def test_a_coordinator_logs_an_effort(client, places, parties):
    coordinator = as_role(client, Role.COORDINATOR)
    response = client.post(
        reverse("collaboration:effort-create"),
        {
            "date": TODAY.isoformat(),
            "kind": EffortKind.SAFETY_WALK,
            "areas": [places["alidhem"].pk],
            "organisations": [parties["police"].pk, parties["bostaden"].pk],
            "description": "Kvällsvandring kring centrumhuset",
            "hours": "12.5",
            "cost": "0",
            "people_reached": "25",
        },
    )
    logged = JointEffort.objects.get()
    assert response.url == reverse("collaboration:effort-detail", args=[logged.pk])
    assert logged.created_by == coordinator
    assert logged.hours == Decimal("12.5")
    assert set(logged.organisations.all()) == {parties["police"], parties["bostaden"]}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"areas": []}, "Kryssa i minst ett område."),
        ({"organisations": []}, "Kryssa i minst en aktör."),
        ({"description": ""}, "Detta fält måste fyllas i."),
        ({"hours": "-3"}, "Ange ett värde mellan 0 och 2\u00a0000 timmar."),
        ({"date": "2026-02-30"}, "Fyll i ett giltigt datum."),
        ({"date": "2031-01-01"}, "Det här har inte hänt än"),
        ({"people_reached": "många"}, "Fyll i ett heltal."),
    ],
)
def test_bad_input_is_explained_in_swedish_and_nothing_is_stored(
    client, places, parties, change, message
):
    as_role(client, Role.COORDINATOR)
    data = {
        "date": TODAY.isoformat(),
        "kind": EffortKind.DIALOGUE,
        "areas": [places["teg"].pk],
        "organisations": [parties["police"].pk],
        "description": "Dialogmöte",
        "hours": "2",
        "cost": "0",
        "people_reached": "10",
    } | change
    response = client.post(reverse("collaboration:effort-create"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Inget sparades" in page
    assert not JointEffort.objects.exists()


def test_a_partner_sees_only_the_efforts_its_organisation_took_part_in(client, places, parties):
    ours = effort(places["alidhem"], parties["bostaden"], parties["police"])
    theirs = effort(places["teg"], parties["ica"], description="ICA:s egen vandring")
    as_role(client, Role.PARTNER, parties["bostaden"])

    page = client.get(reverse("collaboration:effort-list")).content.decode()
    assert reverse("collaboration:effort-detail", args=[ours.pk]) in page
    assert reverse("collaboration:effort-detail", args=[theirs.pk]) not in page
    assert client.get(reverse("collaboration:effort-detail", args=[ours.pk])).status_code == 200
    assert client.get(reverse("collaboration:effort-detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("collaboration:effort-update", args=[ours.pk])).status_code == 404
    csv_text = client.get(reverse("collaboration:effort-export", args=["csv"]))
    assert "ICA:s egen vandring" not in b"".join(csv_text.streaming_content).decode()


@pytest.mark.parametrize("role", [Role.POLITICIAN, Role.AUDITOR, Role.ADMIN])
def test_roles_outside_the_work_do_not_see_the_log(client, role):
    as_role(client, role)
    assert client.get(reverse("collaboration:effort-list")).status_code == 403


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"area": "teg"}, {"Dialog på Teg"}),
        ({"kind": EffortKind.SAFETY_WALK}, {"Vandring på Ålidhem"}),
        ({"organisation": "ica"}, {"Dialog på Teg"}),
        ({"date_from": TODAY.isoformat()}, {"Vandring på Ålidhem"}),
        ({}, {"Vandring på Ålidhem", "Dialog på Teg"}),
    ],
)
def test_the_list_filters(client, places, parties, query, expected):
    effort(places["alidhem"], parties["police"], description="Vandring på Ålidhem")
    old = effort(
        places["teg"], parties["ica"], kind=EffortKind.DIALOGUE, description="Dialog på Teg"
    )
    JointEffort.objects.filter(pk=old.pk).update(date=TODAY.replace(year=TODAY.year - 1))
    as_role(client, Role.COORDINATOR)
    ids = {"teg": places["teg"].pk, "ica": parties["ica"].pk}
    query = {key: ids.get(value, value) for key, value in query.items()}
    response = client.get(reverse("collaboration:effort-list"), query)
    shown = {e.description for e in response.context["page"]}
    assert shown == expected


def test_exports_neutralise_formulas(client, places, parties):
    effort(places["teg"], parties["police"], description='=HYPERLINK("http://evil","klicka")')
    effort(places["teg"], parties["police"], description="+46 90 16 10 00")
    effort(places["teg"], parties["police"], description="Vanlig text")
    as_role(client, Role.COORDINATOR)

    response = client.get(reverse("collaboration:effort-export", args=["csv"]))
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    descriptions = {row[4] for row in rows[1:]}
    assert descriptions == {
        '\'=HYPERLINK("http://evil","klicka")',
        "'+46 90 16 10 00",
        "Vanlig text",
    }

    response = client.get(reverse("collaboration:effort-export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [sheet.cell(row=r, column=5) for r in range(2, 5)]
    assert all(cell.data_type == "s" for cell in cells)
    assert {cell.value for cell in cells} == descriptions


def test_the_csv_export_writes_decimal_commas_and_the_workbook_real_numbers(
    client, places, parties
):
    """Swedish Excel reads 8,5 and 1200,50 in a ';' file as numbers; 8.5 it takes for text."""
    done = effort(places["teg"], parties["police"], description="Vandring")
    JointEffort.objects.filter(pk=done.pk).update(
        hours=Decimal("8.5"), cost=Decimal("1200.50"), people_reached=40
    )
    as_role(client, Role.COORDINATOR)

    response = client.get(reverse("collaboration:effort-export", args=["csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    row = next(csv.reader(io.StringIO(text.splitlines()[1]), delimiter=";"))
    assert row[5:8] == ["8,5", "1200,50", "40"]

    response = client.get(reverse("collaboration:effort-export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [sheet.cell(row=2, column=c) for c in (6, 7, 8)]
    assert all(cell.data_type == "n" for cell in cells)
    assert [cell.value for cell in cells] == [8.5, 1200.5, 40]


def test_the_workbook_is_made_to_be_worked_in(client, places, parties):
    """A sheet called "Sheet", dates as text and headings one scrolls away from: the workbook
    now names its sheet, keeps dates as dates, freezes a bold heading row with a filter on every
    column, and heads each column in words."""
    effort(places["teg"], parties["police"])
    effort(places["alidhem"], parties["ica"])
    as_role(client, Role.COORDINATOR)

    response = client.get(reverse("collaboration:effort-export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Samverkansinsatser"
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", "A1:I3")
    assert sheet["A1"].font.bold
    assert sheet["I1"].value == "Del av löfte eller överenskommelse"
    assert sheet["A2"].is_date and sheet["A2"].value.date() == TODAY

    response = client.get(reverse("collaboration:effort-export", args=["csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[1].startswith(TODAY.isoformat() + ";")


def test_a_csv_cell_neutralises_formulas_before_numbers_get_their_comma():
    from umebra.exports import csv_cell

    assert csv_cell(Decimal("-3.25")) == "-3,25"
    assert csv_cell(1.5) == "1,5"
    assert csv_cell(Decimal("1E+3")) == "1000"
    assert csv_cell(7) == 7
    assert csv_cell("-1.5") == "'-1.5"
    assert csv_cell("=1+1") == "'=1+1"


def test_an_unknown_export_format_is_not_found(client):
    as_role(client, Role.COORDINATOR)
    assert client.get("/efforts/export.pdf").status_code == 404


def test_the_list_takes_the_same_number_of_queries_for_5_or_60_efforts(
    client, places, parties, django_assert_max_num_queries
):
    as_role(client, Role.PARTNER, parties["police"])
    for _ in range(5):
        effort(places["teg"], parties["police"])
    with django_assert_max_num_queries(50) as few:
        client.get(reverse("collaboration:effort-list"))
    for _ in range(55):
        effort(places["teg"], parties["police"])
    with django_assert_max_num_queries(50) as many:
        client.get(reverse("collaboration:effort-list"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_coordinator_changes_an_effort(client, places, parties):
    logged = effort(places["teg"], parties["police"])
    as_role(client, Role.COORDINATOR)
    form = client.get(reverse("collaboration:effort-update", args=[logged.pk])).context["form"]
    data = {name: form[name].value() for name in form.fields} | {"people_reached": "99"}
    data = {k: v for k, v in data.items() if v is not None}
    response = client.post(reverse("collaboration:effort-update", args=[logged.pk]), data)
    assert response.status_code == 302
    logged.refresh_from_db()
    assert logged.people_reached == 99


def test_the_home_page_shows_the_latest_of_a_busy_week_and_how_many(client, places, parties):
    from collaboration.panels import RECENT

    for n in range(RECENT + 3):
        effort(places["teg"], parties["police"], description=f"Insats {n}")
    as_role(client, Role.COORDINATOR)
    page = client.get(reverse("home")).content.decode()
    assert f"{RECENT + 3} insatser registrerade hittills i veckan" in page
    listed = sum(
        reverse("collaboration:effort-detail", args=[pk]) in page
        for pk in JointEffort.objects.values_list("pk", flat=True)
    )
    assert listed == RECENT


def test_the_week_panel_writes_months_as_swedish_does(client, places, parties):
    """ "28 nov", not "28 Nov": Swedish writes month names in lower case."""
    import datetime

    coordinator = as_role(client, Role.COORDINATOR)
    day = TODAY - datetime.timedelta(days=TODAY.weekday())  # this week's Monday
    effort_create(
        actor=access.actor_for(coordinator), date=day, kind=EffortKind.DIALOGUE,
        areas=[places["teg"]], organisations=[parties["police"]], description="Dialog",
    )  # fmt: skip
    page = client.get(reverse("home")).content.decode()
    month = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    assert f"{day.day} {month[day.month - 1]}:" in page


def test_an_efforts_figures_read_as_swedish_writes_them(client, places, parties):
    coordinator = as_role(client, Role.COORDINATOR)
    effort = effort_create(
        actor=access.actor_for(coordinator), date=TODAY, kind=EffortKind.DIALOGUE,
        areas=[places["teg"]], organisations=[parties["police"]], description="Dialog",
        hours=Decimal("2.0"),
        cost=Decimal("12500.50"),
    )  # fmt: skip
    page = client.get(reverse("collaboration:effort-detail", args=[effort.pk])).content.decode()
    assert "<dd>12\xa0500,50 kr</dd>" in page and "<dd>2</dd>" in page


# the export's period (days from today) × marked preliminary, in its last row and its name
YESTERDAY, TOMORROW = -1, 1
EXPORT_PERIODS = [
    ({}, False),  # no period: every effort up to today, as the file's date says
    ({"date_from": -30}, True),  # from a day, open ended
    ({"date_from": -30, "date_to": 0}, True),  # up to today, which is not over
    ({"date_from": -30, "date_to": TOMORROW}, True),
    ({"date_from": -30, "date_to": YESTERDAY}, False),  # over: final
]


@pytest.mark.parametrize(("period", "preliminary"), EXPORT_PERIODS)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_of_a_period_not_yet_over_says_it_is_preliminary(
    client, places, parties, period, preliminary, file_format
):
    effort(places["teg"], parties["police"])
    JointEffort.objects.update(date=TODAY - timezone.timedelta(days=2))
    as_role(client, Role.COORDINATOR)
    query = {
        key: (TODAY + timezone.timedelta(days=days)).isoformat() for key, days in period.items()
    }
    response = client.get(reverse("collaboration:effort-export", args=[file_format]), query)
    if file_format == "csv":
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = [
            [cell for cell in row if cell is not None] for row in sheet.iter_rows(values_only=True)
        ]
        rows = [row for row in rows if row]
    mark = f"Preliminär, data t.o.m. {TODAY:%Y-%m-%d}"
    assert rows[0][0] == "Datum" and len(rows) == 2 + preliminary
    assert (rows[-1] == [mark]) is preliminary
    named = f'filename="insatser-preliminar-{TODAY:%Y-%m-%d}.{file_format}"'
    assert (named in response["Content-Disposition"]) is preliminary
