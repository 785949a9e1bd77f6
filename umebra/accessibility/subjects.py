"""The readers whose accessibility reports hold their e-mail address, for the access log's
search by person and the register extract (``umebra.audit.subjects``): the address is all
that names a reader who was not logged in."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import reverse

from umebra.accessibility.models import AccessibilityReport
from umebra.accessibility.selectors import (
    accessibility_report_senders,
    accessibility_reports_sent_from,
)
from umebra.audit.subjects import Subject

REPORT_TYPE = AccessibilityReport._meta.label_lower


@dataclass(frozen=True)
class ReportSender:
    """A reader known by the address their reports gave; the extract is asked for by it."""

    email: str


def _subject(senders: list[ReportSender]) -> Subject:
    # The register extract is the cases app's page; named by URL, as the core names apps.
    return Subject(people=list(senders), extract_url=reverse("cases:register-extract"))


def senders_find(*, user, text: str) -> Subject:
    """The reports that gave the address ``text``, if it is one."""
    email = text.strip()
    try:
        validate_email(email)
    except ValidationError:
        return Subject()
    reports = accessibility_reports_sent_from(user=user, email=email)
    if not reports:
        return Subject()
    subject = _subject([ReportSender(email=reports[0].contact_email.lower())])
    subject.add(REPORT_TYPE, (report.pk for report in reports))
    subject.stand_ins = list(reports)
    return subject


def senders_of(*, user, keys: list[tuple[str, str]]) -> Subject:
    """The readers whose address the reports among ``keys`` (``(type, id)``) hold."""
    ids = [object_id for object_type, object_id in keys if object_type == REPORT_TYPE]
    if not ids:
        return Subject()
    emails = accessibility_report_senders(user=user, ids=ids)
    return _subject([ReportSender(email=email) for email in emails]) if emails else Subject()
