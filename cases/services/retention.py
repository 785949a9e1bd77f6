"""Retention (*gallring*): the personal data of a SIG case closed longer than the configured
period is purged; what reports count (area, dates, status) and the fact of the purge stay."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import CaseStatus, Person, SigCase, SigCaseUserObjectPermission
from umebra.access import SYSTEM, record
from umebra.audit.models import AccessAction

PURGED_NAME = "[gallrad]"


def _retention() -> datetime.timedelta:
    return datetime.timedelta(days=365 * settings.UMEBRA_RETENTION_YEARS)


def purge_due(now: datetime.datetime | None = None):
    """Closed cases whose last entry is older than the retention period."""
    now = now or timezone.now()
    return SigCase.objects.filter(status=CaseStatus.CLOSED, last_entry_at__lt=now - _retention())


def purge_date(case: SigCase) -> datetime.date | None:
    """The day a closed case's personal data is purged, if no entry comes first; ``None``
    for a case still open (it is kept while it is worked) or already purged."""
    if case.status != CaseStatus.CLOSED:
        return None
    return timezone.localdate(case.last_entry_at + _retention()) + datetime.timedelta(days=1)


@transaction.atomic
def case_purge(*, case: SigCase) -> None:
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
        SYSTEM,
        AccessAction.DELETE,
        SigCase,
        case.pk,
        reason=_("retention purge of personal data"),
    )


def cases_purge(now: datetime.datetime | None = None) -> int:
    """The scheduled task's work: purge every case due. Each case in its own transaction."""
    count = 0
    for case in purge_due(now):
        case_purge(case=case)
        count += 1
    return count
