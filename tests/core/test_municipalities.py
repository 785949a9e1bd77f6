"""The municipality as tenant (docs/rules.md, rule 8): one installation, each municipality's
work as secret from the others as if it ran alone.

Umeå and Vännäs each have their coordinator, social services, an area, an effort, an
observation, an operation and a SIG case. The police area and Skatteverket are regional:
the police work in both, but one officer's membership names Umeå alone. Every question is
written out as a table of person × municipality's object × what they get, and asked through
the pages.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases.selectors.statistics import los_outcomes
from cases.services import los
from cases.services import sig as sig_services
from collaboration.selectors.statistics import effort_totals
from collaboration.services import agreements, efforts, observations
from tests.factories import (
    AreaFactory,
    CaseFactory,
    ConsentFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
    log_in,
    member,
    umea,
)
from umebra import access
from umebra.access import SYSTEM
from umebra.audit.models import AccessEvent
from umebra.forms import MembershipForm
from umebra.models import Membership, Municipality, Organisation, OrganisationKind
from umebra.roles import Role
from umebra.services import member_administrator_appoint, membership_create

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def town():
    """Both municipalities, their organisations and people, and one of each object."""
    first = umea()  # the installation's first, as on one migrated from before
    vannas = MunicipalityFactory(name="Vännäs", slug="vannas", code="2460")
    both = [first, vannas]
    police = OrganisationFactory(
        name="Polisen LPO Umeå", kind=OrganisationKind.POLICE, regional=True, municipalities=both
    )
    tax = OrganisationFactory(
        name="Skatteverket", kind=OrganisationKind.STATE_AGENCY, regional=True,
        municipalities=both,
    )  # fmt: skip
    orgs = {
        "umea": OrganisationFactory(name="Umebrå", municipalities=[umea()]),
        "vannas": OrganisationFactory(name="Vännäs kommun", municipalities=[vannas]),
        "umea social": OrganisationFactory(name="Socialtjänsten", municipalities=[umea()]),
        "vannas social": OrganisationFactory(name="Socialtjänsten Vännäs", municipalities=[vannas]),
        "police": police,
        "tax": tax,
    }
    people = {
        "samordnare": member(Role.COORDINATOR, orgs["umea"], username="samordnare"),
        "vannas-samordnare": member(Role.COORDINATOR, orgs["vannas"], username="vs"),
        "socialsekreterare": member(Role.SOCIAL_WORKER, orgs["umea social"], username="soc"),
        "vannas-socialsekreterare": member(
            Role.SOCIAL_WORKER, orgs["vannas social"], username="vsoc"
        ),
    }
    regional = (("polis", police, Role.POLICE, both), ("polis-umea", police, Role.POLICE, [umea()]),
                ("skatteverket", tax, Role.AGENCY_INSPECTOR, both))  # fmt: skip
    for username, organisation, role, works_in in regional:
        people[username] = user = UserFactory(username=username)
        membership_create(actor=SYSTEM, user=user, organisation=organisation, role=role,
                          municipalities=works_in)  # fmt: skip
    objects = {}
    for key, municipality, coordinator, social in (
        ("umea", umea(), "samordnare", "socialsekreterare"),
        ("vannas", vannas, "vannas-samordnare", "vannas-socialsekreterare"),
    ):
        area = AreaFactory(municipality=municipality, name="Centrum", slug="centrum")
        objects[f"{key} effort"] = efforts.effort_create(
            actor=access.actor_for(people[coordinator]), date=TODAY, kind="dialogue",
            description=f"Torgvandring {key}", areas=[area], organisations=[orgs[key], police],
        )  # fmt: skip
        observations.observation_create(
            actor=access.actor_for(people[coordinator]), area=area, place="Torget",
            occurred_at=timezone.now(), kind="graffiti",
        )  # fmt: skip
        objects[f"{key} operation"] = los.operation_create(
            actor=access.actor_for(people["polis"]), name=f"Operation {key}", lead=police,
            objective="Motverka etablering", parties=[orgs[key]] + ([tax] if key == "umea" else []),
            municipality=municipality,
        )  # fmt: skip
        los.operation_transition(
            actor=access.actor_for(people["polis"]),
            operation=objects[f"{key} operation"],
            status="active",
        )
        case = CaseFactory(owner=people[social], area=area, name=f"Ung {key}")
        ConsentFactory(case=case, organisations=[police])
        sig_services.grant_give(actor=access.actor_for(people[social]), case=case,
                                user=people["polis"])  # fmt: skip
        objects[f"{key} case"] = case
    return {"people": people, "objects": objects, "orgs": orgs, "vannas": vannas}


PAGES = {
    "effort": "collaboration:effort-detail",
    "operation": "cases:operation-detail",
    "case": "cases:case-detail",
}

# person: what they open of each municipality's objects (200) and what answers 404.
# Nobody of one municipality sees the other's; the police officer who works in both sees
# both operations and, under each case's own consent and grant, both cases; one whose
# membership names Umeå alone sees nothing of Vännäs; Skatteverket is a party in Umeå only.
VISIBLE = {
    "samordnare": {"umea effort", "umea operation"},
    "vannas-samordnare": {"vannas effort", "vannas operation"},
    "socialsekreterare": {"umea case"},
    "vannas-socialsekreterare": {"vannas case"},
    "polis": {
        "umea effort",
        "vannas effort",
        "umea operation",
        "vannas operation",
        "umea case",
        "vannas case",
    },
    "polis-umea": {"umea effort", "umea operation"},
    "skatteverket": {"umea operation"},
}
OBJECTS = [f"{town} {kind}" for town in ("umea", "vannas") for kind in PAGES]


@pytest.mark.parametrize("person", VISIBLE)
def test_each_person_opens_their_municipalitys_objects_and_no_other(client, town, person):
    log_in(client, town["people"][person])
    answers = {}
    for key in OBJECTS:
        page = PAGES[key.split()[1]]
        answers[key] = client.get(reverse(page, args=[town["objects"][key].pk])).status_code
    assert answers == {key: 200 if key in VISIBLE[person] else 404 for key in OBJECTS}


# person: whose efforts their list shows.
EFFORT_LISTS = {"samordnare": {"umea effort"}, "vannas-samordnare": {"vannas effort"}}


@pytest.mark.parametrize("person", EFFORT_LISTS)
def test_a_list_holds_the_municipalitys_own_rows(client, town, person):
    log_in(client, town["people"][person])
    page = client.get(reverse("collaboration:effort-list")).content.decode()
    shown = {
        key for key in ("umea effort", "vannas effort")
        if reverse("collaboration:effort-detail", args=[town["objects"][key].pk]) in page
    }  # fmt: skip
    assert shown == EFFORT_LISTS[person]


def test_an_area_of_another_municipality_cannot_be_joined_to_an_effort(town):
    vannas_area = AreaFactory(municipality=town["vannas"], name="Vännäsby", slug="vannasby")
    with pytest.raises(
        ValidationError, match=r"do not work in that municipality|arbetar inte i den kommunen"
    ):
        efforts.effort_create(
            actor=access.actor_for(town["people"]["samordnare"]), date=TODAY, kind="dialogue",
            description="Över gränsen", areas=[vannas_area], organisations=[],
        )  # fmt: skip


def test_an_effort_does_not_mix_two_municipalities_areas(town):
    """The officer works in both, but one effort is in one municipality."""
    areas = [AreaFactory(municipality=m, name="Torget", slug="torget")
             for m in (umea(), town["vannas"])]  # fmt: skip
    with pytest.raises(
        ValidationError, match=r"belongs to another municipality|hör till en annan kommun"
    ):
        efforts.effort_create(
            actor=access.actor_for(town["people"]["polis"]), date=TODAY, kind="dialogue",
            description="Två kommuner", areas=areas, organisations=[town["orgs"]["police"]],
        )  # fmt: skip


def test_an_officer_who_works_in_both_names_the_municipality_of_an_operation(town):
    with pytest.raises(ValidationError, match=r"Choose the municipality|Välj kommun"):
        los.operation_create(
            actor=access.actor_for(town["people"]["polis"]), name="Utan kommun",
            lead=town["orgs"]["police"], objective="x", parties=[],
        )  # fmt: skip


def test_a_case_is_granted_only_to_someone_who_works_in_its_municipality(town):
    case = town["objects"]["vannas case"]
    with pytest.raises(ValidationError, match=r"does not work in Vännäs|arbetar inte i Vännäs"):
        sig_services.grant_give(
            actor=access.actor_for(town["people"]["vannas-socialsekreterare"]),
            case=case,
            user=town["people"]["polis-umea"],
        )


def test_a_membership_names_only_the_municipalities_the_giver_works_in(town):
    """Vännäs' coordinator may ask for a police role in Vännäs, never in Umeå."""
    newcomer = UserFactory(username="ny")
    with pytest.raises(PermissionDenied):
        membership_create(
            actor=access.actor_for(town["people"]["vannas-samordnare"]), user=newcomer,
            organisation=town["orgs"]["police"], role=Role.POLICE, municipalities=[umea()],
        )  # fmt: skip


# Whose figures a report about each set of municipalities counts: its own municipality's
# alone, and both for a report about both (the county's, next).
REPORTED = {("umea",): 1, ("vannas",): 1, ("umea", "vannas"): 2}


@pytest.mark.parametrize("about", REPORTED)
def test_a_report_counts_the_municipalities_it_is_about(town, about):
    ids = {"umea": umea().pk, "vannas": town["vannas"].pk}
    counted = {
        "efforts": effort_totals(TODAY, TODAY, municipalities=[ids[m] for m in about]).efforts,
        "operations": los_outcomes(
            TODAY, TODAY, municipalities=[ids[m] for m in about]
        ).operations_active,
    }
    assert counted == {"efforts": REPORTED[about], "operations": REPORTED[about]}


def test_the_installations_administrator_adds_a_municipality_with_its_first_coordinator():
    umea()
    account = UserFactory(username="robertsfors-samordnare")
    call_command("municipality_add", "Robertsfors", code="2409", coordinator=account.username)
    municipality = Municipality.objects.get(code="2409")
    assert (municipality.name, municipality.slug) == ("Robertsfors", "robertsfors")
    [membership] = Membership.objects.active().filter(user=account)
    assert (membership.organisation.name, membership.role, membership.administers_members) == (
        "Robertsfors kommun", Role.COORDINATOR, True,
    )  # fmt: skip
    assert list(membership.organisation.municipalities.all()) == [municipality]
    assert AccessEvent.objects.filter(
        object_type="umebra.municipality", object_id=str(municipality.pk), action="create"
    ).exists()
    # The new coordinator works in Robertsfors alone.
    assert access.actor_for(account).municipality_ids == {municipality.pk}


def test_a_municipality_is_added_whole_or_not_at_all():
    umea()
    account = UserFactory(username="ny-samordnare")
    with pytest.raises(CommandError, match=r"finns redan|already exists"):
        call_command("municipality_add", "Umeå igen", code="2480", coordinator=account.username)
    assert not Organisation.objects.filter(name="Umeå igen kommun").exists()
    assert not Membership.objects.filter(user=account).exists()


# giver: the municipalities the form offers for a police role (the police area works in
# both): its member administrator administers it in both; Vännäs' coordinator only asks
# for one in Vännäs.
OFFERED = {"police member administrator": {"Umeå", "Vännäs"}, "vannas-samordnare": {"Vännäs"}}


@pytest.mark.parametrize("giver", OFFERED)
def test_the_role_form_offers_the_municipalities_the_giver_may_name(client, town, giver):
    police = town["orgs"]["police"]
    if giver == "police member administrator":
        user = UserFactory(username="ba-polis")
        membership = membership_create(
            actor=SYSTEM,
            user=user,
            organisation=police,
            role=Role.POLICE,
            municipalities=[umea(), town["vannas"]],
        )
        member_administrator_appoint(actor=SYSTEM, membership=membership)
    else:
        user = town["people"][giver]
    form = MembershipForm(actor=access.actor_for(user), organisation=police)
    assert {m.name for m in form.fields["municipalities"].queryset} == OFFERED[giver]


def test_a_visitor_reaches_each_municipalitys_promises_and_only_its_own(client, town):
    for key, municipality in (("umea", umea()), ("vannas", town["vannas"])):
        agreement = agreements.agreement_create(
            actor=SYSTEM, title="Överenskommelse", municipal_party=town["orgs"][key],
            police=town["orgs"]["police"], valid_from=TODAY, valid_to=TODAY, focus="Trygghet",
        )  # fmt: skip
        agreements.undertaking_create(
            actor=SYSTEM, kind="citizen_promise", title=f"Tryggare {municipality.name} centrum",
            problem="Otrygghet", valid_from=TODAY, valid_to=TODAY, areas=[], agreement=agreement,
            parties=[town["orgs"][key]], published=True,
        )  # fmt: skip
    listing = client.get(reverse("collaboration:public-promises")).content.decode()
    assert reverse("collaboration:municipality-promises", args=["vannas"]) in listing
    shown = {}
    for slug in ("umea", "vannas"):
        page = client.get(reverse("collaboration:municipality-promises", args=[slug]))
        shown[slug] = {t for t in ("Tryggare Umeå centrum", "Tryggare Vännäs centrum")
                       if t in page.content.decode()}  # fmt: skip
        data = client.get(reverse("collaboration:municipality-open-data-json", args=[slug]))
        shown[f"{slug} data"] = {p["title"] for p in data.json()["promises"]}
    assert shown == {
        "umea": {"Tryggare Umeå centrum"}, "umea data": {"Tryggare Umeå centrum"},
        "vannas": {"Tryggare Vännäs centrum"}, "vannas data": {"Tryggare Vännäs centrum"},
    }  # fmt: skip
    assert client.get("/nowhere/promises/").status_code == 404


# person: whether their lists name each row's municipality, and offer it as a filter.
ACROSS = {"polis": True, "samordnare": False}


@pytest.mark.parametrize("person", ACROSS)
def test_one_who_works_in_several_municipalities_sees_each_rows_municipality(client, town, person):
    log_in(client, town["people"][person])
    pages = {
        name: client.get(reverse(name)).content.decode()
        for name in ("cases:operation-list", "cases:case-list", "collaboration:effort-list")
        if person == "polis" or name != "cases:case-list"
    }
    column = '<th scope="col">Kommun</th>'
    assert {name: column in page for name, page in pages.items()} == dict.fromkeys(
        pages, ACROSS[person]
    )
    assert ('name="municipality"' in pages["collaboration:effort-list"]) is ACROSS[person]


def test_the_effort_list_is_filtered_by_municipality(client, town):
    log_in(client, town["people"]["polis"])
    vannas = town["vannas"].pk
    page = client.get(reverse("collaboration:effort-list"), {"municipality": vannas})
    shown = {key for key in ("umea effort", "vannas effort")
             if reverse("collaboration:effort-detail", args=[town["objects"][key].pk])
             in page.content.decode()}  # fmt: skip
    assert shown == {"vannas effort"}


# list × the municipality chosen → the objects of the town it shows, to polis (of both).
FILTERED = {
    ("cases:case-list", None): {"umea case", "vannas case"},
    ("cases:case-list", "umea"): {"umea case"},
    ("cases:case-list", "vannas"): {"vannas case"},
    ("cases:operation-list", None): {"umea operation", "vannas operation"},
    ("cases:operation-list", "umea"): {"umea operation"},
    ("cases:operation-list", "vannas"): {"vannas operation"},
}


def test_the_case_and_operation_lists_are_filtered_by_municipality(client, town):
    log_in(client, town["people"]["polis"])
    ids = {"umea": umea().pk, "vannas": town["vannas"].pk}
    objects = town["objects"]
    got = {}
    for (name, chosen), _expected in FILTERED.items():
        page = client.get(reverse(name), {"municipality": ids[chosen]} if chosen else {})
        text = page.content.decode()
        got[(name, chosen)] = {key for key, obj in objects.items()
                               if key.split()[1] in ("case", "operation")
                               and obj.get_absolute_url() in text}  # fmt: skip
    assert got == FILTERED
    # The count says what the list holds: one case of Vännäs' when Vännäs is chosen.
    page = client.get(reverse("cases:case-list"), {"municipality": ids["vannas"]})
    assert page.context["page"].paginator.count == 1


def test_one_who_works_in_one_municipality_is_offered_no_such_filter(client, town):
    log_in(client, town["people"]["samordnare"])
    for name in ("cases:operation-list", "collaboration:effort-list"):
        assert "municipality" not in client.get(reverse(name)).context["filter"].form.fields


# person → how many efforts their list counts: the town's effort of each municipality has its
# municipal unit and the police as parties.
EFFORTS_COUNTED = {
    "samordnare": 1, "vannas-samordnare": 1, "polis": 2, "polis-umea": 1, "skatteverket": 0,
    "socialsekreterare": 0,
}  # fmt: skip


def test_the_effort_list_counts_what_it_shows(town):
    got = {}
    for username in EFFORTS_COUNTED:
        client = log_in(Client(), town["people"][username])
        page = client.get(reverse("collaboration:effort-list")).context["page"]
        assert page.paginator.count == len(page.object_list), username
        got[username] = page.paginator.count
    assert got == EFFORTS_COUNTED


def test_the_observation_list_names_and_filters_the_municipality(town):
    client = log_in(Client(), town["people"]["polis"])
    page = client.get(reverse("collaboration:observation-list"))
    assert '<th scope="col">Kommun</th>' in page.content.decode()
    chosen = client.get(
        reverse("collaboration:observation-list"), {"municipality": town["vannas"].pk}
    )
    assert {o.municipality.code for o in chosen.context["page"].object_list} == {"2460"}
    assert {o.municipality.code for o in page.context["page"].object_list} == {"2480", "2460"}


# (administrator, whose lock-out) → listed on the administrator's page of lock-outs. A
# lock-out names a person's user name and address; one of no account is the installation's.
LOCK_OUTS = {
    ("umea", "samordnare"): True, ("umea", "vs"): False, ("umea", "polis"): True,
    ("umea", "nobody-at-all"): True,
    ("vannas", "samordnare"): False, ("vannas", "vs"): True, ("vannas", "polis"): True,
    ("vannas", "nobody-at-all"): False,
}  # fmt: skip


def test_each_municipalitys_administrator_sees_the_lock_outs_of_its_own_people(town):
    from axes.models import AccessAttempt

    for username in {name for _admin, name in LOCK_OUTS}:
        AccessAttempt.objects.create(
            username=username, ip_address="192.0.2.1", user_agent="x", failures_since_start=5,
            get_data="", post_data="", http_accept="", path_info="/login/",
        )  # fmt: skip
    pages = {
        key: log_in(Client(), member(Role.ADMIN, town["orgs"][key], username=f"admin-{key}"))
        .get(reverse("admin:axes_accessattempt_changelist"))
        .content.decode()
        for key in ("umea", "vannas")
    }
    got = {(key, name): f">{name}<" in pages[key] for key, name in LOCK_OUTS}
    assert got == LOCK_OUTS
