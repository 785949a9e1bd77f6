"""The auditor's pages: search, monthly samples with outcomes, alerts."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory, log_in, member, umea
from umebra import access
from umebra.access import SYSTEM, Actor
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
        actor=Actor(user=user, membership=None),
        action=AccessAction.VIEW,
        object_type="cases.sigcase",
        object_id=object_id,
    )


def search(client, **fields):
    """Post a search as the form does, and read its results page (the redirect)."""
    return client.post(reverse("audit:event-list"), fields, follow=True).content.decode()


def test_the_auditor_searches_by_user_and_object(client, auditor):
    view("polis1", "11")
    view("polis2", "12")
    page = search(client, user="polis1")
    assert "polis1" in page and "SIG-ärende 11" in page
    assert "polis2" not in page
    page = search(client, object_type="cases.sigcase", object_id="12")
    assert "SIG-ärende 12" in page and "SIG-ärende 11" not in page


def test_a_user_is_found_by_their_name_too(client, auditor):
    view("polis1", "11")
    officer = UserFactory(username="polis9", first_name="Anders", last_name="Holm")
    event_record(actor=Actor(user=officer, membership=None), action=AccessAction.VIEW,
                 object_type="cases.sigcase", object_id="19")  # fmt: skip
    page = search(client, user="anders holm")
    assert "SIG-ärende 19" in page and "SIG-ärende 11" not in page


def test_kinds_and_actions_are_chosen_in_words(client, auditor):
    page = client.get(reverse("audit:event-list")).content.decode()
    assert '<option value="cases.sigcase">SIG-ärende</option>' in page
    assert '<option value="view">Läsning</option>' in page


def test_searching_the_log_is_itself_logged(client, auditor):
    search(client, user="polis1")
    event = AccessEvent.objects.filter(user=auditor).get()
    assert (event.object_type, event.reason) == ("audit.accessevent", "log search: user=polis1")


def test_a_search_exports_as_csv(client, auditor):
    view("polis1", "11")
    view("polis2", "12")
    response = client.get(reverse("audit:event-list"), {"user": "polis1", "format": "csv"})
    rows = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and "polis1" in rows[1] and "SIG-ärende 11" in rows[1]
    assert AccessEvent.objects.filter(user=auditor, action=AccessAction.EXPORT).exists()


def test_a_bad_date_range_is_explained(client, auditor):
    page = search(client, date_from="2026-02-01", date_to="2026-01-01")
    assert "slutdatumet" in page.lower()


def test_an_event_reads_in_words(client, auditor):
    event = view("polis1", "11")
    page = client.get(reverse("audit:event-detail", args=[event.pk])).content.decode()
    assert "SIG-ärende 11" in page and "Läsning" in page and event.hash in page


LAST_MONTH = (TODAY.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def in_month(month: datetime.date):
    """The clock on the 15th of ``month``, noon."""
    return time_machine.travel(
        datetime.datetime.combine(
            month.replace(day=15), datetime.time(12), tzinfo=timezone.get_current_timezone()
        ),
        tick=False,
    )


def test_a_sample_draws_events_of_its_month_once(auditor):
    with in_month(LAST_MONTH):
        for n in range(30):
            view("polis1", str(n))
    view("polis1", "this month")
    sample = services.sample_draw(actor=access.actor_for(auditor), month=LAST_MONTH, size=25)
    assert sample.items.count() == 25
    assert len({item.event_id for item in sample.items.all()}) == 25
    assert not sample.items.filter(event__object_id="this month").exists()
    with pytest.raises(ValidationError):
        services.sample_draw(actor=access.actor_for(auditor), month=LAST_MONTH, size=25)


@pytest.mark.parametrize("months_ahead", [0, 1])
def test_a_month_is_sampled_only_once_it_has_ended(auditor, months_ahead):
    """On the 1st, the month that has just begun cannot be drawn: its rest would never be."""
    month = (TODAY.replace(day=1) + datetime.timedelta(days=32 * months_ahead)).replace(day=1)
    with pytest.raises(ValidationError, match="först när månaden är slut"):
        services.sample_draw(actor=access.actor_for(auditor), month=month, size=5)
    assert not AuditSample.objects.exists()


def test_the_auditor_cannot_draw_the_running_month_through_the_page(client, auditor):
    response = client.post(reverse("audit:sample-draw"), {"month": TODAY.strftime("%Y-%m")})
    assert response.status_code == 400
    assert "först när månaden är slut" in response.content.decode()


def test_the_monthly_task_draws_last_months_sample():
    from umebra.audit.tasks import sample_draw_last_month

    umea()
    sample_draw_last_month()
    sample_draw_last_month()
    assert list(AuditSample.objects.values_list("month", flat=True)) == [LAST_MONTH]


def test_on_the_first_the_task_draws_the_month_just_ended_whole():
    """1 January: December is drawn, with its last day in it."""
    from umebra.audit.tasks import sample_draw_last_month

    tz = timezone.get_current_timezone()
    with time_machine.travel(datetime.datetime(2026, 12, 31, 23, 30, tzinfo=tz), tick=False):
        view("polis1", "new year's eve")
    with time_machine.travel(datetime.datetime(2027, 1, 1, 1, 0, tzinfo=tz), tick=False):
        sample_draw_last_month()
    sample = AuditSample.objects.get()
    assert sample.month == datetime.date(2026, 12, 1)
    assert sample.items.filter(event__object_id="new year's eve").exists()


def drawn_last_month(auditor, *events):
    sample = AuditSample.objects.create(municipality=umea(), month=LAST_MONTH, created_by=auditor)
    return [sample.items.create(event=event) for event in events]


def test_the_auditor_records_an_outcome_through_the_page(client, auditor):
    [item] = drawn_last_month(auditor, view("polis1", "11"))
    client.post(
        reverse("audit:sample-item-review", args=[item.pk]),
        {"outcome": ReviewOutcome.FOLLOW_UP, "comment": "Ask why"},
    )
    item.refresh_from_db()
    assert (item.outcome, item.comment, item.reviewed_by) == ("follow_up", "Ask why", auditor)


def test_a_follow_up_without_a_comment_is_refused_with_a_reason(client, auditor):
    [item] = drawn_last_month(auditor, view("polis1", "11"))
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
            actor=Actor(user=officer, membership=None), action=AccessAction.DENIED,
            object_type="collaboration.undertaking", object_id="1", reason=reason,
        )  # fmt: skip
    page = search(client, user="polis3")
    assert "ville ändra" in page and ">change<" not in page
    assert "Den unge nås inte och ägaren är sjuk." in page
    assert AccessEvent.objects.filter(reason="change").exists()  # stored as it was


@pytest.fixture
def auditors(auditor):
    return {"granskare": auditor, "granskare2": member(Role.AUDITOR, username="granskare2")}


def about(auditors, subject: str):
    """An event of the kind ``subject`` names, for the table below."""
    first = auditors["granskare"]
    by, object_type, object_id = {
        "their own read": (first, "cases.person", "1"),
        "their membership": (UserFactory(), "umebra.membership", first.memberships.get().pk),
        "their account": (UserFactory(), "umebra.user", first.pk),
    }.get(subject, (UserFactory(username="polis1"), "cases.sigcase", "11"))
    return event_record(actor=Actor(user=by, membership=None), action=AccessAction.VIEW,
                        object_type=object_type, object_id=str(object_id))  # fmt: skip


# what the sampled event is × what granskare's review answers (status, recorded) × then
# granskare2's: an item granskare may not review waits for granskare2; one granskare has
# reviewed stands.
REVIEWED, REFUSED, STANDS = (302, True), (404, False), (302, False)
SELF_REVIEW = [
    ("their own read", REFUSED, REVIEWED),
    ("their membership", REFUSED, REVIEWED),
    ("their account", REFUSED, REVIEWED),
    ("an officer's read", REVIEWED, STANDS),
]


def reviews_by_each(client, auditors, url: str, reviewed) -> dict[str, int]:
    """Each auditor in turn posts a review of ``reviewed``: the answers, and whether their
    review was the one recorded."""
    answers = {}
    for username, auditor in auditors.items():
        log_in(client, auditor)
        response = client.post(url, {"outcome": ReviewOutcome.JUSTIFIED})
        reviewed.refresh_from_db()
        answers[username] = (response.status_code, reviewed.reviewed_by == auditor)
    return answers


@pytest.mark.parametrize(("subject", "first", "second"), SELF_REVIEW)
def test_no_auditor_reviews_what_concerns_their_own_account(
    client, auditors, subject, first, second
):
    [item] = drawn_last_month(auditors["granskare"], about(auditors, subject))
    page = client.get(reverse("audit:sample-detail", args=[item.sample_id])).content.decode()
    assert ("Väntar på en annan granskare" in page) is (first == REFUSED)
    url = reverse("audit:sample-item-review", args=[item.pk])
    assert reviews_by_each(client, auditors, url, item) == {
        "granskare": first, "granskare2": second
    }  # fmt: skip


# whom the alert is about × granskare's review × then granskare2's
ALERTS = [("granskare", REFUSED, REVIEWED), ("polis1", REVIEWED, STANDS)]


@pytest.mark.parametrize(("whom", "first", "second"), ALERTS)
def test_no_auditor_reviews_an_alert_about_themselves(client, auditors, whom, first, second):
    user = auditors.get(whom) or UserFactory(username=whom)
    alert = services.alert_raise(user=user, description="Roll given")
    url = reverse("audit:alert-review", args=[alert.pk])
    assert reviews_by_each(client, auditors, url, alert) == {
        "granskare": first, "granskare2": second
    }  # fmt: skip


def test_a_review_once_made_stands(client, auditors):
    [item] = drawn_last_month(auditors["granskare"], view("polis1", "11"))
    url = reverse("audit:sample-item-review", args=[item.pk])
    client.post(url, {"outcome": ReviewOutcome.FOLLOW_UP, "comment": "Fråga varför"})
    log_in(client, auditors["granskare2"])
    page = client.post(url, {"outcome": ReviewOutcome.JUSTIFIED}, follow=True).content.decode()
    assert "redan granskats" in page
    item.refresh_from_db()
    assert (item.outcome, item.reviewed_by) == ("follow_up", auditors["granskare"])
    # Each review is itself in the log.
    assert AccessEvent.objects.filter(
        user=auditors["granskare"], object_type="audit.sampleitem", reason="review: follow_up"
    ).exists()


def test_the_kinds_to_choose_from_are_all_in_swedish(client, auditor):
    page = client.get(reverse("audit:event-list")).content.decode()
    for english in ["Access attempt", "Sig case user object permission", "TOTP device",
                    "Session", "Grant tally", "Target value"]:  # fmt: skip
        assert f">{english}<" not in page, english
    assert ">Åtkomst till ärende<" in page and ">Autentiseringsapp<" in page
