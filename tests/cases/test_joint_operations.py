"""A joint LOS operation across the border (docs/rules.md, rules 3 and 8): Operation
Gränsland, planned in Umeå, names Umeå and Vännäs and has a target in each. Whoever may see
the operation sees it if they work in either; each target, with its inspections and
measures, only those who work in the target's own municipality, as if that municipality ran
the operation alone.

The people are those of ``town`` (tests/core/test_municipalities.py), and a Skatteverket
inspector whose membership names Umeå alone. Each question is a table written out here,
asked through the pages."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models import Operation, Target
from cases.selectors.statistics import los_outcomes
from cases.services import los
from tests.core import test_municipalities
from tests.factories import AreaFactory, UserFactory, log_in, umea
from umebra import access
from umebra.access import SYSTEM
from umebra.roles import Role
from umebra.services import membership_create

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
town = test_municipalities.town


@pytest.fixture
def joint(town):
    """Operation Gränsland, led by the police with Umeå's and Vännäs' municipal units and
    Skatteverket: Krogen Umeå AB in Umeå and Pizzeria Vännäsby HB in Vännäs, each inspected
    by Skatteverket, with a fee."""
    people, orgs, vannas = town["people"], town["orgs"], town["vannas"]
    people["skatteverket-umea"] = UserFactory(username="skatteverket-umea")
    membership_create(actor=SYSTEM, user=people["skatteverket-umea"], organisation=orgs["tax"],
                      role=Role.AGENCY_INSPECTOR, municipalities=[umea()])  # fmt: skip
    police = access.actor_for(people["polis"])
    operation = los.operation_create(
        actor=police, name="Operation Gränsland", lead=orgs["police"], objective="Över gränsen",
        parties=[orgs["umea"], orgs["vannas"], orgs["tax"]], municipality=umea(),
        municipalities=[umea(), vannas],
    )  # fmt: skip
    los.operation_transition(actor=police, operation=operation, status="active")
    tax = access.actor_for(people["skatteverket"])
    at = {}
    for key, municipality, name in (("umea", umea(), "Krogen Umeå AB"),
                                    ("vannas", vannas, "Pizzeria Vännäsby HB")):  # fmt: skip
        target = los.target_create(actor=police, operation=operation, kind="business",
                                   name=name, municipality=municipality)  # fmt: skip
        inspection = los.inspection_create(actor=tax, target=target, kind="cash_registers",
                                           findings=f"Personalliggare saknas ({key})")  # fmt: skip
        los.measure_create(actor=tax, inspection=inspection, kind="fee", amount=10000,
                           description=f"Kontrollavgift {key}")  # fmt: skip
        at[key] = {"target": target, "inspection": inspection}
    return {**town, "operation": operation, "at": at}


# person × the target's municipality → whether its name, its inspection's findings and its
# measure are on the operation's page. Every one of them opens the operation (200).
SEES = {
    ("samordnare", "umea"): True,
    ("samordnare", "vannas"): False,
    ("vannas-samordnare", "umea"): False,
    ("vannas-samordnare", "vannas"): True,
    ("polis", "umea"): True,
    ("polis", "vannas"): True,
    ("polis-umea", "umea"): True,
    ("polis-umea", "vannas"): False,
    ("skatteverket", "umea"): True,
    ("skatteverket", "vannas"): True,
    ("skatteverket-umea", "umea"): True,
    ("skatteverket-umea", "vannas"): False,
}
PEOPLE = sorted({person for person, _where in SEES})


@pytest.mark.parametrize("person", PEOPLE)
def test_each_person_sees_the_targets_of_the_municipalities_they_work_in(client, joint, person):
    log_in(client, joint["people"][person])
    page = client.get(joint["operation"].get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    shown = {}
    for where in ("umea", "vannas"):
        target = joint["at"][where]["target"]
        shown[(person, where)] = {
            target.name in text,
            f"Personalliggare saknas ({where})" in text,
            f"Kontrollavgift {where}" in text,
        }
    assert shown == {key: {seen} for key, seen in SEES.items() if key[0] == person}


# person × the target's municipality → what the form to inspect the target answers: 404
# where the target is hidden; coordinators, who inspect nothing, 403 where they see it.
INSPECTION_FORM = {
    ("samordnare", "umea"): 403,
    ("samordnare", "vannas"): 404,
    ("vannas-samordnare", "umea"): 404,
    ("vannas-samordnare", "vannas"): 403,
    ("polis", "umea"): 200,
    ("polis", "vannas"): 200,
    ("polis-umea", "umea"): 200,
    ("polis-umea", "vannas"): 404,
    ("skatteverket", "umea"): 200,
    ("skatteverket", "vannas"): 200,
    ("skatteverket-umea", "umea"): 200,
    ("skatteverket-umea", "vannas"): 404,
}


@pytest.mark.parametrize("person", PEOPLE)
def test_a_hidden_target_answers_404(client, joint, person):
    log_in(client, joint["people"][person])
    answers = {
        (person, where): client.get(
            reverse("cases:inspection-create", args=[joint["at"][where]["target"].pk])
        ).status_code
        for where in ("umea", "vannas")
    }
    assert answers == {key: code for key, code in INSPECTION_FORM.items() if key[0] == person}


# Skatteverket's inspector × the inspection's municipality → what the form to record a
# measure of Skatteverket's own inspection answers.
MEASURE_FORM = {
    ("skatteverket", "umea"): 200,
    ("skatteverket", "vannas"): 200,
    ("skatteverket-umea", "umea"): 200,
    ("skatteverket-umea", "vannas"): 404,
}


@pytest.mark.parametrize("person", ["skatteverket", "skatteverket-umea"])
def test_an_agency_adds_measures_only_where_its_inspector_works(client, joint, person):
    log_in(client, joint["people"][person])
    answers = {
        (person, where): client.get(
            reverse("cases:measure-create", args=[joint["at"][where]["inspection"].pk])
        ).status_code
        for where in ("umea", "vannas")
    }
    assert answers == {key: code for key, code in MEASURE_FORM.items() if key[0] == person}


# person: how many of Gränsland's targets the list counts, and whether it names the
# operation's municipalities (for those who work in several).
LISTED = {
    "samordnare": (1, False),
    "vannas-samordnare": (1, False),
    "polis": (2, True),
    "polis-umea": (1, False),
    "skatteverket": (2, True),
    "skatteverket-umea": (1, False),
}


@pytest.mark.parametrize("person", LISTED)
def test_the_list_counts_only_the_targets_one_sees(client, joint, person):
    log_in(client, joint["people"][person])
    text = client.get(reverse("cases:operation-list")).content.decode()
    row = re.search(
        rf'<tr><th scope="row"><a href="{joint["operation"].get_absolute_url()}">.*?</tr>', text
    ).group()
    [count] = re.findall(r'<td class="num">(\d+)</td>', row)
    assert (int(count), "<td>Umeå, Vännäs</td>" in row) == LISTED[person]


@pytest.mark.parametrize("person", ["polis", "samordnare"])
def test_the_operations_page_names_its_municipalities_to_one_who_works_in_several(
    client, joint, person
):
    log_in(client, joint["people"][person])
    text = client.get(joint["operation"].get_absolute_url()).content.decode()
    assert ("<dd>Umeå, Vännäs</dd>" in text) is (person == "polis")


# The municipalities a report is about → how many targets of Gränsland it counts.
REPORTED_TARGETS = {("umea",): 1, ("vannas",): 1, ("umea", "vannas"): 2}


@pytest.mark.parametrize("about", REPORTED_TARGETS)
def test_a_report_counts_the_targets_of_the_municipalities_it_is_about(joint, about):
    ids = {"umea": umea().pk, "vannas": joint["vannas"].pk}
    outcomes = los_outcomes(TODAY, TODAY, municipalities=[ids[m] for m in about])
    assert sum(outcomes.targets_by_kind.values()) == REPORTED_TARGETS[about]


def _actor(joint, person):
    return access.actor_for(joint["people"][person])


def test_a_target_is_refused_in_a_municipality_the_operation_does_not_name(town):
    with pytest.raises(ValidationError, match=r"does not name Vännäs|omfattar inte Vännäs"):
        los.target_create(
            actor=access.actor_for(town["people"]["polis"]), operation=town["objects"][
                "umea operation"], kind="business", name="Över gränsen AB",
            municipality=town["vannas"],
        )  # fmt: skip


def test_a_target_is_refused_in_a_municipality_the_actor_does_not_work_in(joint):
    with pytest.raises(ValidationError, match=r"do not work in that|arbetar inte i den"):
        los.target_create(
            actor=_actor(joint, "polis-umea"), operation=joint["operation"], kind="business",
            name="Över gränsen AB", municipality=joint["vannas"],
        )  # fmt: skip


def test_a_targets_area_is_in_the_targets_municipality(joint):
    area = AreaFactory(municipality=joint["vannas"], name="Vännäsby", slug="vannasby")
    with pytest.raises(ValidationError, match=r"another municipality|annan kommun"):
        los.target_create(
            actor=_actor(joint, "polis"), operation=joint["operation"], kind="business",
            name="Fel område AB", municipality=umea(), area=area,
        )  # fmt: skip
    target = los.target_create(actor=_actor(joint, "polis"), operation=joint["operation"],
                               kind="business", name="Rätt område AB", area=area)  # fmt: skip
    assert target.municipality == joint["vannas"]  # the area's


def test_a_party_that_works_in_none_of_the_municipalities_is_refused(town):
    with pytest.raises(ValidationError, match=r"works in none|arbetar inte i någon av"):
        los.operation_create(
            actor=access.actor_for(town["people"]["polis"]), name="Bara Umeå",
            lead=town["orgs"]["police"], objective="x", parties=[town["orgs"]["vannas"]],
            municipality=umea(),
        )  # fmt: skip


def test_an_actor_names_no_municipality_they_do_not_work_in(town):
    with pytest.raises(ValidationError, match=r"do not work in that|arbetar inte i den"):
        los.operation_create(
            actor=access.actor_for(town["people"]["polis-umea"]), name="Till Vännäs",
            lead=town["orgs"]["police"], objective="x", parties=[], municipality=umea(),
            municipalities=[town["vannas"]],
        )  # fmt: skip


def _update(joint, person, **changes):
    operation = joint["operation"]
    plan = {
        "name": operation.name, "lead": operation.lead, "objective": operation.objective,
        "parties": list(operation.parties.all()), "starts_on": operation.starts_on,
        "ends_on": operation.ends_on, "summary": operation.summary,
    }  # fmt: skip
    return los.operation_update(
        actor=_actor(joint, person), operation=operation, **{**plan, **changes}
    )


def test_a_municipality_with_targets_stays_named(joint):
    with pytest.raises(ValidationError, match=r"Vännäs has targets|Vännäs har objekt"):
        _update(joint, "polis", municipalities=[umea()], parties=[joint["orgs"]["umea"]])
    assert set(joint["operation"].municipalities.all()) == {umea(), joint["vannas"]}


def test_a_municipality_without_targets_is_dropped(joint):
    Target.objects.filter(municipality=joint["vannas"]).delete()
    _update(joint, "polis", municipalities=[umea()], parties=[joint["orgs"]["umea"]])
    assert list(joint["operation"].municipalities.all()) == [umea()]


def test_one_who_works_in_one_municipality_keeps_what_the_operation_names_elsewhere(joint):
    """Umeå's officer edits Gränsland: their form knows neither Vännäs nor Vännäs kommun,
    and the operation keeps both."""
    _update(joint, "polis-umea", municipalities=[umea()], parties=[joint["orgs"]["umea"]])
    operation = Operation.objects.get(pk=joint["operation"].pk)
    assert set(operation.municipalities.all()) == {umea(), joint["vannas"]}
    assert joint["orgs"]["vannas"] in operation.parties.all()


def test_an_inspector_of_umea_alone_inspects_no_target_in_vannas(joint):
    with pytest.raises(PermissionDenied):
        los.inspection_create(
            actor=_actor(joint, "skatteverket-umea"), target=joint["at"]["vannas"]["target"],
            kind="food", findings="x",
        )  # fmt: skip


# person: the municipalities the form to add a target of Gränsland offers (none: no choice,
# the only one is taken).
TARGET_CHOICES = {"polis": {"Umeå", "Vännäs"}, "polis-umea": None}


@pytest.mark.parametrize("person", TARGET_CHOICES)
def test_the_target_form_offers_the_operations_municipalities_one_works_in(client, joint, person):
    log_in(client, joint["people"][person])
    url = reverse("cases:target-create", args=[joint["operation"].pk])
    form = client.get(url).context["form"]
    field = form.fields.get("municipality")
    offered = {m.name for m in field.queryset} if field else None
    assert offered == TARGET_CHOICES[person]
    posted = {"kind": "premises", "name": f"Lokal {person}"}
    if field:
        posted["municipality"] = joint["vannas"].pk
    assert client.post(url, posted).status_code == 302
    target = Target.objects.get(name=f"Lokal {person}")
    assert target.municipality == (joint["vannas"] if field else umea())


def test_the_operation_form_plans_a_joint_operation(client, town):
    log_in(client, town["people"]["polis"])
    response = client.post(
        reverse("cases:operation-create"),
        {"name": "Operation Älvdal", "lead": town["orgs"]["police"].pk,
         "parties": [town["orgs"]["vannas"].pk], "starts_on": TODAY.isoformat(),
         "objective": "Längs älven", "municipality": umea().pk,
         "municipalities": [town["vannas"].pk]},
    )  # fmt: skip
    assert response.status_code == 302
    operation = Operation.objects.get(name="Operation Älvdal")
    assert operation.municipality == umea()
    assert set(operation.municipalities.all()) == {umea(), town["vannas"]}


def test_the_operation_form_says_why_a_municipality_stays(client, joint):
    log_in(client, joint["people"]["polis"])
    operation = joint["operation"]
    response = client.post(
        reverse("cases:operation-update", args=[operation.pk]),
        {"name": operation.name, "lead": operation.lead.pk,
         "parties": [joint["orgs"]["umea"].pk], "starts_on": operation.starts_on.isoformat(),
         "objective": operation.objective, "municipalities": [umea().pk]},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Vännäs har objekt i insatsen" in response.content.decode()


# person: the municipalities the form to plan an operation offers to name, and whether it
# asks where it is planned (one who works in one municipality chooses neither).
OPERATION_CHOICES = {"polis": ({"Umeå", "Vännäs"}, True), "samordnare": (None, False)}


@pytest.mark.parametrize("person", OPERATION_CHOICES)
def test_the_operation_form_offers_the_municipalities_one_works_in(client, town, person):
    log_in(client, town["people"][person])
    page = client.get(reverse("cases:operation-create"))
    field = page.context["form"].fields["municipalities"]
    offered = None if field.widget.is_hidden else {m.name for m in field.queryset}
    asks_home = "municipality" in page.context["form"].fields
    assert (offered, asks_home) == OPERATION_CHOICES[person]
    assert ('name="municipalities"' in page.content.decode()) is (offered is not None)
