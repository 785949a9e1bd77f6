"""Disclosure grounds that must fit, and the retention purge that keeps only what is counted."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import CaseNote, CaseStatus, DisclosureRecord, Person, SigCase
from cases.services import disclosure, retention
from cases.services import sig as services
from tests.cases.conftest import actor
from tests.factories import umea
from umebra.audit.models import AccessEvent

pytestmark = pytest.mark.django_db


def disclose(people, case, to, ground, **extra):
    return disclosure.disclosure_record(
        actor=actor(people["owner"]), case=case, to_organisation=to, ground=ground,
        information="Uppgift om skolgång", balancing="Behövs för att planera stödet", **extra,
    )  # fmt: skip


def test_consent_fits_only_an_organisation_it_covers(people, orgs, case, consent_for):
    consent_for(orgs["school"])
    disclose(people, case, orgs["school"], "consent")
    with pytest.raises(ValidationError, match="Inget samtycke som gäller omfattar Polisen"):
        disclose(people, case, orgs["police"], "consent")
    assert DisclosureRecord.objects.count() == 1
    assert AccessEvent.objects.filter(action="export", object_id=str(case.pk)).count() == 1


def test_18a_is_for_social_services_to_police_about_someone_under_21(people, orgs, case):
    # Alva (born 2008) is under 21.
    disclose(people, case, orgs["police"], "osl_10_18a")
    with pytest.raises(ValidationError, match="bara till polisen"):
        disclose(people, case, orgs["school"], "osl_10_18a")
    with pytest.raises(ValidationError, match="konkret misstänkt brott"):
        disclose(people, case, orgs["police"], "osl_10_18a", concrete_suspected_crime=True)


def test_18a_is_refused_for_someone_21_or_older(people, orgs):
    from collaboration.models import Area

    older = services.case_open(
        actor=actor(people["owner"]), name="Vuxen", personal_number="20000101-0008",
        area=Area.objects.create(municipality=umea(), name="Haga", slug="haga", population=5400),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="under 21; den här personen är 26"):
        disclose(people, older, orgs["police"], "osl_10_18a")


def test_a_duty_to_disclose_names_its_law(people, orgs, case):
    with pytest.raises(ValidationError, match="Ange lagen"):
        disclose(people, case, orgs["tax"], "osl_10_28")
    disclose(people, case, orgs["tax"], "osl_10_28", law="14 kap. 1 § SoL")


def test_the_purge_removes_personal_data_and_keeps_what_is_counted(people, orgs, case, consent_for):
    consent_for(orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    services.note_create(actor=actor(people["owner"]), case=case, visibility="case", text="x")
    services.case_transition(actor=actor(people["owner"]), case=case, status="closed")
    later = timezone.now() + datetime.timedelta(days=365 * 5 + 2)
    assert retention.cases_purge(now=timezone.now()) == 0  # not yet due

    assert retention.cases_purge(now=later) == 1

    case.refresh_from_db()
    person = Person.objects.get(pk=case.person_id)
    assert case.status == CaseStatus.PURGED
    assert (person.name, person.personal_number) == ("[gallrad]", None)
    assert not person.guardians.exists() and not CaseNote.objects.exists()
    assert case.consents.get().information == ""
    assert (case.opened_on, case.person.area_id) and SigCase.objects.count() == 1
    assert AccessEvent.objects.filter(
        action="delete", object_id=str(case.pk), reason__contains="gallring"
    ).exists()
    assert retention.cases_purge(now=later) == 0
