"""Demo organisations, one user per role (issue 2), and a member administrator of each
organisation whose roles reach personal data (issue 14). Every demo password is
``umebra-demo``."""

import base64

from django_otp.plugins.otp_totp.models import TOTPDevice

from umebra.access import SYSTEM
from umebra.models import Membership, Municipality, Organisation, OrganisationKind, User
from umebra.roles import PERSONAL_DATA_ROLES, Role
from umebra.services import member_administrator_appoint, membership_create

DEMO_PASSWORD = "umebra-demo"
# Every demo user who must use two factors has an authenticator app with this key (160 bits),
# so a tester can compute the codes. Only demo data has such a shared, published key.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

MUNICIPALITY = "Umeå kommun"
VANNAS_KOMMUN = "Vännäs kommun"
# The demo's municipalities (SCB's codes): Umeå, whose work it shows, as the migrations name
# the one an installation held before there could be several; and its neighbour Vännäs, so
# that anyone can check by logging in that neither sees anything of the other's.
UMEA = {"name": "Umeå", "slug": "umea", "code": "2480"}
VANNAS = {"name": "Vännäs", "slug": "vannas", "code": "2460"}
# Organisations that work in both: each of their demo members works in both too.
COUNTY_BOARD = "Länsstyrelsen Västerbotten"
REGIONAL = frozenset(
    {"Polisen LPO Umeå", "Skatteverket", "Arbetsmiljöverket", "Kronofogden", COUNTY_BOARD}
)
# Vännäs' own organisations; every other local one is Umeå's.
OF_VANNAS = frozenset({VANNAS_KOMMUN, "Socialtjänsten Vännäs"})

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
    "Kronofogden": (OrganisationKind.STATE_AGENCY, "", True, None),
    COUNTY_BOARD: (OrganisationKind.COUNTY_BOARD, "", True, None),
    VANNAS_KOMMUN: (OrganisationKind.MUNICIPAL_UNIT, "", True, None),
    "Socialtjänsten Vännäs": (OrganisationKind.MUNICIPAL_UNIT, "", True, VANNAS_KOMMUN),
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
    "vannas-samordnare": ("Vera", "Nilsson", VANNAS_KOMMUN, Role.COORDINATOR),
    "vannas-socialsekreterare": ("Viktor", "Persson", "Socialtjänsten Vännäs", Role.SOCIAL_WORKER),
    "lansstyrelsen": ("Linnea", "Granberg", COUNTY_BOARD, Role.COUNTY_COORDINATOR),
}

# Member administrators (behörighetsadministratörer): they give and approve the roles of
# their organisation, and hold a role of its own there.
MEMBER_ADMINISTRATORS = {
    "ba.umebra": ("Nils", "Åström", "Umebrå", Role.COORDINATOR),
    "ba.soc": ("Elin", "Sjöberg", "Socialtjänsten", Role.SOCIAL_WORKER),
    "ba.skola": ("Oskar", "Lindgren", "Ersängsskolan", Role.SCHOOL_STAFF),
    "ba.polis": ("Lena", "Ek", "Polisen LPO Umeå", Role.POLICE),
    "ba.skatt": ("Håkan", "Vik", "Skatteverket", Role.AGENCY_INSPECTOR),
    "ba.kommun": ("Annika", "Strand", MUNICIPALITY, Role.COORDINATOR),
}
# The second administrator, who approves the auditor and administrator roles `admin` asks
# for (and the other way round); the second auditor, who reviews what concerns the first
# one's own account (no auditor reviews their own events).
SECOND_HOLDERS = {
    "admin2": ("Mats", "Björk", MUNICIPALITY, Role.ADMIN),
    "dataskydd2": ("Sofia", "Holmberg", MUNICIPALITY, Role.AUDITOR),
}


def _municipality(facts: dict) -> Municipality:
    municipality, _created = Municipality.objects.get_or_create(
        code=facts["code"], defaults={"name": facts["name"], "slug": facts["slug"]}
    )
    return municipality


def demo_municipality() -> Municipality:
    """Umeå, whose work the demo shows."""
    return _municipality(UMEA)


def demo_neighbour() -> Municipality:
    """Vännäs, whose few objects no one of Umeå sees."""
    return _municipality(VANNAS)


def seed() -> None:
    umea, vannas = demo_municipality(), demo_neighbour()
    works_in = {name: [vannas] if name in OF_VANNAS else [umea] for name in ORGANISATIONS}
    works_in |= {name: [umea, vannas] for name in REGIONAL}
    organisations: dict[str, Organisation] = {}
    for name, (kind, number, authority, parent) in ORGANISATIONS.items():
        organisations[name], _ = Organisation.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "organisation_number": number,
                "is_public_authority": authority,
                "parent": organisations[parent] if parent else None,
                "regional": name in REGIONAL,
            },
        )
        organisations[name].municipalities.add(*works_in[name])
    for username, (first_name, last_name, organisation, role) in (
        USERS | MEMBER_ADMINISTRATORS | SECOND_HOLDERS
    ).items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name},
        )
        if not user.email:  # also for a demo seeded before demo users had addresses
            user.email = f"{username}@umebra.example"
            user.save(update_fields=["email"])
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        # A demo user whose membership someone has since changed or ended keeps it as it is.
        if not Membership.objects.filter(user=user).exists():
            membership = membership_create(
                actor=SYSTEM,
                user=user,
                organisation=organisations[organisation],
                role=role,
                municipalities=works_in[organisation] if organisation in REGIONAL else [],
            )
            if username in MEMBER_ADMINISTRATORS:
                member_administrator_appoint(actor=SYSTEM, membership=membership)
        elif organisation in REGIONAL:
            # A demo seeded when it had one municipality: its police and agencies work in
            # both now, and Cilla's case is granted to polis.
            for membership in Membership.objects.filter(
                user=user, organisation=organisations[organisation], ended_at__isnull=True
            ):
                membership.municipalities.add(*works_in[organisation])
        if role in PERSONAL_DATA_ROLES:
            TOTPDevice.objects.update_or_create(
                user=user,
                name="demo",
                defaults={"key": base64.b32decode(DEMO_TOTP_SECRET).hex(), "confirmed": True},
            )
