"""The consent form to sign and the auditor's register extract, rendered for real."""

import csv
import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import Consent
from cases.services import sig as services
from tests.cases.conftest import TODAY, actor
from tests.factories import log_in
from umebra.audit.models import AccessEvent

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    """The PDF's text as poppler reads it back, with line breaks folded into spaces."""
    assert data.startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


def consent_data(orgs, **extra):
    return {
        "organisations": [orgs["school"].pk, orgs["police"].pk],
        "information": "Närvaro och betyg",
        "valid_from": TODAY.isoformat(),
        "valid_to": TODAY.replace(year=TODAY.year + 1).isoformat(),
    } | extra


def test_the_consent_form_lists_exactly_what_the_consent_covers(client, people, orgs, case):
    log_in(client, people["owner"])
    response = client.post(reverse("cases:consent-form-pdf", args=[case.pk]), consent_data(orgs))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Samtycke till samverkan" in text and "Alva Testsson" in text
    assert "Ersängsskolan" in text and "Polisen" in text
    covered = text.split("varandra om dig?")[1].split("Ingen annan")[0]
    assert "Socialtjänsten" not in covered
    assert "Närvaro och betyg" in text
    assert "ta tillbaka samtycket" in text
    assert not Consent.objects.exists()  # printing saves nothing


def test_only_the_owner_prints_the_form(client, people, orgs, case):
    log_in(client, people["counsellor"])
    response = client.post(reverse("cases:consent-form-pdf", args=[case.pk]), consent_data(orgs))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.exe", b"MZ", "PDF, PNG eller JPEG"),
        ("scan.pdf", b"not really a pdf", "inte den PDF, PNG eller JPEG"),
        ("scan.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "större än 10 MB"),
    ],
)
def test_a_bad_scan_is_refused_with_a_clear_message(
    client, people, orgs, case, name, content, message
):
    log_in(client, people["owner"])
    upload = SimpleUploadedFile(name, content)
    response = client.post(
        reverse("cases:consent-create", args=[case.pk]),
        consent_data(orgs, signed_by_person="on", signed_scan=upload),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Consent.objects.exists()


def test_a_signed_scan_is_kept_with_the_consent(client, people, orgs, case, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    log_in(client, people["owner"])
    upload = SimpleUploadedFile("signerat.pdf", b"%PDF-1.7\n%%EOF\n")
    response = client.post(
        reverse("cases:consent-create", args=[case.pk]),
        consent_data(orgs, signed_by_person="on", signed_scan=upload),
    )
    assert response.status_code == 302
    assert Consent.objects.get().signed_scan.read().startswith(b"%PDF")


@pytest.fixture
def history(people, orgs, case, consent_for, client):
    """Alva's case with a consent, a grant and a read by the school counsellor."""
    consent_for(orgs["school"])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    services.note_create(actor=actor(people["owner"]), case=case, visibility="own_organisation",
                      text="Socialtjänstens egen anteckning")  # fmt: skip
    log_in(client, people["counsellor"])
    client.get(reverse("cases:case-detail", args=[case.pk]))
    client.logout()
    return case


def test_the_auditor_extracts_everything_held_and_who_read_it(client, people, history):
    log_in(client, people["auditor"])
    url = reverse("cases:register-extract")
    page = client.post(url, {"personal_number": "200804122380"}).content.decode()
    assert "Alva Testsson" in page and "Socialtjänstens egen anteckning" in page
    assert (people["counsellor"].get_full_name() or "skolkurator") in page
    pdf = client.post(url, {"personal_number": "20080412-2380", "format": "pdf"})
    text = pdf_text(pdf.content)
    assert "Registerutdrag" in text and "Socialtjänstens egen anteckning" in text
    exported = client.post(url, {"personal_number": "20080412-2380", "format": "csv"})
    rows = list(
        csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig")),
                   delimiter=";")
    )  # fmt: skip
    # Read by the person it is for: the role and the action in Swedish, the time in Swedish time.
    assert any(
        row[1] == "skolkurator" and row[3] == "Skolpersonal" and row[4] == "Läsning"
        for row in rows[1:]
    )
    assert all(row[0].endswith(("+01:00", "+02:00")) for row in rows[1:])
    assert (
        AccessEvent.objects.filter(
            username=people["auditor"].username,
            action="export",
            reason__contains="register extract",
        ).count()
        == 3
    )


@pytest.mark.parametrize("who", ["owner", "counsellor", "coordinator", "admin"])
def test_only_the_auditor_makes_extracts(client, people, history, who):
    log_in(client, people[who])
    response = client.post(reverse("cases:register-extract"), {"personal_number": "20080412-2380"})
    assert response.status_code == 403


def test_a_wrong_number_is_explained(client, people):
    log_in(client, people["auditor"])
    url = reverse("cases:register-extract")
    assert (
        "kontrollsiffra" in client.post(url, {"personal_number": "20080412-2381"}).content.decode()
    )
    response = client.post(url, {"personal_number": "19900101-0017"})
    assert response.status_code == 400
    assert "Ingenting finns registrerat" in response.content.decode()


def test_the_consent_form_fits_one_page_with_two_guardians(client, people, orgs, case):
    """A minor's form with both guardians' rows ran onto a second page holding only its
    case line, a sheet for nobody to sign: the line now stands under the title, and the
    signature rows are 14 mm high, room enough to sign."""
    from pypdf import PdfReader

    type(case.person).objects.filter(pk=case.person.pk).update(personal_number="20120412-2383")
    case.person.guardians.all().delete()
    case.person.guardians.create(name="Anna Testsson")
    case.person.guardians.create(name="Per Testsson")
    log_in(client, people["owner"])
    response = client.post(reverse("cases:consent-form-pdf", args=[case.pk]), consent_data(orgs))
    assert "Per Testsson" in pdf_text(response.content)
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1
