"""Pages and downloads with personal data are never kept by a browser or a cache between
(issue 14): ``Cache-Control: no-store`` on everything behind the login."""

import pytest
from django.urls import reverse

from tests.factories import log_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "url", "posted"),
    [
        ("owner", lambda case: reverse("cases:case-list"), None),
        ("owner", lambda case: case.get_absolute_url(), None),
        ("auditor", lambda case: reverse("cases:register-extract"),
         {"personal_number": "20080412-2380", "format": "csv"}),
        ("auditor", lambda case: reverse("cases:register-extract"),
         {"personal_number": "20080412-2380", "format": "pdf"}),
        ("coordinator", lambda case: reverse("collaboration:effort-export", args=["xlsx"]), None),
    ],
)  # fmt: skip
def test_what_a_logged_in_user_is_shown_is_not_stored(client, people, case, who, url, posted):
    log_in(client, people[who])
    response = client.post(url(case), posted) if posted else client.get(url(case))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_consent_form_pdf_is_not_stored(client, people, orgs, case):
    log_in(client, people["owner"])
    response = client.post(
        reverse("cases:consent-form-pdf", args=[case.pk]),
        {"organisations": [orgs["school"].pk], "information": "Skolgång",
         "valid_from": "2026-01-01", "valid_to": "2026-12-31"},
    )  # fmt: skip
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]


def test_public_pages_may_be_cached(client):
    assert "no-store" not in client.get(reverse("collaboration:public-promises")).get(
        "Cache-Control", ""
    )
