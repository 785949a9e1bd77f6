"""Retention (*gallring*): the personal data of a SIG case closed longer than the configured
period is purged; what reports count (area, dates, status) and the fact of the purge stay."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import CaseStatus, Person, SigCase, SigCaseUserObjectPermission
from cases.selectors.retention import purge_due
from umebra.access import SYSTEM, Actor, record
from umebra.audit.models import AccessAction

PURGED_NAME = "[gallrad]"


@transaction.atomic
def case_purge(*, actor: Actor, case: SigCase) -> SigCase:
    """Remove the case's personal data, and the person's once none of their cases keeps it."""
    case = SigCase.objects.select_for_update().get(pk=case.pk)
    case.notes.all().delete()
    case.actions.all().delete()
    case.disclosures.all().delete()
    for consent in case.consents.all():
        if consent.signed_scan:
            consent.signed_scan.delete(save=False)
        consent.signatures.all().delete()
        consent.information, consent.revoked_reason, consent.signed_scan = "", "", ""
        consent.save(update_fields=["information", "revoked_reason", "signed_scan"])
    SigCaseUserObjectPermission.objects.filter(content_object=case).delete()
    case.status = CaseStatus.PURGED
    case.save(update_fields=["status"])
    person = case.person
    if not person.cases.exclude(status=CaseStatus.PURGED).exists():
        person.guardians.all().delete()
        Person.objects.filter(pk=person.pk).update(name=PURGED_NAME, personal_number=None)
    record(
        actor,
        AccessAction.DELETE,
        SigCase,
        case.pk,
        reason=_("retention purge of personal data"),
    )
    return case


def cases_purge(*, now: datetime.datetime | None = None) -> int:
    """The scheduled task's work, for no one: purge every case due, each in its own
    transaction."""
    count = 0
    for case in purge_due(now):
        case_purge(actor=SYSTEM, case=case)
        count += 1
    return count
