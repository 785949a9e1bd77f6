"""Observations: reported on a phone, compiled weekly per area, drawn as a map and a chart."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from collaboration.models import Area, Observation, ObservationKind
from collaboration.selectors.observations import local_picture
from tests.factories import OrganisationFactory, log_in, member, umea
from umebra.models import OrganisationKind
from umebra.roles import Role

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def areas():
    return {
        "alidhem": Area.objects.create(
            municipality=umea(), name="Ålidhem", slug="alidhem", population=5000
        ),
        "teg": Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=10000),
    }


def observe(area, organisation, *, days_ago=0, kind=ObservationKind.GRAFFITI):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return Observation.objects.create(
        municipality=umea(),
        area=area,
        place="gångbron",
        occurred_at=when,
        kind=kind,
        organisation=organisation,
    )


def test_a_shop_reports_what_it_saw(client, areas):
    shop = OrganisationFactory(name="ICA", kind=OrganisationKind.BUSINESS)
    reporter = member(Role.PARTNER, shop)
    log_in(client, reporter)
    response = client.post(
        reverse("collaboration:observation-create"),
        {
            "area": areas["alidhem"].pk,
            "place": "Parkeringen",
            "occurred_at": "2026-11-20T22:15",
            "kind": ObservationKind.DRUG_DEALING,
            "description": "Bil stannar kort och åker, flera gånger.",
        },
    )
    assert response.status_code == 302
    observation = Observation.objects.get()
    assert (observation.organisation, observation.reported_by) == (shop, reporter)
    assert timezone.localtime(observation.occurred_at).hour == 22


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"area": ""}, "Detta fält måste fyllas i."),
        ({"kind": "burglary"}, "Välj ett giltigt alternativ."),
        ({"occurred_at": "i går"}, "Fyll i ett giltigt datum/tid."),
        ({"description": "x" * 301}, "som mest 300 tecken"),
        ({"occurred_at": "2031-01-01T22:00"}, "Det här har inte hänt än"),
    ],
)
def test_bad_reports_are_explained_and_not_stored(client, areas, change, message):
    log_in(client, member(Role.POLICE))
    data = {
        "area": areas["teg"].pk,
        "place": "Busskuren",
        "occurred_at": "2026-11-20T22:15",
        "kind": ObservationKind.VANDALISM,
    } | change
    response = client.post(reverse("collaboration:observation-create"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Observation.objects.exists()


def square(lon, lat):
    """A small GeoJSON square, for an area the maps draw."""
    ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.fixture
def reported(areas):
    """Six reports by Fritid in Ålidhem (5,000 residents) and five by the shop ICA in Teg
    (10,000), all this week; both areas drawn on the maps."""
    for area, (lon, lat) in zip(areas.values(), [(20.25, 63.81), (20.28, 63.81)], strict=True):
        area.boundary = square(lon, lat)
        area.save()
    shop = OrganisationFactory(name="ICA", kind=OrganisationKind.BUSINESS)
    leisure = OrganisationFactory(name="Fritid")
    for _ in range(6):
        observe(areas["alidhem"], leisure)
    for _ in range(5):
        observe(areas["teg"], shop)
    return {"shop": shop}


# The local picture is the area's (docs/rules.md, rule 9): every role that opens the page sees
# the same counts and rates, Ålidhem 6 (1,2 per 1 000) and Teg 5 (0,5). The list beneath is
# every report for coordinators and the police, and the reader's own organisation's for the
# others, which the page says in words, naming the organisation.
SAME_PICTURE = {"Ålidhem": (6, "1,2"), "Teg": (5, "0,5")}
NARROWED = "Listan visar bara rapporter från din organisation, {}."


@pytest.mark.parametrize(
    ("role", "in_shop", "status", "listed", "says_narrowed"),
    [
        (Role.COORDINATOR, False, 200, 11, False),
        (Role.POLICE, False, 200, 11, False),
        (Role.PARTNER, True, 200, 5, True),
        (Role.PARTNER, False, 200, 0, True),
        (Role.SCHOOL_STAFF, False, 200, 0, True),
        (Role.SOCIAL_WORKER, False, 200, 0, True),
        (Role.AGENCY_INSPECTOR, False, 200, 0, True),
        (Role.POLITICIAN, False, 403, None, None),
        (Role.AUDITOR, False, 403, None, None),
        (Role.ADMIN, False, 403, None, None),
    ],
)
def test_everyone_who_opens_the_local_picture_sees_the_whole_areas_figures(
    client, reported, role, in_shop, status, listed, says_narrowed
):
    reader = member(role, reported["shop"] if in_shop else None)
    log_in(client, reader)
    response = client.get(reverse("collaboration:observation-list"))
    assert response.status_code == status
    if status != 200:
        return
    page = response.content.decode()
    rows = {area.name: (total, rate) for area, _weekly, total, rate in response.context["rows"]}
    for area, (total, rate) in SAME_PICTURE.items():
        assert rows[area][0] == total
        assert f"{area}: {rate} per 1 000 invånare" in page  # the map
        assert f'<td class="num">{rate}</td>' in page  # the table
    assert response.context["week_totals"][-1] == 11  # the chart
    assert response.context["page"].paginator.count == listed
    organisation = reader.memberships.get().organisation.name
    assert (NARROWED.format(organisation) in page) is says_narrowed


# The home panel of this week's observations: role × what it counts (the picture's figure).
@pytest.mark.parametrize(
    ("role", "shown"),
    [
        (Role.COORDINATOR, True),
        (Role.POLICE, True),
        (Role.PARTNER, False),
        (Role.POLITICIAN, False),
    ],
)
def test_the_home_panel_counts_this_week_as_the_local_picture_does(client, reported, role, shown):
    log_in(client, member(role))
    page = client.get(reverse("home")).content.decode()
    assert ("11 observationer hittills i veckan" in page) is shown


def test_a_report_shows_the_same_rates_as_the_local_picture(reported, areas):
    """The quarterly report and the local picture count the same reports into the same rate
    (``Area.per_thousand``): the whole area's, whoever reads it."""
    from reports.content import observations
    from reports.periods import Period

    partner = member(Role.PARTNER, reported["shop"])
    picture = local_picture(user=partner, weeks=12)
    section = observations(Period(picture.weeks[0], TODAY), frozenset({umea().pk}))
    for area, _weekly, total, rate in picture.area_rows():
        count, shown = SAME_PICTURE[area.name]
        assert (total, rate) == (count, pytest.approx(float(shown.replace(",", "."))))
        assert f"{area.name}: {shown} observationer per 1 000 invånare" in section.charts[0]


def test_the_local_picture_counts_per_week_and_per_thousand_residents(areas):
    fritid = OrganisationFactory()
    coordinator = member(Role.COORDINATOR)
    for _ in range(3):
        observe(areas["alidhem"], fritid)
    observe(areas["teg"], fritid, days_ago=7)
    observe(areas["teg"], fritid, days_ago=7 * 20)  # outside the twelve weeks
    picture = local_picture(user=coordinator, weeks=12)
    rows = {area.name: (weekly, total, rate) for area, weekly, total, rate in picture.area_rows()}
    assert rows["Ålidhem"][0][-1] == 3 and rows["Ålidhem"][1] == 3
    assert rows["Ålidhem"][2] == pytest.approx(0.6)  # 3 per 5,000 residents
    assert rows["Teg"][0][-2] == 1 and rows["Teg"][1] == 1
    assert picture.week_totals()[-1] == 3
    assert len(picture.weeks) == 12 and picture.weeks[-1].weekday() == 0


def test_the_page_draws_the_map_and_the_chart(client, areas):
    areas["teg"].boundary = {
        "type": "Polygon",
        "coordinates": [[[20.25, 63.81], [20.27, 63.81], [20.27, 63.82], [20.25, 63.81]]],
    }
    areas["teg"].save()
    observe(areas["teg"], OrganisationFactory())
    log_in(client, member(Role.COORDINATOR))
    page = client.get(reverse("collaboration:observation-list")).content.decode()
    # The map and the chart, each drawn wide and narrow for the stylesheet to choose.
    assert page.count('class="chart-frame"') == 2
    assert page.count('role="img"') == 4
    assert "Teg: 0,1 per 1 000 invånare" in page  # the decimal comma of the page's Swedish


def test_the_list_takes_the_same_number_of_queries_for_5_or_60(
    client, areas, django_assert_max_num_queries
):
    fritid = OrganisationFactory()
    log_in(client, member(Role.COORDINATOR))
    for _ in range(5):
        observe(areas["teg"], fritid)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("collaboration:observation-list"))
    for n in range(55):
        observe(areas["alidhem"], fritid, days_ago=n)
    with django_assert_max_num_queries(40) as many:
        client.get(reverse("collaboration:observation-list"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_this_weeks_observations_start_at_mondays_local_midnight(client, areas):
    """The home panel counts from Monday 00:00 Swedish time: a report from Sunday evening's
    last minutes is last week's, one from Monday's first minutes this week's."""
    police = OrganisationFactory(name="Polisen", kind=OrganisationKind.POLICE)
    monday = TODAY - datetime.timedelta(days=TODAY.weekday())
    midnight = timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
    for moment in (
        midnight - datetime.timedelta(minutes=1),
        midnight + datetime.timedelta(minutes=1),
    ):
        Observation.objects.create(municipality=umea(),
            area=areas["teg"], place="torget", occurred_at=moment, organisation=police,
            kind=ObservationKind.GRAFFITI,
        )  # fmt: skip
    log_in(client, member(Role.COORDINATOR))
    page = client.get(reverse("home")).content.decode()
    assert "1 observation hittills i veckan" in page


def test_the_kind_is_a_choice_of_kinds_with_no_blank_button(client, areas):
    import re

    log_in(client, member(Role.POLICE))
    page = client.get(reverse("collaboration:observation-create")).content.decode()
    buttons = re.findall(r'<input type="radio" name="kind" value="([^"]*)"', page)
    assert buttons == [kind.value for kind in ObservationKind]
