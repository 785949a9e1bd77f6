"""Who has seen this person's data, and everything the law gives them (issue 15): the log
searched by person, lists that name what they showed, and the article 15 extract."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cases.models import CaseNote, SigCase
from cases.services import disclosure
from cases.services import sig as services
from tests.cases.conftest import actor
from tests.cases.test_documents import pdf_text
from tests.factories import log_in
from umebra.audit.models import AccessEvent, ListedObject

pytestmark = pytest.mark.django_db

ALVA = "20080412-2380"


@pytest.fixture
def alva(people, orgs, case, consent_for, client):
    """Alva's case: a consent for the school and the police, the counsellor granted, a
    disclosure to the police; the counsellor has listed the cases, the owner opened it."""
    consent_for(orgs["school"], orgs["police"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    disclosure.disclosure_record(
        actor=actor(people["owner"]), case=case, to_organisation=orgs["police"],
        ground="consent", information="Kontaktuppgifter", balancing="Samtycke finns",
    )  # fmt: skip
    services.note_create(actor=actor(people["counsellor"]), case=case, visibility="case",
                      text="Närvaron är bättre")  # fmt: skip
    log_in(client, people["counsellor"])
    client.get(reverse("cases:case-list"))
    log_in(client, people["owner"])
    client.get(case.get_absolute_url())
    client.logout()
    return case


@pytest.fixture
def bertil(people):
    """Another young person, whose events must not show in Alva's search."""
    other = services.case_open(
        actor=actor(people["owner"]), name="Bertil Bertilsson", personal_number="20070101-0001",
        area=SigCase.objects.get().person.area, guardians=["Berit Bertilsson"],
    )  # fmt: skip
    return other


def test_a_list_of_cases_names_each_case_it_showed(client, people, alva):
    listed = ListedObject.objects.filter(event__user=people["counsellor"], event__reason="list")
    assert list(listed.values_list("object_type", "object_id")) == [("cases.sigcase", str(alva.pk))]


def search(client, **fields):
    response = client.post(reverse("audit:event-list"), fields)
    assert response.status_code == 302
    return response["Location"], client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("typed", ["Alva Testsson", "alva testsson", "200804122380", ALVA])
def test_the_auditor_finds_a_persons_events_by_name_or_number(client, people, alva, bertil, typed):
    bertil_event = AccessEvent.objects.filter(object_type="cases.sigcase",
                                              object_id=str(bertil.pk)).first()  # fmt: skip
    log_in(client, people["auditor"])
    url, page = search(client, person=typed)
    assert "Alva" not in url and "2008" not in url  # only a key in the URL
    assert "Alva Testsson, i registret hos Socialtjänsten" in page
    assert "SIG-ärenden: 1 visad" in page  # the counsellor's list
    assert f"SIG-ärende {alva.pk}<" in page  # the owner opened it
    assert f"Anteckning {CaseNote.objects.get().pk}<" in page  # the counsellor wrote
    assert "utlämnat till Polisen LPO Umeå (Samtycke" in page  # the disclosure, in words
    assert f"Händelse {bertil_event.pk}<" not in page
    # The search itself names the person it found, for her own extract.
    search_event = AccessEvent.objects.filter(user=people["auditor"]).latest("id")
    assert list(search_event.listed.values_list("object_type", flat=True)) == ["cases.person"]


def test_a_search_key_works_only_in_the_session_that_made_it(client, people, alva):
    log_in(client, people["auditor"])
    url, _ = search(client, person="Alva Testsson")
    other = type(client)()
    log_in(other, people["auditor"])
    assert "Alva Testsson" not in other.get(url).content.decode()


def test_a_name_too_short_finds_no_one(client, people, alva):
    log_in(client, people["auditor"])
    _, page = search(client, person="Al")
    assert "Ingen registrerad person matchar." in page


def extract(client, **fields):
    return client.post(reverse("cases:register-extract"), fields)


def test_the_extract_is_never_made_from_a_url(client, people, alva):
    log_in(client, people["auditor"])
    page = client.get(reverse("cases:register-extract"), {"personal_number": ALVA})
    assert "Alva Testsson" not in page.content.decode()
    assert not AccessEvent.objects.filter(user=people["auditor"], action="export").exists()


def test_the_extract_is_reached_from_the_search_without_typing_the_number(client, people, alva):
    log_in(client, people["auditor"])
    page = extract(client, person=str(alva.person.pk)).content.decode()
    assert "Alva Testsson, 20080412-2380" in page


def test_the_extract_holds_what_article_15_asks_for(client, people, alva, settings):
    settings.UMEBRA_RETENTION_YEARS = 5
    log_in(client, people["auditor"])
    extract(client, personal_number=ALVA)  # an earlier extract
    response = extract(client, personal_number=ALVA, format="pdf")
    text = pdf_text(response.content)
    for part in [
        "Personuppgiftsansvarig: Socialtjänsten",  # the controller
        "Alva Testsson, 20080412-2380", "Anna Testsson",  # the data held
        "Ändamål och rättslig grund", "artikel 6.1 e",  # purposes and legal basis
        "Aktörer som samtycket omfattar", "Ersängsskolan",  # recipients: organisations,
        "Fått åtkomst till ärendet", people["counsellor"].get_full_name(),  # named users,
        "Utlämnat till Polisen",  # disclosures with their ground
        "Sparas medan ärendet pågår; gallras 5 år efter",  # how long it is kept
        "Varifrån uppgifterna kommer",  # the source
        "rättade", "Integritetsskyddsmyndigheten",  # the rights
        "Vilka som har läst eller ändrat det",  # every read
        "Tidigare utdrag", "registerutdrag (sida)",  # earlier extracts
    ]:  # fmt: skip
        assert part in text, part
    root = PdfReader(io.BytesIO(response.content)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert "pdfaid:part" in root["/Metadata"].get_object().get_data().decode()


def test_the_extract_of_a_closed_case_gives_the_day_it_is_purged(client, people, alva, settings):
    settings.UMEBRA_RETENTION_YEARS = 5
    services.case_transition(actor=actor(people["owner"]), case=alva, status="closed")
    alva.refresh_from_db()
    purge_on = timezone.localdate(alva.last_entry_at) + datetime.timedelta(days=5 * 365 + 1)
    log_in(client, people["auditor"])
    page = extract(client, personal_number=ALVA).content.decode()
    assert f"personuppgifterna gallras den {purge_on:%Y-%m-%d}" in page


def test_the_case_page_writes_one_event_naming_what_it_showed(client, people, alva):
    """Which notes a reader saw depends on their visibility: the event says which."""
    own = services.note_create(actor=actor(people["owner"]), case=alva,
                            visibility="own_organisation", text="Bara för oss")  # fmt: skip
    shared = CaseNote.objects.get(text="Närvaron är bättre")
    log_in(client, people["counsellor"])
    last = AccessEvent.objects.latest("id").pk
    client.get(alva.get_absolute_url())
    [event] = AccessEvent.objects.filter(pk__gt=last)
    assert (event.object_type, event.object_id) == ("cases.sigcase", str(alva.pk))
    notes = set(
        event.listed.filter(object_type="cases.casenote").values_list("object_id", flat=True)
    )
    assert notes == {str(shared.pk)} and str(own.pk) not in notes
    assert event.listed.filter(object_type="cases.person", object_id=str(alva.person_id)).exists()


def test_a_recipient_stays_in_the_extract_after_their_access_ends(client, people, alva):
    services.grant_withdraw(actor=actor(people["owner"]), case=alva, user=people["counsellor"])
    log_in(client, people["auditor"])
    page = extract(client, personal_number=ALVA).content.decode()
    name = people["counsellor"].get_full_name()
    assert f"Fått åtkomst till ärendet: {name}" in page
    assert f"Åtkomsten till ärendet upphörde: {name}" in page


def test_a_search_by_kind_and_number_finds_the_lists_that_showed_it(client, people, alva):
    log_in(client, people["auditor"])
    _, page = search(client, object_type="cases.sigcase", object_id=str(alva.pk))
    assert "SIG-ärenden: 1 visad" in page  # the counsellor's list


def test_the_search_itself_reads_in_words(client, people, alva):
    log_in(client, people["auditor"])
    search(client, object_type="cases.sigcase", action="view")
    _, page = search(client, user=people["auditor"].username)
    assert "sökte i åtkomstloggen: typ av uppgift SIG-ärende; vad som gjordes Läsning" in page
    assert "object_type=" not in page


@pytest.mark.parametrize(("field", "length"), [("person", 50_000), ("user", 17_000)])
def test_too_long_a_search_is_refused_in_swedish(client, people, field, length):
    log_in(client, people["auditor"])
    response = client.post(reverse("audit:event-list"), {field: "A" * length})
    assert response.status_code == 400
    assert "som mest" in response.content.decode()


def test_a_record_number_too_long_for_any_record_is_refused(client, people, alva):
    log_in(client, people["auditor"])
    response = extract(client, person="9" * 5000)
    assert response.status_code == 400
    assert "Skriv personens personnummer." in response.content.decode()


def test_opening_a_form_is_logged_as_a_read_not_a_change(client, people, alva):
    log_in(client, people["owner"])
    last = AccessEvent.objects.latest("id").pk
    client.get(reverse("cases:consent-create", args=[alva.pk]))
    [event] = AccessEvent.objects.filter(pk__gt=last)
    assert (event.action, event.reason) == ("view", "change")
