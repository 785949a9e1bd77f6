"""Organisations and memberships, kept by coordinators within what the access layer allows."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory, log_in, member
from umebra import access
from umebra.models import Membership, Organisation
from umebra.roles import Role, group_name
from umebra.services import membership_create

pytestmark = pytest.mark.django_db


def test_a_coordinator_registers_an_organisation_with_a_checked_number(client):
    log_in(client, member(Role.COORDINATOR))
    url = reverse("organisation-create")
    data = {"name": "Kronofogden", "kind": "state_agency", "is_public_authority": "on"}
    response = client.post(url, data | {"organisation_number": "202100-5485"})
    assert response.status_code == 400
    assert "kontrollsiffra stämmer inte" in response.content.decode()
    response = client.post(url, data | {"organisation_number": "2021005489"})
    assert response.status_code == 302
    assert Organisation.objects.get(name="Kronofogden").organisation_number == "202100-5489"


def test_a_coordinator_gives_a_partner_role_and_asks_for_a_school_role(client):
    coordinator = member(Role.COORDINATOR)
    school = OrganisationFactory(name="Skolan")
    caretaker, counsellor = UserFactory(username="vaktmastare"), UserFactory(username="kurator")
    log_in(client, coordinator)
    url = reverse("membership-create", args=[school.pk])
    today = timezone.localdate()
    response = client.post(url, {"user": caretaker.pk, "role": Role.PARTNER, "valid_from": today})
    assert response.status_code == 302
    assert set(caretaker.groups.values_list("name", flat=True)) == {group_name(Role.PARTNER)}
    response = client.post(
        url, {"user": counsellor.pk, "role": Role.SCHOOL_STAFF, "valid_from": today}, follow=True
    )
    assert "Förfrågan är skickad" in response.content.decode()
    assert counsellor.memberships.get().status == "requested"
    assert not counsellor.groups.exists()


@pytest.mark.parametrize("role", [Role.ADMIN, Role.AUDITOR])
def test_a_coordinator_cannot_hand_out_the_roles_that_oversee_the_system(client, role):
    coordinator = member(Role.COORDINATOR)
    someone = UserFactory(username="kollega")
    log_in(client, coordinator)
    response = client.post(
        reverse("membership-create", args=[OrganisationFactory().pk]),
        {"user": someone.pk, "role": role, "valid_from": timezone.localdate()},
    )
    assert response.status_code == 400
    assert not someone.memberships.exists()
    with pytest.raises(PermissionDenied):
        membership_create(
            actor=access.actor_for(coordinator),
            user=someone,
            organisation=OrganisationFactory(),
            role=role,
        )


def test_a_coordinator_cannot_end_an_auditors_membership(client):
    auditor = member(Role.AUDITOR)
    log_in(client, member(Role.COORDINATOR))
    response = client.post(reverse("membership-end", args=[auditor.memberships.get().pk]))
    assert response.status_code == 404
    assert auditor.memberships.get().valid_to is None


def test_ending_a_membership_takes_the_role_away_at_once(client):
    caretaker = member(Role.PARTNER)
    log_in(client, member(Role.COORDINATOR))
    client.post(reverse("membership-end", args=[caretaker.memberships.get().pk]))
    membership = Membership.objects.get(user=caretaker)
    assert membership.valid_to == timezone.localdate() and membership.ended_at is not None
    assert not caretaker.groups.exists()
    assert access.actor_for(type(caretaker).objects.get(pk=caretaker.pk)).membership is None


def test_a_bad_boundary_is_explained(client):
    from collaboration.models import Area

    log_in(client, member(Role.COORDINATOR))
    base = {"name": "Böleäng", "slug": "boleang", "population": "3000"}
    open_ring = '{"type": "Polygon", "coordinates": [[[20.2, 63.8], [20.3, 63.8], [20.3, 63.9]]]}'
    for boundary, message in [
        ("inte json", "JSON"),
        ('{"type": "Point", "coordinates": [20.2, 63.8]}', "Polygon eller MultiPolygon"),
        (open_ring, "minst fyra punkter"),
    ]:
        response = client.post(reverse("collaboration:area-create"), base | {"boundary": boundary})
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not Area.objects.filter(slug="boleang").exists()
    square = '{"type": "Polygon", "coordinates": [[[20, 63], [21, 63], [21, 64], [20, 63]]]}'
    response = client.post(reverse("collaboration:area-create"), base | {"boundary": square})
    assert response.status_code == 302
