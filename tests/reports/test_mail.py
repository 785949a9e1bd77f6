"""A report one asked for is told by e-mail once it is done or failed, once, over a real
SMTP server (the ``smtp_server`` fixture); a report the schedule asked for mails nobody."""

import email
from email import policy

import pytest

from reports import services
from reports.models import ReportKind
from tests.factories import member, umea
from tests.reports.conftest import Q2
from umebra import access
from umebra.access import SYSTEM
from umebra.jobs import JobStatus
from umebra.mail import mail_send_due
from umebra.models import OutgoingMail
from umebra.roles import Role

pytestmark = pytest.mark.django_db


def test_the_requester_is_told_once_that_the_report_is_done(smtp_server):
    coordinator = member(Role.COORDINATOR, username="samordnare")
    run, _new = services.report_request(
        actor=access.actor_for(coordinator), kind=ReportKind.CITIZEN_PROMISES, period=Q2
    )
    assert services.report_build(run_id=run.pk).status == JobStatus.DONE
    assert services.report_build(run_id=run.pk) is None  # the message delivered again
    assert mail_send_due() == 1
    assert mail_send_due() == 0  # the task run again: nothing more goes

    [raw] = smtp_server.received
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["To"] == "samordnare@umebra.example"
    assert message["Subject"] == "Din rapport är klar"
    assert f"http://127.0.0.1:8000/reports/{run.pk}/" in message.get_content()


def test_the_requester_is_told_that_the_report_failed(smtp_server, monkeypatch):
    coordinator = member(Role.COORDINATOR, username="samordnare")
    run, _new = services.report_request(
        actor=access.actor_for(coordinator), kind=ReportKind.CITIZEN_PROMISES, period=Q2
    )

    def broken(html):
        raise RuntimeError("WeasyPrint gave up")

    monkeypatch.setattr(services.pdf, "render_archival_pdf", broken)
    assert services.report_build(run_id=run.pk).status == JobStatus.FAILED
    assert mail_send_due() == 1
    message = email.message_from_bytes(smtp_server.received[0], policy=policy.default)
    assert message["Subject"] == "Din rapport misslyckades"
    # The error is for the report's page, where access decides; not for the mail.
    assert "WeasyPrint" not in message.get_content()


def test_a_scheduled_report_mails_nobody(smtp_server):
    run, _new = services.report_request(
        actor=SYSTEM, kind=ReportKind.CITIZEN_PROMISES, period=Q2, municipality=umea()
    )
    services.report_build(run_id=run.pk)
    assert not OutgoingMail.objects.exists()
