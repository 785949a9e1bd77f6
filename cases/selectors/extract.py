"""The register extract: everything held about one person, and who has read it."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from cases.models import Person
from cases.policy import EXTRACT
from umebra import access
from umebra.audit.models import AccessEvent
from umebra.models import User
from umebra.validators import normalise_personal_number


@dataclass(frozen=True)
class RegisterExtract:
    person: Person
    cases: list
    events: QuerySet[AccessEvent]


def register_extract(*, user: User, personal_number: str) -> RegisterExtract | None:
    """The extract for the person with this number, if the user may make extracts."""
    number = normalise_personal_number(personal_number)
    person = (
        access.restrict(user, Person.objects.all(), EXTRACT)
        .filter(personal_number=number)
        .prefetch_related("guardians")
        .first()
    )
    if person is None:
        return None
    cases = list(
        person.cases.select_related("owner", "owner_organisation").prefetch_related(
            "consents__organisations",
            "consents__signatures__guardian",
            "notes__author_organisation",
            "actions__organisation",
            "disclosures__to_organisation",
            "disclosures__from_organisation",
        )
    )
    about = Q(object_type="cases.person", object_id=str(person.pk)) | Q(
        object_type="cases.sigcase", object_id__in=[str(case.pk) for case in cases]
    )
    events = AccessEvent.objects.filter(about).order_by("occurred_at", "id")
    return RegisterExtract(person=person, cases=cases, events=events)
