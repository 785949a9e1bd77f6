"""Funds and grant applications: every transition, what it needs, and effect per krona."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from collaboration.models import GrantApplication, GrantReport, GrantStatus
from collaboration.selectors.cycle import effect_per_thousand, fund_applications
from collaboration.services import funds as services
from tests.factories import OrganisationFactory, log_in, member, umea
from umebra import access
from umebra.access import SYSTEM
from umebra.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    umea()  # the installation's one municipality, which the system's fund belongs to
    fund = services.fund_create(
        actor=SYSTEM, name="Trygghetsanslaget", year=2026, amount=Decimal(6_000_000)
    )
    return services.application_create(
        actor=SYSTEM,
        fund=fund,
        applicant=OrganisationFactory(name="Fritid"),
        title="Kvällsöppet",
        problem="p",
        measure="m",
        goals="g",
        evaluation="e",
        amount_requested=Decimal(100_000),
    )


def move(application, status, **fields):
    return services.application_transition(
        actor=access.actor_for(member(Role.COORDINATOR)),
        application=application,
        status=status,
        **fields,
    )


def test_the_whole_way_from_received_to_closed(application):
    move(application, GrantStatus.SUPPLEMENT_REQUESTED, note="Budget per aktivitet")
    move(application, GrantStatus.RECEIVED)
    move(application, GrantStatus.PARTLY_GRANTED, amount_granted=Decimal(80_000))
    services.spending_create(
        actor=SYSTEM,
        application=application,
        date=timezone.localdate(),
        amount=Decimal(60_000),
        description="x",
    )
    move(application, GrantStatus.PROGRESS_REPORTED, report="Halvvägs")
    move(
        application,
        GrantStatus.FINAL_REPORTED,
        report="Klart",
        outcome=Decimal(1200),
        outcome_unit="besök",
    )
    final = move(application, GrantStatus.CLOSED)
    assert final.status == GrantStatus.CLOSED
    assert GrantReport.objects.filter(application=application).count() == 2
    row = fund_applications(user=member(Role.COORDINATOR), fund=final.fund).get()
    assert effect_per_thousand(row) == Decimal("20.00")  # 1,200 visits for 60,000 SEK


@pytest.mark.parametrize(
    ("status", "fields", "message"),
    [
        (GrantStatus.PARTLY_GRANTED, {"amount_granted": Decimal(100_000)}, "mindre än det sökta"),
        (GrantStatus.PARTLY_GRANTED, {}, "mindre än det sökta"),
        (GrantStatus.REJECTED, {}, "Ange skälet"),
        (GrantStatus.CLOSED, {}, "kan inte bli"),
        (GrantStatus.FINAL_REPORTED, {"report": "x"}, "kan inte bli"),
    ],
)
def test_a_transition_missing_what_it_needs_is_refused(application, status, fields, message):
    with pytest.raises(ValidationError) as refused:
        move(application, status, **fields)
    assert message in " ".join(refused.value.messages)
    assert GrantApplication.objects.get().status == GrantStatus.RECEIVED


def test_a_final_report_states_the_outcome(application):
    move(application, GrantStatus.GRANTED)
    move(application, GrantStatus.PROGRESS_REPORTED, report="Halvvägs")
    with pytest.raises(ValidationError, match="utfallet"):
        move(application, GrantStatus.FINAL_REPORTED, report="Klart")


def test_rejected_and_closed_are_final(application):
    move(application, GrantStatus.REJECTED, note="Utanför syftet")
    with pytest.raises(ValidationError, match="slutlig"):
        move(application, GrantStatus.GRANTED)


def test_spending_never_exceeds_the_grant(application):
    with pytest.raises(ValidationError, match="medan ett bidrag pågår"):
        services.spending_create(
            actor=SYSTEM,
            application=application,
            date=timezone.localdate(),
            amount=Decimal(1),
            description="x",
        )
    move(application, GrantStatus.GRANTED)
    services.spending_create(
        actor=SYSTEM,
        application=application,
        date=timezone.localdate(),
        amount=Decimal(90_000),
        description="x",
    )
    with pytest.raises(ValidationError, match="100000"):
        services.spending_create(
            actor=SYSTEM,
            application=application,
            date=timezone.localdate(),
            amount=Decimal(20_000),
            description="y",
        )


def test_the_page_refuses_a_transition_with_its_reason(client, application):
    log_in(client, member(Role.COORDINATOR))
    url = reverse("collaboration:application-transition", args=[application.pk])
    response = client.post(url, {"status": "rejected"}, follow=True)
    assert "Ange skälet" in response.content.decode()


# role (of which organisation) × may open the application
@pytest.mark.parametrize(
    ("role", "own", "status"),
    [
        (Role.COORDINATOR, False, 200),
        (Role.POLITICIAN, False, 200),
        (Role.PARTNER, True, 200),
        (Role.PARTNER, False, 404),
        (Role.AUDITOR, False, 404),
    ],
)
def test_who_sees_an_application(client, application, role, own, status):
    log_in(client, member(role, application.applicant if own else None))
    url = reverse("collaboration:application-detail", args=[application.pk])
    assert client.get(url).status_code == status


@pytest.mark.parametrize(
    ("language", "requested", "outcome"),
    [("sv", "100\xa0000 kr", "12\xa0345,5 besök"), ("en", "100,000 kr", "12,345.5 besök")],
)
def test_an_application_page_writes_its_figures_in_the_readers_language(
    client, application, language, requested, outcome
):
    GrantApplication.objects.filter(pk=application.pk).update(
        outcome=Decimal("12345.5"), outcome_unit="besök"
    )
    log_in(client, member(Role.COORDINATOR))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("collaboration:application-detail", args=[application.pk]))
    text = page.content.decode()
    assert f"<dd>{requested}</dd>" in text and f"<dd>{outcome}</dd>" in text
    assert "<dd>–</dd>" in text  # nothing granted yet
