"""factory-boy factories shared by every app's tests."""

import time

import factory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from umebra.access import SYSTEM
from umebra.middleware import IdleTimeoutMiddleware
from umebra.models import Organisation, OrganisationKind, User
from umebra.roles import Role
from umebra.services import membership_create

PASSWORD = "test-password-1"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Aktör {n}")
    kind = OrganisationKind.MUNICIPAL_UNIT
    is_public_authority = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
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


def log_in(client, user: User) -> None:
    """Log ``user`` in through both factors, as the login pages would."""
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
