"""The installation's administrator adds a municipality in the admin (issue 20), as with
``manage.py municipality_add``: a superuser made on the server, logged in with two factors.
No municipality's administrator, coordinator or anyone else opens the page."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory, UserFactory, log_in, member, umea
from umebra.audit.models import AccessEvent
from umebra.models import Membership, Municipality, Organisation, OrganisationKind, User
from umebra.roles import Role

pytestmark = pytest.mark.django_db
ADD = reverse("admin:umebra_municipality_add")


@pytest.fixture
def keeper():
    return User.objects.create_superuser(username="drift", password="Lång-nog-2026-drift")


def _client(who: str, keeper) -> Client:
    if who == "superuser, two factors":
        return log_in(Client(), keeper)
    client = Client()
    if who == "superuser, password only":
        client.force_login(keeper)
    elif who != "anonymous":
        log_in(client, member(Role(who), username=f"x-{who}"))
    return client


# Who opens the page to add a municipality: 200, refused (403) or sent to log in (302).
OPENS = {
    "superuser, two factors": 200,
    "superuser, password only": 403,
    Role.ADMIN: 403,  # a municipality's administrator: staff, but of one municipality
    Role.COORDINATOR: 302,
    Role.AUDITOR: 302,
    "anonymous": 302,
}


def test_only_the_installations_administrator_opens_the_page(keeper):
    umea()
    got = {who: _client(who, keeper).get(ADD).status_code for who in OPENS}
    assert got == OPENS


def _form(**fields) -> dict:
    return {"name": "Vännäs", "code": "2460", "slug": "vannas",
            "organisation_name": "Vännäs kommun", "organisation_number": "",
            "coordinator": UserFactory(username="vera").pk} | fields  # fmt: skip


def test_the_administrator_adds_a_municipality_with_its_coordinator(keeper):
    police = OrganisationFactory(name="Polisen LPO Umeå", kind=OrganisationKind.POLICE,
                                 regional=True, municipalities=[umea()])  # fmt: skip
    response = log_in(Client(), keeper).post(ADD, _form(regional=[police.pk]))
    assert response.status_code == 302
    vannas = Municipality.objects.get(code="2460")
    body = Organisation.objects.get(name="Vännäs kommun")
    assert list(body.municipalities.all()) == [vannas]
    assert set(police.municipalities.values_list("code", flat=True)) == {"2480", "2460"}
    membership = Membership.objects.get(user__username="vera")
    assert (membership.organisation, membership.role, membership.administers_members) == (
        body, Role.COORDINATOR, True
    )  # fmt: skip
    added = AccessEvent.objects.get(object_type="umebra.municipality", action="create")
    assert (added.username, added.object_id) == ("drift", str(vannas.pk))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"code": "2480"}, "Kommun med detta Kommunkod finns redan."),
        ({"code": "24"}, "En kommunkod är fyra siffror."),
        (
            {"organisation_name": "Socialtjänsten"},
            "Det finns redan en organisation med det namnet.",
        ),
    ],
)
def test_bad_input_is_told_in_swedish_and_adds_nothing(keeper, fields, message):
    umea()
    OrganisationFactory(name="Socialtjänsten")
    before = (Municipality.objects.count(), Organisation.objects.count())
    response = log_in(Client(), keeper).post(ADD, _form(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (Municipality.objects.count(), Organisation.objects.count()) == before
