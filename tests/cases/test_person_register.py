"""One person register per organisation (issue 14, docs/rules.md, rule 8): opening a case
never reveals or links to another organisation's record of the same personal number."""

import pytest
from django.urls import reverse

from cases.models import Person, SigCase
from cases.services import sig as services
from collaboration.models import Area
from tests.cases.conftest import TODAY
from tests.factories import OrganisationFactory, log_in, member, umea
from umebra import access
from umebra.roles import Role

pytestmark = pytest.mark.django_db

ALVA = "20080412-2380"
UNKNOWN = "20090923-4577"


@pytest.fixture
def elsewhere():
    """A social worker of another social services (a neighbouring municipality's, say)."""
    return member(Role.SOCIAL_WORKER, OrganisationFactory(name="Socialtjänsten Vännäs"))


def open_case(client, number: str, name: str, area: Area):
    return client.post(
        reverse("cases:case-open"),
        {"name": name, "personal_number": number, "area": area.pk, "guardian_1": "Vårdnadshavare"},
    )


@pytest.mark.parametrize("name", ["Alva Testsson", "Någon Annan"])
def test_a_number_known_to_another_organisation_opens_as_an_unknown_one(
    client, case, elsewhere, name
):
    teg = Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300)
    log_in(client, elsewhere)
    known = open_case(client, ALVA, name, teg)
    unknown = open_case(client, UNKNOWN, name, teg)
    assert known.status_code == unknown.status_code == 302
    assert "annat namn" not in known.content.decode()
    theirs = SigCase.objects.get(pk=known.url.rstrip("/").split("/")[-1])
    assert theirs.person != case.person
    assert theirs.person.organisation.name == "Socialtjänsten Vännäs"
    # Socialtjänsten's record is untouched: its area, its guardians.
    case.person.refresh_from_db()
    assert case.person.area.name == "Ersboda"
    assert case.person.guardians.count() == 2
    assert list(theirs.person.guardians.values_list("name", flat=True)) == ["Vårdnadshavare"]
    page = client.get(known.url).content.decode()
    assert "Anna Testsson" not in page and "Ersboda" not in page


def test_consent_in_another_organisation_never_opens_socialtjanstens_case(
    case, elsewhere, people, orgs
):
    """The attack of issue 14: a second case on the same number, a consent covering the
    police there, and a grant: the police see that case, never Socialtjänsten's."""
    theirs = services.case_open(
        actor=access.actor_for(elsewhere), name="Alva Testsson", personal_number=ALVA,
        area=case.person.area,
    )  # fmt: skip
    services.consent_record(
        actor=access.actor_for(elsewhere), case=theirs, organisations=[orgs["police"]],
        information="x", valid_from=TODAY, valid_to=TODAY, signed_by_person=True,
    )  # fmt: skip
    services.grant_give(actor=access.actor_for(elsewhere), case=theirs, user=people["officer"])
    seen = access.restrict(people["officer"], SigCase.objects.all())
    assert list(seen) == [theirs]


def test_one_register_holds_a_number_once_and_two_registers_hold_it_twice(case, elsewhere):
    services.case_open(
        actor=access.actor_for(elsewhere), name="Alva T", personal_number=ALVA,
        area=case.person.area,
    )  # fmt: skip
    records = Person.objects.filter(personal_number=ALVA)
    assert sorted(p.organisation.name for p in records) == [
        "Socialtjänsten",
        "Socialtjänsten Vännäs",
    ]


def test_the_register_extract_finds_every_record_of_the_number(client, case, elsewhere, people):
    services.case_open(
        actor=access.actor_for(elsewhere), name="Alva T", personal_number=ALVA,
        area=case.person.area,
    )  # fmt: skip
    log_in(client, people["auditor"])
    page = client.post(reverse("cases:register-extract"), {"personal_number": ALVA})
    text = page.content.decode()
    assert "I registret hos Socialtjänsten<" in text
    assert "I registret hos Socialtjänsten Vännäs<" in text
    assert "Alva Testsson" in text and "Alva T," in text
