"""Corrections keep who, when and from → to; a follow-up goes public only when published."""

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from collaboration.models import FollowUp
from collaboration.services import agreements as services
from tests.collaboration.test_agreements import commitments  # noqa: F401  (the fixture)
from tests.factories import log_in, member
from umebra.access import SYSTEM
from umebra.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def follow_up(commitments):  # noqa: F811
    promise = commitments["promise"]
    target = services.target_create(
        actor=SYSTEM, undertaking=promise, name="Trygghet", unit="%", baseline=50, target=70
    )
    made = services.follow_up_create(
        actor=SYSTEM, undertaking=promise, year=2026, quarter=3, status="on_track",
        values={target: 60},
    )  # fmt: skip
    return made, target


def _correct(client, follow_up, target, value):
    data = {"year": 2026, "quarter": 3, "status": "on_track", f"target_{target.pk}": value}
    return client.post(reverse("collaboration:follow-up-update", args=[follow_up.pk]), data)


def test_a_correction_keeps_who_from_and_to_and_the_page_shows_it(client, follow_up):
    made, target = follow_up
    coordinator = member(Role.COORDINATOR, first_name="Siri", last_name="Samordnare")
    log_in(client, coordinator)
    assert _correct(client, made, target, "62.5").status_code == 302
    assert made.values.get().value == 62.5
    record = made.values.get().history.latest()
    assert record.history_user == coordinator
    page = client.get(reverse("collaboration:follow-up-update", args=[made.pk])).content.decode()
    assert "Ändringar" in page
    assert "Siri Samordnare" in page
    assert "<td>Trygghet (%)</td><td>60</td><td>62,5</td>" in page, page[page.find("Ändringar") :][
        :1500
    ]


# Who may correct a follow-up of the promise (the kommun's and the police's): written out.
WHO_MAY_CORRECT = [
    (Role.COORDINATOR, 200),
    (Role.POLITICIAN, 404),
    (Role.POLICE, 404),
    (Role.SOCIAL_WORKER, 404),
    (Role.PARTNER, 404),
    (Role.AUDITOR, 404),
]


@pytest.mark.parametrize(("role", "expected"), WHO_MAY_CORRECT)
def test_who_may_correct_a_follow_up(client, follow_up, role, expected):
    made, _target = follow_up
    log_in(client, member(role))
    url = reverse("collaboration:follow-up-update", args=[made.pk])
    assert client.get(url).status_code == expected


def test_the_preview_shows_but_does_not_publish_and_publish_publishes(client, follow_up):
    made, _target = follow_up
    public = reverse("collaboration:public-promises")
    assert "nu 60" not in client.get(public).content.decode()
    log_in(client, member(Role.COORDINATOR))
    preview = client.get(reverse("collaboration:follow-up-preview", args=[made.pk]))
    assert "nu 60" in preview.content.decode() and "Publicera" in preview.content.decode()
    assert FollowUp.objects.get(pk=made.pk).published_at is None
    assert client.get(public).content.decode().count("nu 60") == 0
    published = client.post(reverse("collaboration:follow-up-publish", args=[made.pk]))
    assert published.status_code == 302
    assert FollowUp.objects.get(pk=made.pk).published_at is not None
    assert "nu 60" in client.get(public).content.decode()


def test_the_public_page_marks_a_corrected_published_follow_up(client, follow_up):
    made, target = follow_up
    services.follow_up_publish(actor=SYSTEM, follow_up=made)
    public = reverse("collaboration:public-promises")
    assert "Rättad" not in client.get(public).content.decode()
    log_in(client, member(Role.COORDINATOR))
    assert _correct(client, made, target, "65").status_code == 302
    today = formats.date_format(timezone.localdate(), "j F Y")
    page = client.get(public).content.decode()
    assert "nu 65" in page and f"Rättad {today}" in page
