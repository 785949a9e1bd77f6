"""Every upload field refuses an oversized or wrongly typed file with a clear message, and
keeps nothing of it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from collaboration.models import CooperationAgreement
from tests.factories import OrganisationFactory, log_in, member
from umebra.roles import Role
from umebra.uploads import Accepts

pytestmark = pytest.mark.django_db

BAD_FILES = [
    ("avtal.exe", b"MZ\x90\x00", "Ladda upp filen som PDF"),
    ("avtal.pdf", b"<html>not a pdf</html>", "inte den PDF som namnet säger"),
    ("avtal.pdf", b"%PDF-1.7" + b"0" * (21 * 1024 * 1024), "större än 20 MB"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_the_signed_agreement_must_be_a_real_pdf_of_sensible_size(client, name, content, message):
    log_in(client, member(Role.COORDINATOR))
    town, police = OrganisationFactory(name="Kommunen"), OrganisationFactory(name="Polisen")
    data = {
        "title": "Samverkansöverenskommelse", "municipal_party": town.pk, "police": police.pk,
        "valid_from": "2026-01-01", "valid_to": "2027-12-31", "focus": "Trygghet",
        "status": "draft", "document": SimpleUploadedFile(name, content),
    }  # fmt: skip
    response = client.post(reverse("collaboration:agreement-create"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CooperationAgreement.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.docx", b"PK\x03\x04", "Ladda upp filen som PDF"),
        ("rapport.pdf", b"GIF89a", "inte den PDF som namnet säger"),
        ("rapport.pdf", b"%PDF-" + b"0" * (2 * 1024 * 1024), "större än 1 MB"),
    ],
)
def test_the_verify_page_refuses_what_is_no_report(client, monkeypatch, name, content, message):
    monkeypatch.setattr("reports.forms.REPORT", Accepts(1, (".pdf",), (b"%PDF-",), "PDF"))
    response = client.post(
        reverse("reports:report-verify"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_body_larger_than_any_upload_is_refused_before_it_is_read(rf, settings):
    from umebra.middleware import RequestSizeLimitMiddleware

    settings.UMEBRA_MAX_REQUEST_MB = 51
    request = rf.post(reverse("reports:report-verify"), data=b"", content_type="application/pdf")
    request.META["CONTENT_LENGTH"] = str(10**12)  # a terabyte announced, nothing sent

    def view(request):
        raise AssertionError("the view read the body")

    response = RequestSizeLimitMiddleware(view)(request)
    assert response.status_code == 413
    assert "högst 51 MB" in response.content.decode()


def test_an_oversized_upload_to_a_public_form_answers_413_and_stores_nothing(client, settings):
    settings.UMEBRA_MAX_REQUEST_MB = 1
    report = SimpleUploadedFile("rapport.pdf", b"%PDF-" + b"0" * (2 * 1024 * 1024))
    response = client.post(reverse("reports:report-verify"), {"file": report})
    assert response.status_code == 413
    assert "Inget har sparats" in response.content.decode()
