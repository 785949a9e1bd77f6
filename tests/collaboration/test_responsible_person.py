"""An activity's or a decision's responsible person: chosen in its form among those acting for
its organisation (anyone else refused, in Swedish) and shown on its page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from collaboration.models import (
    Activity,
    ActivityStatus,
    Decision,
    UndertakingKind,
)
from collaboration.services import agreements, groups
from tests.factories import member
from umebra.access import SYSTEM
from umebra.roles import Role

pytestmark = pytest.mark.django_db

REFUSED = (
    "Den ansvariga personen måste företräda den ansvariga aktören: välj någon som har "
    "en aktiv roll där."
)


@pytest.fixture
def people(orgs):
    return {
        "caretaker": member(
            Role.PARTNER, orgs["landlord"], first_name="Kim", last_name="Vaktmästarsson"
        ),
        "caretaker's colleague": member(Role.PARTNER, orgs["landlord"]),
        "officer": member(Role.POLICE, orgs["police"]),
        "shop's partner": member(Role.PARTNER, orgs["shop"]),
        "coordinator": member(Role.COORDINATOR),
        # Acts for a party, in a role that follows the work and does not do it.
        "politician": member(Role.POLITICIAN, orgs["municipality"]),
    }


@pytest.fixture
def agreement(orgs):
    today = timezone.localdate()
    return agreements.undertaking_create(
        actor=SYSTEM, kind=UndertakingKind.SAFETY_AGREEMENT, place="Ålidhem centrum",
        title="Tryggare kvällar", problem="Otrygghet", valid_from=today,
        valid_to=today + datetime.timedelta(days=300), areas=[],
        parties=[orgs["landlord"], orgs["police"], orgs["municipality"]],
    )  # fmt: skip


@pytest.fixture
def meeting(orgs):
    group = groups.group_create(
        actor=SYSTEM, name="Ålidhemsgruppen", level="operational", mandate="m",
        owner=orgs["landlord"], cadence="monthly", areas=[],
        members=[orgs["landlord"], orgs["police"], orgs["municipality"]],
    )  # fmt: skip
    return groups.meeting_create(actor=SYSTEM, group=group, date=timezone.localdate(), agenda="x")


def post_activity(client, agreement, orgs, person, *, days=1):
    return client.post(
        reverse("collaboration:activity-create", args=[agreement.pk]),
        {
            "description": "Belysning vid gångtunneln",
            "responsible": orgs["landlord"].pk,
            "responsible_person": person.pk,
            "due": (timezone.localdate() + datetime.timedelta(days=days)).isoformat(),
            "status": ActivityStatus.PLANNED,
        },
    )


def post_decision(client, meeting, orgs, person, *, days=1):
    return client.post(
        reverse("collaboration:decision-create", args=[meeting.pk]),
        {
            "text": "Belysning vid gångtunneln",
            "owner": orgs["landlord"].pk,
            "responsible_person": person.pk,
            "due": (timezone.localdate() + datetime.timedelta(days=days)).isoformat(),
        },
    )


# -- The choice -------------------------------------------------------------------------------


def test_a_member_of_the_responsible_organisation_is_chosen_and_shown(
    client, coordinator, people, agreement, orgs
):
    page = client.get(reverse("collaboration:activity-create", args=[agreement.pk]))
    offered = page.content.decode()
    assert "Kim Vaktmästarsson (Bostaden AB)" in offered
    # Of another party's people, only those of a role that carries out the work.
    offers = lambda name: f'<option value="{people[name].pk}">' in offered  # noqa: E731
    assert offers("caretaker's colleague") and offers("officer")
    assert not offers("politician")
    assert not offers("shop's partner")  # not a party

    response = post_activity(client, agreement, orgs, people["caretaker"])
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.responsible_person == people["caretaker"]
    # The history keeps who was named.
    assert activity.history.get().responsible_person_id == people["caretaker"].pk
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Ansvarig person" in page and "Kim Vaktmästarsson" in page


@pytest.mark.parametrize("who", ["officer", "shop's partner", "politician"])
def test_someone_not_acting_for_the_responsible_organisation_is_refused(
    client, coordinator, people, agreement, meeting, orgs, who
):
    for response in (
        post_activity(client, agreement, orgs, people[who]),
        post_decision(client, meeting, orgs, people[who]),
    ):
        assert response.status_code == 400
        assert REFUSED in response.content.decode()
    assert not Activity.objects.exists() and not Decision.objects.exists()


def test_the_service_refuses_it_too(people, agreement, orgs):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        agreements.activity_create(
            actor=SYSTEM, undertaking=agreement, description="x", responsible=orgs["landlord"],
            responsible_person=people["officer"], due=timezone.localdate(),
        )  # fmt: skip
    assert refused.value.message_dict == {"responsible_person": [REFUSED]}


def test_a_decision_names_its_person_on_the_groups_page(client, coordinator, people, meeting, orgs):
    assert post_decision(client, meeting, orgs, people["caretaker"]).status_code == 302
    assert Decision.objects.get().responsible_person == people["caretaker"]
    page = client.get(meeting.group.get_absolute_url()).content.decode()
    assert "ansvarig person: Kim Vaktmästarsson" in page
