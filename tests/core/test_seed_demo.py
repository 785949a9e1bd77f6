import base64

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from collaboration.models import Area
from tests.personas import (
    DEMO_MEMBER_ADMINISTRATORS,
    DEMO_NEIGHBOUR_USERS,
    DEMO_SECOND_HOLDERS,
    DEMO_USERS,
)
from umebra.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET
from umebra.models import Membership, Organisation, User
from umebra.roles import Role
from umebra.selectors import membership_current

# Every demo user logs in with two factors but the partner and the politician.
ONE_FACTOR = {Role.PARTNER, Role.POLITICIAN, Role.COUNTY_COORDINATOR}
EVERY_DEMO_USER = (
    DEMO_USERS + DEMO_MEMBER_ADMINISTRATORS + DEMO_SECOND_HOLDERS + DEMO_NEIGHBOUR_USERS
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=None)


@pytest.mark.parametrize(("username", "organisation", "role"), EVERY_DEMO_USER)
def test_each_demo_user_logs_in_with_the_demo_password(seeded, rf, username, organisation, role):
    user = authenticate(rf.post("/login/"), username=username, password=DEMO_PASSWORD)
    assert user is not None
    membership = membership_current(user=user)
    assert (membership.organisation.name, membership.role) == (organisation, role)


def test_each_demo_user_has_an_address_at_the_example_domain(seeded):
    addresses = dict(User.objects.values_list("username", "email"))
    assert {username: addresses[username] for username, *_ in EVERY_DEMO_USER} == {
        username: f"{username}@umebra.example" for username, *_ in EVERY_DEMO_USER
    }


@pytest.mark.parametrize(("username", "organisation", "role"), EVERY_DEMO_USER)
def test_demo_users_who_need_two_factors_have_the_published_demo_key(
    seeded, username, organisation, role
):
    devices = TOTPDevice.objects.filter(user__username=username, confirmed=True)
    if role not in ONE_FACTOR:
        assert base64.b32encode(devices.get().bin_key).decode() == DEMO_TOTP_SECRET
    else:
        assert not devices.exists()


def test_each_demo_member_administrator_administers_their_organisation_only(seeded):
    administrators = Membership.objects.active().filter(administers_members=True)
    assert sorted(administrators.values_list("user__username", "organisation__name")) == sorted(
        (username, organisation) for username, organisation, _role in DEMO_MEMBER_ADMINISTRATORS
    )


def test_the_demo_has_the_organisations_and_areas(seeded):
    assert set(Organisation.objects.values_list("name", flat=True)) >= {
        "Umeå kommun",
        "Umebrå",
        "Socialtjänsten",
        "Ersängsskolan",
        "Fritid",
        "Polisen LPO Umeå",
        "Skatteverket",
        "Arbetsmiljöverket",
        "Bostaden AB",
        "ICA Ålidhem",
    }
    assert Organisation.objects.get(name="Socialtjänsten").parent.name == "Umeå kommun"
    areas = {
        code: set(Area.objects.filter(municipality__code=code).values_list("name", flat=True))
        for code in ("2480", "2460")
    }
    assert areas == {
        "2480": {"Centrum", "Ålidhem", "Ersboda", "Haga", "Holmsund", "Mariehem", "Teg",
                 "Tomtebo"},
        "2460": {"Vännäs centrum", "Vännäsby"},
    }  # fmt: skip


# organisation: the municipalities it works in, by SCB's code.
WORKS_IN = {
    "Umeå kommun": {"2480"}, "Socialtjänsten": {"2480"}, "Bostaden AB": {"2480"},
    "Vännäs kommun": {"2460"}, "Socialtjänsten Vännäs": {"2460"},
    "Polisen LPO Umeå": {"2480", "2460"}, "Skatteverket": {"2480", "2460"},
    "Kronofogden": {"2480", "2460"}, "Länsstyrelsen Västerbotten": {"2480", "2460"},
}  # fmt: skip


def test_the_demo_organisations_work_where_they_do(seeded):
    works_in = {
        name: set(Organisation.objects.get(name=name).municipalities.values_list("code", flat=True))
        for name in WORKS_IN
    }
    assert works_in == WORKS_IN
    assert set(
        Membership.objects.get(user__username="polis").municipalities.values_list("code", flat=True)
    ) == {"2480", "2460"}


def test_seeding_twice_changes_nothing(seeded):
    counts = (User.objects.count(), Membership.objects.count(), Organisation.objects.count())
    call_command("seed_demo", stdout=None)
    assert (
        User.objects.count(),
        Membership.objects.count(),
        Organisation.objects.count(),
    ) == counts


def test_seeding_again_keeps_what_was_done_to_the_demo_users(seeded):
    from umebra.access import SYSTEM
    from umebra.services import membership_end

    membership_end(actor=SYSTEM, membership=Membership.objects.get(user__username="polis"))
    call_command("seed_demo", stdout=None)  # as make run does at each start
    assert membership_current(user=User.objects.get(username="polis")) is None


def test_demo_data_is_refused_where_it_is_switched_off(settings):
    settings.UMEBRA_DEMO = False
    with pytest.raises(CommandError, match="never goes into production"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_each_demo_user_but_the_oversight_is_linked_to_the_demo_identity_provider(seeded):
    """`make run`'s identity provider knows each demo user by name; the auditors' and
    administrators' accounts are linked by their holders only (umebra.sso)."""
    from umebra.sso.models import ExternalIdentity

    links = dict(ExternalIdentity.objects.values_list("user__username", "subject"))
    oversight = {Role.AUDITOR, Role.ADMIN}
    assert links == {
        username: username for username, _org, role in EVERY_DEMO_USER if role not in oversight
    }


def test_a_demo_of_one_municipality_seeded_again_puts_its_police_in_both(seeded):
    """A demo seeded before Vännäs (and migrated, so its police work in Umeå alone) is
    seeded again: the police then work in Vännäs too, so Cilla's case can be granted."""
    from umebra.demo import seed

    polis = Membership.objects.get(user__username="polis")
    polis.municipalities.remove(polis.municipalities.get(code="2460"))
    seed()
    assert set(polis.municipalities.values_list("code", flat=True)) == {"2480", "2460"}
