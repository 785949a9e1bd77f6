"""The objects that hold one person's data, for the access log's search by person and the
register extract (``umebra.audit.subjects``)."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse

from cases.models import (
    CaseAction,
    CaseNote,
    Consent,
    ConsentSignature,
    DisclosureRecord,
    EmergencyAccess,
    Guardian,
    Person,
    SigCase,
    SigCaseUserObjectPermission,
)
from cases.policy import EXTRACT
from umebra import access
from umebra.audit.models import AccessEvent
from umebra.audit.subjects import Subject
from umebra.validators import normalise_personal_number

# Shorter than this, a name matches too many people to be a search for one.
MIN_NAME_LENGTH = 3

# Each model that holds a person's data, and the path from it to the person.
_HOLDERS = [
    (Guardian, "person"),
    (SigCase, "person"),
    (Consent, "case__person"),
    (ConsentSignature, "consent__case__person"),
    (CaseNote, "case__person"),
    (CaseAction, "case__person"),
    (DisclosureRecord, "case__person"),
    (EmergencyAccess, "case__person"),
]


def people_find(*, user, text: str) -> Subject:
    """Every register's records of the person ``text`` names, by personal identity number
    or by name, among those the user may extract (the auditor's)."""
    people = access.restrict(user, Person.objects.select_related("organisation"), EXTRACT)
    try:
        matched = people.filter(personal_number=normalise_personal_number(text))
    except ValidationError:
        name = " ".join(text.split())
        if len(name) < MIN_NAME_LENGTH:
            return Subject()
        matched = people.filter(name__icontains=name)
    return person_objects(list(matched.order_by("name", "organisation__name")))


def person_objects(people: list[Person]) -> Subject:
    """The records and every object that holds their data, by type."""
    subject = Subject(people=people, extract_url=reverse("cases:register-extract"))
    if not people:
        return subject
    subject.add(Person._meta.label_lower, (p.pk for p in people))
    for model, path in _HOLDERS:
        ids = model.objects.filter(**{f"{path}__in": people}).values_list("pk", flat=True)
        subject.add(model._meta.label_lower, ids)
    # Grants are named ``<case>:<user name>`` in the log, and may be gone from the table.
    grants = Q(pk__in=[])
    for case_id in subject.objects[SigCase._meta.label_lower]:
        grants |= Q(object_id__startswith=f"{case_id}:")
    grant_type = SigCaseUserObjectPermission._meta.label_lower
    subject.add(
        grant_type,
        AccessEvent.objects.filter(grants, object_type=grant_type).values_list(
            "object_id", flat=True
        ),
    )
    return subject


def people_of(*, user, keys: list[tuple[str, str]]) -> Subject:
    """The records (among those the user may extract) whose data the objects ``keys``
    (``(type, id)``) hold."""
    paths = {Person._meta.label_lower: "pk", **{m._meta.label_lower: p for m, p in _HOLDERS}}
    models = {Person._meta.label_lower: Person, **{m._meta.label_lower: m for m, _ in _HOLDERS}}
    ids: dict[str, list[str]] = {}
    for object_type, object_id in keys:
        if object_type in paths and object_id.isdigit():
            ids.setdefault(object_type, []).append(object_id)
    if not ids:
        return Subject()
    held = Q(pk__in=[])
    for object_type, pks in ids.items():
        owners = models[object_type].objects.filter(pk__in=pks).values(paths[object_type])
        held |= Q(pk__in=owners)
    people = access.restrict(user, Person.objects.select_related("organisation"), EXTRACT)
    found = people.filter(held).exclude(personal_number=None).order_by("name")
    return Subject(people=list(found), extract_url=reverse("cases:register-extract"))
