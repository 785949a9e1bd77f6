"""A form sent twice (a double click, a retry) makes one record, not two."""

import re

import pytest
from django.urls import reverse

from collaboration.models import Area, JointEffort
from tests.factories import OrganisationFactory, log_in, member, umea
from umebra.models import Submission
from umebra.roles import Role
from umebra.submissions import FIELD, submissions_forget

pytestmark = pytest.mark.django_db


def _effort_form(client) -> dict:
    page = client.get(reverse("collaboration:effort-create")).content.decode()
    token = re.search(rf'name="{FIELD}" value="([0-9a-f-]+)"', page).group(1)
    area = Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9000)
    organisation = OrganisationFactory(name="Fritid")
    return {
        FIELD: token, "date": "2026-11-20", "kind": "dialogue", "description": "Dialogmöte",
        "areas": [area.pk], "organisations": [organisation.pk], "hours": "2", "cost": "0",
        "people_reached": "5",
    }  # fmt: skip


def test_sending_the_same_form_twice_makes_one_record(client, coordinator):
    data = _effort_form(client)
    first = client.post(reverse("collaboration:effort-create"), data)
    second = client.post(reverse("collaboration:effort-create"), data)
    assert first.status_code == second.status_code == 302
    assert second.url == first.url  # led to what the first one made
    assert JointEffort.objects.count() == 1


def test_a_form_sent_while_the_first_is_still_handled_is_told_so(client, coordinator):
    data = _effort_form(client)
    Submission.objects.create(token=data[FIELD], user=coordinator)  # the first, not done yet
    response = client.post(reverse("collaboration:effort-create"), data)
    assert response.status_code == 409
    assert not JointEffort.objects.exists()


def test_a_form_with_errors_can_be_corrected_and_sent_again(client, coordinator):
    data = _effort_form(client)
    refused = client.post(reverse("collaboration:effort-create"), {**data, "kind": "nonsense"})
    assert refused.status_code == 400
    assert client.post(reverse("collaboration:effort-create"), data).status_code == 302
    assert JointEffort.objects.count() == 1


def test_a_form_sent_after_the_session_expired_can_be_sent_again_after_logging_in(
    client, coordinator
):
    data = _effort_form(client)
    client.logout()
    to_login = client.post(reverse("collaboration:effort-create"), data)
    assert to_login.status_code == 302 and to_login.url.startswith(reverse("login"))
    log_in(client, coordinator)
    assert client.post(reverse("collaboration:effort-create"), data).status_code == 302
    assert JointEffort.objects.count() == 1


def test_someone_else_sending_the_same_token_is_not_led_to_the_first_senders_record(
    client, coordinator
):
    data = _effort_form(client)
    first = client.post(reverse("collaboration:effort-create"), data)
    log_in(client, member(Role.COORDINATOR))
    second = client.post(reverse("collaboration:effort-create"), data)
    assert second.status_code == 409
    assert first.url not in second.content.decode()
    assert JointEffort.objects.count() == 1


def test_old_tokens_are_forgotten(coordinator):
    import datetime

    from django.utils import timezone

    Submission.objects.create(token="8f7e1b7e-0000-4000-8000-000000000001", user=coordinator)
    assert submissions_forget(timezone.now() + datetime.timedelta(days=2)) == 1
