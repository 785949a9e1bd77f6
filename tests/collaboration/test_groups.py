"""Collaboration groups: the chain, overlaps, meetings whose decisions become tracked actions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from collaboration.models import Area, CollaborationGroup, Decision, Meeting
from collaboration.selectors.groups import group_overlaps, group_tree
from collaboration.services import groups as services
from tests.factories import log_in, member, umea
from umebra.access import SYSTEM
from umebra.roles import Role

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def group(name, members, *, parent=None, areas=(), mandate="Samordna insatser", owner=None):
    return services.group_create(
        actor=SYSTEM,
        name=name,
        level="operational",
        mandate=mandate,
        owner=owner or members[0],
        cadence="monthly",
        parent=parent,
        members=members,
        areas=areas,
    )


def test_the_chain_is_shown_from_the_top(orgs):
    council = group("Rådet", [orgs["municipality"], orgs["police"]])
    tactical = group("Taktisk", [orgs["municipality"]], parent=council)
    group("Operativ", [orgs["school"]], parent=tactical)
    group("Fristående", [orgs["shop"]])
    tree = [(g.name, depth) for g, depth in group_tree(CollaborationGroup.objects.all())]
    assert tree == [("Fristående", 0), ("Rådet", 0), ("Taktisk", 1), ("Operativ", 2)]


def test_a_group_cannot_report_to_itself_through_others(client, orgs):
    first = group("Första", [orgs["municipality"]])
    second = group("Andra", [orgs["municipality"]], parent=first)
    log_in(client, member(Role.COORDINATOR))
    response = client.post(
        reverse("collaboration:group-update", args=[first.pk]),
        {
            "name": "Första",
            "level": "strategic",
            "mandate": "x",
            "owner": orgs["municipality"].pk,
            "members": [orgs["municipality"].pk],
            "cadence": "monthly",
            "parent": second.pk,
        },
    )
    assert response.status_code == 400
    assert "kan inte rapportera till sig själv" in response.content.decode()
    first.refresh_from_db()
    assert first.parent is None


def test_overlaps_are_found_by_members_or_by_area_and_mandate(orgs):
    alidhem = Area.objects.create(
        municipality=umea(), name="Ålidhem", slug="alidhem", population=7000
    )
    same_people = [orgs["municipality"], orgs["police"], orgs["shop"]]
    a = group("A", same_people, mandate="Trygghet i centrum")
    b = group("B", same_people, mandate="Helt annat uppdrag om skolan")
    c = group("C", [orgs["school"]], areas=[alidhem], mandate="Samordnar tryggheten i Ålidhem")
    d = group(
        "D",
        [orgs["municipality"]],
        areas=[alidhem],
        mandate="Samordnar tryggheten i Ålidhem centrum",
    )
    e = group("E", [orgs["school"], orgs["shop"]], mandate="Något helt eget")
    pairs = {(o.first.name, o.second.name) for o in group_overlaps([a, b, c, d, e])}
    assert pairs == {("A", "B"), ("C", "D")}


def test_a_decision_becomes_a_tracked_action_until_done(client, orgs):
    council = group("Rådet", [orgs["municipality"], orgs["police"]])
    log_in(client, member(Role.COORDINATOR))
    client.post(
        reverse("collaboration:meeting-create", args=[council.pk]),
        {"date": TODAY.isoformat(), "agenda": "1. Lägesbild"},
    )
    meeting = Meeting.objects.get()
    due = TODAY + datetime.timedelta(days=3)
    client.post(
        reverse("collaboration:decision-create", args=[meeting.pk]),
        {"text": "Ny belysning", "owner": orgs["police"].pk, "due": due.isoformat()},
    )
    decision = Decision.objects.get()
    home = client.get(reverse("home")).content.decode()
    assert "Ny belysning" in home
    client.post(reverse("collaboration:decision-done", args=[decision.pk]), {"done": "1"})
    decision.refresh_from_db()
    assert decision.done_on == TODAY
    assert "Ny belysning" not in client.get(reverse("home")).content.decode()


def test_an_action_owner_must_be_a_member_of_the_group(client, orgs):
    council = group("Rådet", [orgs["municipality"]])
    meeting = services.meeting_create(actor=SYSTEM, group=council, date=TODAY, agenda="x")
    log_in(client, member(Role.COORDINATOR))
    response = client.post(
        reverse("collaboration:decision-create", args=[meeting.pk]),
        {"text": "Butiken ska", "owner": orgs["shop"].pk},
    )
    assert response.status_code == 400
    assert not Decision.objects.exists()


# role × which groups the list shows (the shop is a member of one of two)
@pytest.mark.parametrize(
    ("role", "in_shop", "status", "names"),
    [
        (Role.COORDINATOR, False, 200, {"Rådet", "Ålidhemsgruppen"}),
        (Role.POLITICIAN, False, 200, {"Rådet", "Ålidhemsgruppen"}),
        (Role.PARTNER, True, 200, {"Ålidhemsgruppen"}),
        (Role.AUDITOR, False, 403, None),
    ],
)
def test_who_sees_which_groups(client, orgs, role, in_shop, status, names):
    group("Rådet", [orgs["municipality"]])
    group("Ålidhemsgruppen", [orgs["municipality"], orgs["shop"]])
    log_in(client, member(role, orgs["shop"] if in_shop else None))
    response = client.get(reverse("collaboration:group-list"))
    assert response.status_code == status
    if names is not None:
        assert {g.name for g, _depth in response.context["tree"]} == names


def test_the_group_list_takes_a_fixed_number_of_queries(
    client, orgs, django_assert_max_num_queries
):
    log_in(client, member(Role.COORDINATOR))
    parent = group("Rådet", [orgs["municipality"]])
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("collaboration:group-list"))
    for n in range(8):
        group(f"Grupp {n}", [orgs["municipality"], orgs["police"]], parent=parent)
    with django_assert_max_num_queries(40) as many:
        client.get(reverse("collaboration:group-list"))
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize(("role", "in_shop", "linked"), [(Role.COORDINATOR, False, True),
                                                         (Role.PARTNER, True, False)])  # fmt: skip
def test_the_group_reported_to_is_linked_only_for_those_who_may_open_it(
    client, orgs, role, in_shop, linked
):
    council = group("Rådet", [orgs["municipality"]])
    local = group("Ålidhemsgruppen", [orgs["municipality"], orgs["shop"]], parent=council)
    log_in(client, member(role, orgs["shop"] if in_shop else None))
    page = client.get(reverse("collaboration:group-detail", args=[local.pk])).content.decode()
    assert "Rådet" in page
    assert (reverse("collaboration:group-detail", args=[council.pk]) in page) is linked
