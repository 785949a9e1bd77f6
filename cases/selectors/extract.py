"""The register extract: everything held about one person, and who has read it."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from cases.models import Person, SigCase
from cases.policy import EXTRACT
from umebra import access
from umebra.audit.models import AccessEvent
from umebra.models import User
from umebra.validators import normalise_personal_number


@dataclass(frozen=True)
class RegisterExtract:
    """Every record of one personal number (each organisation keeps its own register),
    with the cases that hold it, and the log of who read or changed any of it."""

    people: list[Person]
    events: QuerySet[AccessEvent]


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
                    "notes__author_organisation",
                    "actions__organisation",
                    "disclosures__to_organisation",
                    "disclosures__from_organisation",
                ),
            ),
        )
        .order_by("organisation__name")
    )
    if not people:
        return None
    about = Q(object_type="cases.person", object_id__in=[str(p.pk) for p in people]) | Q(
        object_type="cases.sigcase",
        object_id__in=[str(case.pk) for person in people for case in person.cases.all()],
    )
    events = AccessEvent.objects.filter(about).order_by("occurred_at", "id")
    return RegisterExtract(people=people, events=events)
