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
    public = reverse("collaboration:municipality-promises", args=["umea"])
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
    public = reverse("collaboration:municipality-promises", args=["umea"])
    assert "Rättad" not in client.get(public).content.decode()
    log_in(client, member(Role.COORDINATOR))
    assert _correct(client, made, target, "65").status_code == 302
    today = formats.date_format(timezone.localdate(), "j F Y")
    page = client.get(public).content.decode()
    assert "nu 65" in page and f"Rättad {today}" in page


def _public_page(client) -> str:
    return client.get(
        reverse("collaboration:municipality-promises", args=["umea"])
    ).content.decode()


def test_a_promise_goes_public_only_by_its_publish_step_after_a_preview(client, commitments):  # noqa: F811
    """The promise's form no longer publishes it: its preview shows it as the public page
    will, and the explicit POST puts it there; withdrawing takes it off again."""
    draft = commitments["draft"]
    log_in(client, member(Role.COORDINATOR))
    form = client.get(reverse("collaboration:undertaking-update", args=[draft.pk]))
    assert 'name="published"' not in form.content.decode()
    preview = client.get(reverse("collaboration:undertaking-preview", args=[draft.pk]))
    assert preview.status_code == 200
    assert "Utkast till löfte" in preview.content.decode()
    assert reverse("collaboration:undertaking-publish", args=[draft.pk]) in preview.content.decode()
    assert "Utkast till löfte" not in _public_page(client)
    published = client.post(reverse("collaboration:undertaking-publish", args=[draft.pk]))
    assert published.status_code == 302
    assert "Utkast till löfte" in _public_page(client)
    client.post(reverse("collaboration:undertaking-withdraw", args=[draft.pk]))
    assert "Utkast till löfte" not in _public_page(client)


def test_editing_a_published_promise_keeps_it_public(client, commitments):  # noqa: F811
    promise = commitments["promise"]
    log_in(client, member(Role.COORDINATOR))
    data = {
        "title": "Tryggare kvällar i Ålidhem", "problem": "Otrygghet kvällstid",
        "agreement": promise.agreement_id, "areas": [commitments["alidhem"].pk],
        "parties": [commitments["kommun"].pk], "valid_from": promise.valid_from.isoformat(),
        "valid_to": promise.valid_to.isoformat(), "status": promise.status,
    }  # fmt: skip
    edited = client.post(reverse("collaboration:undertaking-update", args=[promise.pk]), data)
    assert edited.status_code == 302
    assert "Tryggare kvällar i Ålidhem" in _public_page(client)


# Who may publish a promise or take it off (the kommun's and the police's): written out.
WHO_MAY_PUBLISH = [
    (Role.COORDINATOR, 302),
    (Role.POLITICIAN, 404),
    (Role.POLICE, 404),
    (Role.PARTNER, 404),
    (Role.AUDITOR, 404),
]


@pytest.mark.parametrize(("role", "expected"), WHO_MAY_PUBLISH)
def test_who_may_publish_a_promise(client, commitments, role, expected):  # noqa: F811
    draft = commitments["draft"]
    log_in(client, member(role))
    response = client.post(reverse("collaboration:undertaking-publish", args=[draft.pk]))
    assert response.status_code == expected
    draft.refresh_from_db()
    assert draft.published is (expected == 302)


def test_a_safety_agreement_has_no_public_preview(client, commitments):  # noqa: F811
    log_in(client, member(Role.COORDINATOR))
    safety = commitments["safety"]
    assert (
        client.get(reverse("collaboration:undertaking-preview", args=[safety.pk])).status_code
        == 404
    )
    assert (
        client.post(reverse("collaboration:undertaking-publish", args=[safety.pk])).status_code
        == 404
    )
