import datetime

import pytest
from django.utils import timezone

from cases.services import sig as services
from collaboration.models import Area
from tests.factories import OrganisationFactory, member
from umebra import access
from umebra.models import OrganisationKind
from umebra.roles import Role

TODAY = timezone.localdate()


@pytest.fixture
def orgs():
    return {
        "social": OrganisationFactory(name="Socialtjänsten"),
        "school": OrganisationFactory(name="Ersängsskolan"),
        "police": OrganisationFactory(name="Polisen", kind=OrganisationKind.POLICE),
        "tax": OrganisationFactory(name="Skatteverket", kind=OrganisationKind.STATE_AGENCY),
        "landlord": OrganisationFactory(name="Bostaden", kind=OrganisationKind.PROPERTY_OWNER),
    }


@pytest.fixture
def people(orgs):
    """One person per part the rules speak of."""
    return {
        "owner": member(Role.SOCIAL_WORKER, orgs["social"], username="socialsekreterare"),
        "colleague": member(Role.SOCIAL_WORKER, orgs["social"], username="kollega"),
        "counsellor": member(Role.SCHOOL_STAFF, orgs["school"], username="skolkurator"),
        "officer": member(Role.POLICE, orgs["police"], username="polis"),
        "inspector": member(Role.AGENCY_INSPECTOR, orgs["tax"], username="skatteverket"),
        "landlord": member(Role.PARTNER, orgs["landlord"], username="fastighet"),
        "politician": member(Role.POLITICIAN, username="politiker"),
        "coordinator": member(Role.COORDINATOR, username="samordnare"),
        "auditor": member(Role.AUDITOR, username="dataskydd"),
        "admin": member(Role.ADMIN, username="admin"),
    }


def actor(user):
    return access.actor_for(user)


@pytest.fixture
def case(people):
    area = Area.objects.create(name="Ersboda", slug="ersboda", population=7600)
    return services.case_open(
        actor=actor(people["owner"]),
        name="Alva Testsson",
        personal_number="20080412-2380",
        area=area,
        guardians=["Anna Testsson", "Erik Testsson"],
    )


@pytest.fixture
def consent_for(case, people):
    """Record a complete consent covering ``organisations``."""

    def record(*organisations, days=300):
        return services.consent_record(
            actor=actor(people["owner"]),
            case=case,
            organisations=organisations,
            information="Skolgång och kontakter",
            valid_from=TODAY - datetime.timedelta(days=1),
            valid_to=TODAY + datetime.timedelta(days=days),
            signed_by_person=True,
            guardians=case.person.guardians.all(),
        )

    return record
