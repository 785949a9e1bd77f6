import pytest
from django.utils import timezone

from tests.factories import CaseFactory, ConsentFactory, member
from tests.personas import persona
from umebra import access
from umebra.roles import Role

TODAY = timezone.localdate()


@pytest.fixture
def people(orgs, social_worker, school_staff, police, agency_inspector, partner, politician,
           auditor, admin):  # fmt: skip
    """One person per part the rules speak of: the demo personas, and a colleague of the
    case's owner."""
    return {
        "owner": social_worker,
        "colleague": member(Role.SOCIAL_WORKER, orgs["social"], username="kollega"),
        "counsellor": school_staff,
        "officer": police,
        "inspector": agency_inspector,
        "landlord": partner,
        "politician": politician,
        # Not the `coordinator` fixture, which logs in on `client`.
        "coordinator": persona(Role.COORDINATOR),
        "auditor": auditor,
        "admin": admin,
    }


def actor(user):
    return access.actor_for(user)


@pytest.fixture
def case(people):
    return CaseFactory(owner=people["owner"], name="Alva Testsson", personal_number="20080412-2380")


@pytest.fixture
def consent_for(case):
    """Record a complete consent covering ``organisations``."""

    def record(*organisations, days=300):
        return ConsentFactory(case=case, organisations=organisations, days=days)

    return record
