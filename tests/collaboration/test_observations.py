"""Observations: reported on a phone, compiled weekly per area, drawn as a map and a chart."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from collaboration.models import Area, Observation, ObservationKind
from collaboration.selectors.observations import local_picture
from tests.factories import OrganisationFactory, log_in, member
from umebra.models import OrganisationKind
from umebra.roles import Role

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def areas():
    return {
        "alidhem": Area.objects.create(name="Ålidhem", slug="alidhem", population=5000),
        "teg": Area.objects.create(name="Teg", slug="teg", population=10000),
    }


def observe(area, organisation, *, days_ago=0, kind=ObservationKind.GRAFFITI):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return Observation.objects.create(
        area=area, place="gångbron", occurred_at=when, kind=kind, organisation=organisation
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


# viewer × sees how many of the three observations (two by the shop, one by Fritid)
@pytest.mark.parametrize(
    ("role", "own_organisation", "status", "rows"),
    [
        (Role.COORDINATOR, False, 200, 3),
        (Role.POLICE, False, 200, 3),
        (Role.PARTNER, True, 200, 2),
        (Role.SCHOOL_STAFF, False, 200, 0),
        (Role.POLITICIAN, False, 403, None),
        (Role.AUDITOR, False, 403, None),
    ],
)
def test_who_sees_which_observations(client, areas, role, own_organisation, status, rows):
    shop = OrganisationFactory(name="ICA")
    leisure = OrganisationFactory(name="Fritid")
    observe(areas["teg"], shop)
    observe(areas["teg"], shop)
    observe(areas["alidhem"], leisure)
    log_in(client, member(role, shop if own_organisation else None))
    response = client.get(reverse("collaboration:observation-list"))
    assert response.status_code == status
    if rows is not None:
        assert response.context["page"].paginator.count == rows


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
    assert page.count('role="img"') == 2
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
        Observation.objects.create(
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
