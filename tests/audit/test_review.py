"""The auditor's pages: search, monthly samples with outcomes, alerts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory, log_in, member
from umebra.access import SYSTEM
from umebra.audit import services
from umebra.audit.models import AccessAction, AccessEvent, AuditSample, ReviewOutcome
from umebra.audit.services import event_record
from umebra.roles import Role
from umebra.services import membership_create

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def auditor(client):
    user = member(Role.AUDITOR, username="granskare")
    log_in(client, user)
    return user


def view(username: str, object_id: str) -> AccessEvent:
    """``username`` (a police officer) opened case ``object_id``."""
    user = UserFactory(username=username)
    if not user.memberships.exists():
        membership_create(
            actor=SYSTEM,
            user=user,
            organisation=OrganisationFactory(kind="police"),
            role=Role.POLICE,
        )
    return event_record(
        user=user,
        membership=None,
        action=AccessAction.VIEW,
        object_type="cases.sigcase",
        object_id=object_id,
    )


def test_the_auditor_searches_by_user_and_object(client, auditor):
    view("polis1", "11")
    view("polis2", "12")
    page = client.get(reverse("audit:event-list"), {"username": "polis1"}).content.decode()
    assert "polis1" in page and "#11" in page
    assert "polis2" not in page
    page = client.get(reverse("audit:event-list"), {"object_id": "12"}).content.decode()
    assert "#12" in page and "#11" not in page


def test_searching_the_log_is_itself_logged(client, auditor):
    client.get(reverse("audit:event-list"), {"username": "polis1"})
    event = AccessEvent.objects.filter(user=auditor).get()
    assert (event.object_type, event.reason) == ("audit.accessevent", "username=polis1")


def test_a_bad_date_range_is_explained(client, auditor):
    response = client.get(
        reverse("audit:event-list"), {"date_from": "2026-02-01", "date_to": "2026-01-01"}
    )
    assert "slutdatumet" in response.content.decode().lower()


def test_a_sample_draws_events_of_its_month_once(auditor):
    for n in range(30):
        view("polis1", str(n))
    sample = services.sample_draw(month=TODAY, size=25, drawn_by=auditor)
    assert sample.items.count() == 25
    assert len({item.event_id for item in sample.items.all()}) == 25
    with pytest.raises(ValidationError):
        services.sample_draw(month=TODAY, size=25, drawn_by=auditor)


def test_a_sample_of_a_future_month_is_refused(auditor):
    with pytest.raises(ValidationError):
        services.sample_draw(month=TODAY + datetime.timedelta(days=40), size=5, drawn_by=auditor)


def test_the_monthly_task_draws_last_months_sample():
    from umebra.audit.tasks import sample_draw_last_month

    sample_draw_last_month()
    sample_draw_last_month()
    expected = (TODAY.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    assert list(AuditSample.objects.values_list("month", flat=True)) == [expected]


def test_the_auditor_records_an_outcome_through_the_page(client, auditor):
    view("polis1", "11")
    client.post(reverse("audit:sample-draw"), {"month": TODAY.strftime("%Y-%m")})
    item = AuditSample.objects.get().items.get(event__object_type="cases.sigcase")
    client.post(
        reverse("audit:sample-item-review", args=[item.pk]),
        {"outcome": ReviewOutcome.FOLLOW_UP, "comment": "Ask why"},
    )
    item.refresh_from_db()
    assert (item.outcome, item.comment, item.reviewed_by) == ("follow_up", "Ask why", auditor)


def test_a_follow_up_without_a_comment_is_refused_with_a_reason(client, auditor):
    view("polis1", "11")
    sample = services.sample_draw(month=TODAY, size=5, drawn_by=auditor)
    item = sample.items.get(event__object_type="cases.sigcase")
    response = client.post(
        reverse("audit:sample-item-review", args=[item.pk]),
        {"outcome": ReviewOutcome.FOLLOW_UP, "comment": ""},
        follow=True,
    )
    assert "Beskriv vad som behöver följas upp" in response.content.decode()
    item.refresh_from_db()
    assert item.outcome == ReviewOutcome.PENDING


def test_the_auditors_home_page_shows_what_waits(client, auditor, settings):
    settings.UMEBRA_ALERT_READS = 3
    for n in range(3):
        view("polis1", str(n))
    page = client.get(reverse("home")).content.decode()
    assert "1 larm väntar på granskning" in page


def test_the_codes_own_reasons_read_in_swedish_and_what_people_wrote_as_written(client, auditor):
    officer = UserFactory(username="polis3")
    for reason in ["change", "Den unge nås inte och ägaren är sjuk."]:
        event_record(
            user=officer, membership=None, action=AccessAction.DENIED,
            object_type="collaboration.undertaking", object_id="1", reason=reason,
        )  # fmt: skip
    page = client.get(reverse("audit:event-list"), {"username": "polis3"}).content.decode()
    assert "ville ändra" in page and ">change<" not in page
    assert "Den unge nås inte och ägaren är sjuk." in page
    assert AccessEvent.objects.filter(reason="change").exists()  # stored as it was
