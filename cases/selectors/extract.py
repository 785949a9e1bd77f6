"""The register extract (GDPR article 15): everything held about one person in every
organisation's register, what it is for, who received it, how long it is kept, where it
came from, and everyone who has read it. A reader known only by the e-mail address their
accessibility reports gave has an extract of those reports."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from cases.models import Person, SigCase, SigCaseUserObjectPermission
from cases.policy import EXTRACT
from cases.selectors.retention import purge_date
from cases.subjects import person_objects
from umebra import access
from umebra.accessibility.models import AccessibilityReport
from umebra.accessibility.selectors import (
    accessibility_report_purge_date,
    accessibility_reports_sent_from,
)
from umebra.audit.models import AccessAction, AccessEvent
from umebra.audit.selectors import events_about
from umebra.models import User
from umebra.validators import normalise_personal_number

EXTRACT_REASON = "register extract"
MAX_ID_DIGITS = 18  # a bigint's; a longer number names no record


@dataclass(frozen=True)
class Access:
    """Access to a case given to a named user, or ended: the log keeps it when the grant
    itself is gone (a consent revoked), and article 15 asks for past recipients too."""

    event: AccessEvent
    user: User | None
    given: bool


@dataclass(frozen=True)
class CaseInExtract:
    """One case of the person, with what the extract says of it beyond its content."""

    case: SigCase
    access: list[Access]
    purge_on: datetime.date | None


@dataclass(frozen=True)
class RecordInExtract:
    """One organisation's record of the person, and its cases."""

    person: Person
    cases: list[CaseInExtract]


@dataclass(frozen=True)
class ReportInExtract:
    """One accessibility report the reader sent, and when its words are purged."""

    report: AccessibilityReport
    purge_on: datetime.date


@dataclass(frozen=True)
class RegisterExtract:
    """Every record of one personal number (each organisation keeps its own register),
    with the cases that hold it, the log of who read or changed any of it, and the
    extracts made of it before."""

    records: list[RecordInExtract]
    events: QuerySet[AccessEvent]
    earlier_extracts: QuerySet[AccessEvent]
    #: The accessibility reports that gave the address the extract is made for.
    reports: list[ReportInExtract] = field(default_factory=list)

    @property
    def people(self) -> list[Person]:
        return [record.person for record in self.records]


def extract_number(*, user: User, person_id: str) -> str | None:
    """The personal number of a record the user may extract (the auditor's way from a
    search of the log to the extract, without the number in a URL)."""
    if not str(person_id).isdigit() or len(str(person_id)) > MAX_ID_DIGITS:
        return None
    found = access.restrict(user, Person.objects.all(), EXTRACT).filter(pk=person_id).first()
    return found.personal_number if found else None


def register_extract(*, user: User, personal_number: str) -> RegisterExtract | None:
    """The extract for the person with this number, if the user may make extracts."""
    number = normalise_personal_number(personal_number)
    people = list(
        access.restrict(user, Person.objects.all(), EXTRACT)
        .filter(personal_number=number)
        .select_related("organisation", "area")
        .prefetch_related(
            "guardians",
            Prefetch(
                "cases",
                SigCase.objects.select_related("owner", "owner_organisation").prefetch_related(
                    "consents__organisations",
                    "consents__signatures__guardian",
                    "consents__created_by",
                    "notes__author_organisation",
                    "actions__organisation",
                    "disclosures__to_organisation",
                    "disclosures__from_organisation",
                    "disclosures__decided_by",
                ),
            ),
        )
        .order_by("organisation__name")
    )
    if not people:
        return None
    cases = [case for person in people for case in person.cases.all()]
    access_given = _access_history(cases)
    records = [
        RecordInExtract(
            person=person,
            cases=[
                CaseInExtract(
                    case=case, access=access_given.get(case.pk, []), purge_on=purge_date(case)
                )
                for case in person.cases.all()
            ],
        )
        for person in people
    ]
    events, earlier = _logged(person_objects(people).objects, Person)
    return RegisterExtract(records=records, events=events, earlier_extracts=earlier)


def register_extract_by_email(*, user: User, email: str) -> RegisterExtract | None:
    """The extract for the reader who gave ``email`` in accessibility reports, if the user
    may make extracts: the reports, and who has read them."""
    reports = accessibility_reports_sent_from(user=user, email=email)
    if not reports:
        return None
    ids = {str(report.pk) for report in reports}
    events, earlier = _logged({AccessibilityReport._meta.label_lower: ids}, AccessibilityReport)
    return RegisterExtract(
        records=[],
        reports=[ReportInExtract(r, accessibility_report_purge_date(r)) for r in reports],
        events=events,
        earlier_extracts=earlier,
    )


def _logged(
    objects: dict[str, set[str]], extracted: type[Person] | type[AccessibilityReport]
) -> tuple[QuerySet[AccessEvent], QuerySet[AccessEvent]]:
    """Every event on ``objects``, and those of them that were extracts made before (an
    extract's event names each ``extracted`` object it was made of)."""
    events = AccessEvent.objects.filter(events_about(objects))
    earlier = events.filter(
        action=AccessAction.EXPORT,
        object_type=extracted._meta.label_lower,
        reason__startswith=EXTRACT_REASON,
    )
    return (
        events.select_related("user").prefetch_related("listed").order_by("occurred_at", "id"),
        earlier.order_by("occurred_at", "id"),
    )


def _access_history(cases: list[SigCase]) -> dict[int, list[Access]]:
    """Each case's grants given and ended, from the log (a grant's event names it
    ``<case>:<user name>``)."""
    if not cases:
        return {}
    named = Q(pk__in=[])
    for case in cases:
        named |= Q(object_id__startswith=f"{case.pk}:")
    events = list(
        AccessEvent.objects.filter(
            named,
            object_type=SigCaseUserObjectPermission._meta.label_lower,
            action__in=[AccessAction.CREATE, AccessAction.DELETE],
        ).order_by("occurred_at", "id")
    )
    names = {event.object_id.partition(":")[2] for event in events}
    users = {user.username: user for user in User.objects.filter(username__in=names)}
    history: dict[int, list[Access]] = {}
    for event in events:
        case_id, _colon, username = event.object_id.partition(":")
        history.setdefault(int(case_id), []).append(
            Access(event=event, user=users.get(username), given=event.action == AccessAction.CREATE)
        )
    return history
