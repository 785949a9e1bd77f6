"""Länsstyrelsen's county coordinator (issue 20): the county's municipalities in aggregate
only, as the regional quarterly follow-up and where each stands in the law's cycle; nothing
of one municipality alone, no person and no target. Asked through the pages, as tables of
reader × report."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from reports.models import ReportKind
from reports.periods import quarter
from reports.services import report_build, report_request
from tests.core.test_municipalities import town  # noqa: F401 (the two municipalities)
from tests.factories import OrganisationFactory, UserFactory, log_in, member, umea
from umebra import access
from umebra.access import SYSTEM
from umebra.models import OrganisationKind
from umebra.roles import Role
from umebra.services import membership_create

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
PERIOD = quarter(TODAY.year, (TODAY.month - 1) // 3 + 1)  # the town's efforts are of today


@pytest.fixture
def county(town):  # noqa: F811
    """Länsstyrelsen's coordinators, one of the whole county (both municipalities) and one
    whose membership names Umeå alone; the politicians; a report of each kind."""
    both = [umea(), town["vannas"]]
    board = OrganisationFactory(
        name="Länsstyrelsen Västerbotten",
        kind=OrganisationKind.COUNTY_BOARD,
        regional=True,
        municipalities=both,
    )
    people = dict(town["people"])
    for username, works_in in (("lansstyrelsen", both), ("lan-umea", [umea()])):
        people[username] = user = UserFactory(username=username)
        membership_create(actor=SYSTEM, user=user, organisation=board,
                          role=Role.COUNTY_COORDINATOR, municipalities=works_in)  # fmt: skip
    people["politiker"] = member(Role.POLITICIAN, town["orgs"]["umea"], username="politiker")
    reports = {
        "Umeå's quarterly": report_request(
            actor=SYSTEM, kind=ReportKind.QUARTERLY, period=PERIOD, municipality=umea()
        )[0],
        "Vännäs' quarterly": report_request(
            actor=SYSTEM, kind=ReportKind.QUARTERLY, period=PERIOD, municipality=town["vannas"]
        )[0],
        "the county's regional": report_request(
            actor=SYSTEM, kind=ReportKind.REGIONAL, period=PERIOD, county="24"
        )[0],
    }
    return {**town, "people": people, "reports": reports}


# Who opens each report's page (200) and who gets 404, written out from the issue.
OPENS = {
    # reader: (Umeå's quarterly, Vännäs' quarterly, the county's regional)
    "samordnare": (200, 404, 404),
    "politiker": (200, 404, 404),
    "vannas-samordnare": (404, 200, 404),
    "lansstyrelsen": (404, 404, 200),  # aggregates of the whole county, nothing of one alone
    "lan-umea": (404, 404, 404),  # works in part of the county: the regional counts Vännäs
    "polis": (404, 404, 404),  # reads no report: as for one that does not exist
}


def test_who_opens_which_report(county):
    wrong = []
    for username, expected in OPENS.items():
        client = log_in(Client(), county["people"][username])
        for (name, run), want in zip(county["reports"].items(), expected, strict=True):
            status = client.get(run.get_absolute_url()).status_code
            if status != want:
                wrong.append(f"{username}, {name}: {status}, not {want}")
    assert wrong == [], "\n".join(wrong)


# Which kinds each asker is offered (the choices of the form) and may ask for.
ASKS = {
    "samordnare": {"quarterly", "situation_picture", "action_plan", "citizen_promises",
                   "safety_agreements"},
    "lansstyrelsen": {"regional"},
    "lan-umea": {"regional"},  # offered, then refused: it does not cover the county
}  # fmt: skip


def test_the_county_coordinator_asks_for_the_regional_report_only(county):
    for username, kinds in ASKS.items():
        page = log_in(Client(), county["people"][username]).get(reverse("reports:report-list"))
        offered = {value for value, _label in page.context["form"].fields["kind"].choices}
        assert offered == kinds, username
    data = {"kind": "quarterly", "year": PERIOD.start.year, "quarter": 1}
    client = log_in(Client(), county["people"]["lansstyrelsen"])
    assert client.post(reverse("reports:report-request"), data).status_code == 400
    client = log_in(Client(), county["people"]["samordnare"])
    assert (
        client.post(reverse("reports:report-request"), data | {"kind": "regional"}).status_code
        == 400
    )
    with pytest.raises(ValidationError, match="varje kommun i det länet"):
        report_request(actor=access.actor_for(county["people"]["lan-umea"]),
                       kind=ReportKind.REGIONAL, period=PERIOD)  # fmt: skip


def test_the_regional_report_counts_the_county_together_and_names_no_one(county):
    run = report_build(run_id=county["reports"]["the county's regional"].pk)
    assert run.status == "done", run.error
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(run.file.data)).pages)
    # Each municipality has its row in the law's cycle, and the efforts are counted together:
    # one effort of each, both this quarter.
    assert "Umeå" in text and "Vännäs" in text
    umeas = report_build(run_id=county["reports"]["Umeå's quarterly"].pk)
    assert dict(umeas.figures)["Joint efforts logged"] == "1"
    assert dict(run.figures)["Joint efforts logged"] == "2"
    for secret in ("Ung umea", "Ung vannas", "Operation umea", "Operation vannas", "Torgvandring"):
        assert secret not in text, secret


# Which municipalities' rows each reader finds on the page of the law's cycle.
CYCLE_ROWS = {
    "lansstyrelsen": {"Umeå", "Vännäs"},
    "lan-umea": {"Umeå"},
    "samordnare": {"Umeå"},
    "vannas-samordnare": {"Vännäs"},
}


def test_each_reader_sees_where_their_municipalities_stand_in_the_cycle(county):
    for username, expected in CYCLE_ROWS.items():
        page = log_in(Client(), county["people"][username]).get(reverse("reports:cycle"))
        assert page.status_code == 200, username
        assert {row[0] for row in page.context["rows"]} == expected, username
    page = log_in(Client(), county["people"]["polis"]).get(reverse("reports:cycle"))
    assert page.status_code == 403
