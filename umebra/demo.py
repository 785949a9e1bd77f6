"""Demo organisations and one user per role (issue 2). Every demo password is ``umebra-demo``."""

import base64

from django_otp.plugins.otp_totp.models import TOTPDevice

from umebra.models import Membership, Organisation, OrganisationKind, User
from umebra.roles import TWO_FACTOR_ROLES, Role
from umebra.services import membership_create

DEMO_PASSWORD = "umebra-demo"
# Every demo user who must use two factors has an authenticator app with this key (160 bits),
# so a tester can compute the codes. Only demo data has such a shared, published key.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

MUNICIPALITY = "Umeå kommun"

# name: (kind, organisation number, public authority, part of)
ORGANISATIONS = {
    MUNICIPALITY: (OrganisationKind.MUNICIPAL_UNIT, "212000-2627", True, None),
    "Umebrå": (OrganisationKind.MUNICIPAL_UNIT, "", True, MUNICIPALITY),
    "Socialtjänsten": (OrganisationKind.MUNICIPAL_UNIT, "", True, MUNICIPALITY),
    "Ersängsskolan": (OrganisationKind.MUNICIPAL_UNIT, "", True, MUNICIPALITY),
    "Fritid": (OrganisationKind.MUNICIPAL_UNIT, "", True, MUNICIPALITY),
    "Polisen LPO Umeå": (OrganisationKind.POLICE, "202100-0076", True, None),
    "Skatteverket": (OrganisationKind.STATE_AGENCY, "202100-5448", True, None),
    "Arbetsmiljöverket": (OrganisationKind.STATE_AGENCY, "202100-2114", True, None),
    # Fictional numbers with valid check digits.
    "Bostaden AB": (OrganisationKind.PROPERTY_OWNER, "556000-0001", False, None),
    "ICA Ålidhem": (OrganisationKind.BUSINESS, "556000-0019", False, None),
}

# username: (first name, last name, organisation, role)
USERS = {
    "samordnare": ("Sara", "Lindqvist", "Umebrå", Role.COORDINATOR),
    "socialsekreterare": ("Johan", "Berg", "Socialtjänsten", Role.SOCIAL_WORKER),
    "skolkurator": ("Maria", "Nyström", "Ersängsskolan", Role.SCHOOL_STAFF),
    "polis": ("Anders", "Holm", "Polisen LPO Umeå", Role.POLICE),
    "skatteverket": ("Eva", "Sundberg", "Skatteverket", Role.AGENCY_INSPECTOR),
    "fastighet": ("Karin", "Öberg", "Bostaden AB", Role.PARTNER),
    "politiker": ("Lars", "Forsberg", MUNICIPALITY, Role.POLITICIAN),
    "dataskydd": ("Ingrid", "Wikström", MUNICIPALITY, Role.AUDITOR),
    "admin": ("Per", "Lund", MUNICIPALITY, Role.ADMIN),
}


def seed() -> None:
    organisations: dict[str, Organisation] = {}
    for name, (kind, number, authority, parent) in ORGANISATIONS.items():
        organisations[name], _ = Organisation.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "organisation_number": number,
                "is_public_authority": authority,
                "parent": organisations[parent] if parent else None,
            },
        )
    for username, (first_name, last_name, organisation, role) in USERS.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if not Membership.objects.active().filter(user=user).exists():
            membership_create(user=user, organisation=organisations[organisation], role=role)
        if role in TWO_FACTOR_ROLES:
            TOTPDevice.objects.update_or_create(
                user=user,
                name="demo",
                defaults={"key": base64.b32decode(DEMO_TOTP_SECRET).hex(), "confirmed": True},
            )
