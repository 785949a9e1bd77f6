"""The demo personas, one per role, as issue 2 names them, and the member administrators of
issue 14: who is acting, at a glance."""

from umebra.roles import Role

# username × organisation × role
DEMO_USERS = [
    ("samordnare", "Umebrå", Role.COORDINATOR),
    ("socialsekreterare", "Socialtjänsten", Role.SOCIAL_WORKER),
    ("skolkurator", "Ersängsskolan", Role.SCHOOL_STAFF),
    ("polis", "Polisen LPO Umeå", Role.POLICE),
    ("skatteverket", "Skatteverket", Role.AGENCY_INSPECTOR),
    ("fastighet", "Bostaden AB", Role.PARTNER),
    ("politiker", "Umeå kommun", Role.POLITICIAN),
    ("dataskydd", "Umeå kommun", Role.AUDITOR),
    ("admin", "Umeå kommun", Role.ADMIN),
]
# The demo users of the neighbouring municipality, Vännäs.
DEMO_NEIGHBOUR_USERS = [
    ("vannas-samordnare", "Vännäs kommun", Role.COORDINATOR),
    ("vannas-socialsekreterare", "Socialtjänsten Vännäs", Role.SOCIAL_WORKER),
    # Länsstyrelsen's county coordinator, of both: the county in aggregate only.
    ("lansstyrelsen", "Länsstyrelsen Västerbotten", Role.COUNTY_COORDINATOR),
]

# username × organisation they administer × their own role there
DEMO_MEMBER_ADMINISTRATORS = [
    ("ba.umebra", "Umebrå", Role.COORDINATOR),
    ("ba.soc", "Socialtjänsten", Role.SOCIAL_WORKER),
    ("ba.skola", "Ersängsskolan", Role.SCHOOL_STAFF),
    ("ba.polis", "Polisen LPO Umeå", Role.POLICE),
    ("ba.skatt", "Skatteverket", Role.AGENCY_INSPECTOR),
    ("ba.kommun", "Umeå kommun", Role.COORDINATOR),
]
# The second administrator, who approves what the first asks for, and the second auditor,
# who reviews what concerns the first one's own account.
DEMO_SECOND_HOLDERS = [
    ("admin2", "Umeå kommun", Role.ADMIN),
    ("dataskydd2", "Umeå kommun", Role.AUDITOR),
]

# The demo organisations (umebra.demo) by what they are, as tests name them.
DEMO_ORGANISATIONS = {
    "municipality": "Umeå kommun",
    "umebra": "Umebrå",
    "social": "Socialtjänsten",
    "school": "Ersängsskolan",
    "leisure": "Fritid",
    "police": "Polisen LPO Umeå",
    "tax": "Skatteverket",
    "work_environment": "Arbetsmiljöverket",
    "landlord": "Bostaden AB",
    "shop": "ICA Ålidhem",
}


def demo_organisation(name: str):
    """The demo organisation ``name`` (umebra.demo), with the organisation it is part of."""
    from tests.factories import OrganisationFactory
    from umebra.demo import ORGANISATIONS

    kind, number, authority, parent = ORGANISATIONS[name]
    return OrganisationFactory(
        name=name,
        kind=kind,
        organisation_number=number,
        is_public_authority=authority,
        parent=demo_organisation(parent) if parent else None,
    )


def persona(role: Role):
    """The demo user of ``role``, a member of their demo organisation (without the demo's
    password and authenticator: tests log in with tests.factories.log_in)."""
    from tests.factories import member

    username, organisation, _role = next(user for user in DEMO_USERS if user[2] == role)
    return member(role, demo_organisation(organisation), username=username)
