"""The access mechanism: deny by default, 404 for the hidden, one policy per model."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.test import RequestFactory

from collaboration.models import Area
from tests.factories import OrganisationFactory, UserFactory, member, umea
from umebra import access
from umebra.access import Actor
from umebra.audit.models import AccessEvent
from umebra.audit.services import event_record
from umebra.models import Membership, Organisation, OrganisationKind, User, WorkerPing
from umebra.roles import Role

pytestmark = pytest.mark.django_db


def request_as(user):
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    request.user = user
    return request


def test_every_model_with_an_admin_or_a_page_has_a_policy():
    from django.contrib import admin

    ours = {"umebra", "audit", "collaboration", "cases", "reports"}
    registered = set(access.registered_models())
    for model in admin.site._registry:
        if model._meta.app_label in ours:
            assert model in registered, model


def test_a_model_without_a_policy_is_an_error_not_an_open_door():
    from django.contrib.auth.models import Group

    with pytest.raises(ImproperlyConfigured, match="no access policy"):
        access.restrict(member(Role.ADMIN), Group.objects.all())


def test_a_user_without_an_active_membership_sees_nothing():
    OrganisationFactory()
    assert not access.restrict(UserFactory(), Organisation.objects.all()).exists()


@pytest.fixture
def two_organisations():
    """Staff of two organisations: who sees whose memberships."""
    school = OrganisationFactory(name="Skolan")
    police = OrganisationFactory(name="Polisen", kind=OrganisationKind.POLICE)
    people = {
        "counsellor": member(Role.SCHOOL_STAFF, school),
        "teacher": member(Role.SCHOOL_STAFF, school),
        "officer": member(Role.POLICE, police),
    }
    for role in (Role.COORDINATOR, Role.AUDITOR, Role.ADMIN, Role.PARTNER, Role.POLITICIAN):
        people[role] = member(role)
    return people


# viewer × model × how many rows they see (of the fixture's 8 memberships)
VISIBLE = [
    ("counsellor", Membership, 2),
    ("officer", Membership, 1),
    (Role.COORDINATOR, Membership, 8),
    (Role.AUDITOR, Membership, 8),
    (Role.ADMIN, Membership, 8),
    (Role.PARTNER, Membership, 1),
    (Role.POLITICIAN, Membership, 1),
    ("counsellor", User, 2),
    (Role.PARTNER, User, 1),
    (Role.COORDINATOR, User, 8),
]


@pytest.mark.parametrize(("viewer", "model", "count"), VISIBLE)
def test_staff_see_their_own_organisation_some_roles_see_all(
    two_organisations, viewer, model, count
):
    user = two_organisations[viewer]
    assert access.restrict(user, model.objects.all()).count() == count


# role × model × may change any of them (here, another user's membership in a partner role)
CHANGE = [
    (Role.ADMIN, Membership, True),
    (Role.COORDINATOR, Membership, True),
    (Role.POLICE, Membership, False),
    (Role.COORDINATOR, Organisation, True),
    (Role.COORDINATOR, Area, True),
    (Role.PARTNER, Organisation, False),
    (Role.POLICE, Area, False),
    (Role.AUDITOR, AccessEvent, False),
    (Role.ADMIN, WorkerPing, False),
]


@pytest.mark.parametrize(("role", "model", "allowed"), CHANGE)
def test_who_may_change_what(role, model, allowed):
    user = member(role)
    member(Role.PARTNER)
    Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300)
    WorkerPing.objects.create()
    event_record(actor=Actor(user=user, membership=None), action="view", object_type="umebra.user")
    assert model.objects.exists()
    assert access.restrict(user, model.objects.all(), access.Action.CHANGE).exists() is allowed


def test_a_hidden_object_answers_404_and_the_attempt_is_logged(two_organisations):
    officer = two_organisations["officer"]
    hidden = Membership.objects.get(user=two_organisations["counsellor"])
    with pytest.raises(Http404):
        access.get_object_or_404(request_as(officer), Membership, pk=hidden.pk)
    event = AccessEvent.objects.get(action="denied")
    assert (event.action, event.object_type, event.object_id) == (
        "denied",
        "umebra.membership",
        str(hidden.pk),
    )
    assert (event.username, event.ip_address) == (officer.username, "192.0.2.7")


def test_a_missing_object_answers_exactly_like_a_hidden_one(two_organisations):
    officer = two_organisations["officer"]
    with pytest.raises(Http404):
        access.get_object_or_404(request_as(officer), Membership, pk=999999)


def test_reading_personal_data_is_logged(monkeypatch, two_organisations):
    class PersonalAreas(access.RolePolicy):
        personal_data = True
        roles = {access.Action.VIEW: frozenset(Role)}

    monkeypatch.setitem(access._policies, Area, PersonalAreas())
    area = Area.objects.create(municipality=umea(), name="Haga", slug="haga", population=5400)
    viewer = two_organisations[Role.COORDINATOR]
    assert access.get_object_or_404(request_as(viewer), Area, pk=area.pk) == area
    event = AccessEvent.objects.get(object_type="collaboration.area")
    assert (event.action, event.object_id, event.role) == ("view", str(area.pk), "coordinator")


def test_reading_other_data_leaves_no_trace(two_organisations):
    own = Membership.objects.get(user=two_organisations["officer"])
    logged = AccessEvent.objects.count()
    access.get_object_or_404(request_as(two_organisations["officer"]), Membership, pk=own.pk)
    assert AccessEvent.objects.count() == logged


def test_an_ended_membership_closes_everything(two_organisations):
    admin = two_organisations[Role.ADMIN]
    membership = admin.memberships.get()
    Membership.objects.filter(pk=membership.pk).update(
        valid_from="2020-01-01", valid_to="2020-12-31"
    )
    fresh = User.objects.get(pk=admin.pk)  # the actor is read once per user object
    assert not access.restrict(fresh, Membership.objects.all()).exists()
