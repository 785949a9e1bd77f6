"""factory-boy factories shared by every app's tests, and the one way a test logs in."""

import datetime
import time

import factory
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.models import Consent, Operation, SigCase, Target, TargetKind
from cases.services import sig
from collaboration.models import Area
from umebra import access
from umebra.access import SYSTEM
from umebra.middleware import IdleTimeoutMiddleware
from umebra.models import Municipality, Organisation, OrganisationKind, User
from umebra.roles import Role
from umebra.services import membership_create
from umebra.validators import luhn_valid

PASSWORD = "test-password-1"


def umea() -> Municipality:
    """The municipality a test's data belongs to unless it says otherwise."""
    return MunicipalityFactory(name="Umeå", slug="umea", code="2480")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Kommun {n}")
    slug = factory.Sequence(lambda n: f"kommun-{n}")
    code = factory.Sequence(lambda n: f"{9000 + n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation of Umeå's unless ``municipalities`` names others (several for a
    regional one)."""

    class Meta:
        model = Organisation
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Aktör {n}")
    kind = OrganisationKind.MUNICIPAL_UNIT
    is_public_authority = True

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and (extracted or not self.municipalities.exists()):
            self.municipalities.set(extracted or [umea()])


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
    # As the demo users' addresses: a domain reserved for examples, so nothing is ever sent.
    email = factory.LazyAttribute(lambda user: f"{user.username}@umebra.example")
    password = factory.django.Password(PASSWORD)


# The kind of organisation each role typically acts for.
ROLE_ORGANISATION_KIND = {
    Role.COORDINATOR: OrganisationKind.MUNICIPAL_UNIT,
    Role.SOCIAL_WORKER: OrganisationKind.MUNICIPAL_UNIT,
    Role.SCHOOL_STAFF: OrganisationKind.MUNICIPAL_UNIT,
    Role.POLICE: OrganisationKind.POLICE,
    Role.AGENCY_INSPECTOR: OrganisationKind.STATE_AGENCY,
    Role.PARTNER: OrganisationKind.PROPERTY_OWNER,
    Role.POLITICIAN: OrganisationKind.MUNICIPAL_UNIT,
    Role.COUNTY_COORDINATOR: OrganisationKind.COUNTY_BOARD,
    Role.AUDITOR: OrganisationKind.MUNICIPAL_UNIT,
    Role.ADMIN: OrganisationKind.MUNICIPAL_UNIT,
}


def member(role: Role, organisation: Organisation | None = None, **user_fields) -> User:
    """A user with an active membership in ``role``."""
    user = UserFactory(**user_fields)
    organisation = organisation or OrganisationFactory(
        kind=ROLE_ORGANISATION_KIND[role],
        is_public_authority=ROLE_ORGANISATION_KIND[role] != OrganisationKind.PROPERTY_OWNER,
    )
    membership_create(actor=SYSTEM, user=user, organisation=organisation, role=role)
    return user


def log_in(client, user: User):
    """Log ``user`` in on ``client`` through both factors, as the login pages would, and
    return the client: ``log_in(Client(), user)`` is a second browser."""
    client.force_login(user)
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="test", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    # Just logged in, so just seen: the first page does not extend the session (which
    # would add its write to the queries a test counts).
    session[IdleTimeoutMiddleware.KEY] = int(time.time())
    session.save()
    return client


def personal_number(birth: str, serial: str = "123") -> str:
    """A valid personal identity number for ``birth`` (YYYYMMDD): the check digit computed."""
    last = next(d for d in "0123456789" if luhn_valid(birth[2:] + serial + d))
    return f"{birth}-{serial}{last}"


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("municipality", "slug")

    municipality = factory.LazyFunction(umea)
    name = "Ersboda"
    slug = factory.LazyAttribute(lambda area: area.name.lower().replace("å", "a"))
    population = 7600


class CaseFactory(factory.Factory):
    """A SIG case opened through the service, as a social worker opens one: the person is
    registered in the owner's organisation, with their guardians.
    ``CaseFactory(consent_covering=[school])`` also records a consent in force covering
    those organisations (``consent_covering__days`` sets how long it has left)."""

    class Meta:
        model = SigCase

    owner = factory.LazyFunction(
        lambda: member(Role.SOCIAL_WORKER, OrganisationFactory(name="Socialtjänsten"))
    )
    name = "Alva Testsson"
    # A minor born in 2008, a day of their own for each case.
    personal_number = factory.Sequence(
        lambda n: personal_number(f"2008{n // 28 % 12 + 1:02d}{n % 28 + 1:02d}", "238")
    )
    area = factory.SubFactory(AreaFactory)
    guardians = ("Anna Testsson", "Erik Testsson")

    @classmethod
    def _create(cls, model_class, *, owner, **fields):
        return sig.case_open(actor=access.actor_for(owner), **fields)

    @factory.post_generation
    def consent_covering(case, create, organisations, days=300):
        if organisations:
            ConsentFactory(case=case, organisations=organisations, days=days)


class ConsentFactory(factory.Factory):
    """A complete consent to ``case``, in force from yesterday for ``days`` more days,
    signed by the person and every guardian, recorded by the case's owner."""

    class Meta:
        model = Consent

    class Params:
        days = 300

    case = factory.SubFactory(CaseFactory)
    organisations = ()
    information = "Skolgång och kontakter"
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    valid_to = factory.LazyAttribute(
        lambda consent: timezone.localdate() + datetime.timedelta(days=consent.days)
    )
    signed_by_person = True
    guardians = factory.LazyAttribute(lambda consent: consent.case.person.guardians.all())

    @classmethod
    def _create(cls, model_class, *, case, **fields):
        return sig.consent_record(actor=access.actor_for(case.owner), case=case, **fields)


class OperationFactory(factory.django.DjangoModelFactory):
    """A LOS operation in planning, led by the police; ``parties`` are those beside the lead,
    who is always one."""

    class Meta:
        model = Operation
        skip_postgeneration_save = True

    municipality = factory.LazyFunction(umea)
    name = "Operation Norrsken"
    lead = factory.SubFactory(OrganisationFactory, name="Polisen", kind=OrganisationKind.POLICE)
    objective = "Motverka etablering"
    # Someone made it: an operation without its maker fails validation when next saved.
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def parties(operation, create, extracted):
        operation.parties.set({*(extracted or ()), operation.lead})

    @factory.post_generation
    def municipalities(operation, create, extracted):
        """The home municipality and ``extracted``, as ``operation_create`` names them."""
        operation.municipalities.set({*(extracted or ()), operation.municipality})


class TargetFactory(factory.django.DjangoModelFactory):
    """A business targeted by a LOS operation (a new one unless ``operation`` is given)."""

    class Meta:
        model = Target

    operation = factory.SubFactory(OperationFactory)
    municipality = factory.SelfAttribute("operation.municipality")
    kind = TargetKind.BUSINESS
    name = "Kvarterskrogen AB"
