"""Demo data of reports: the last quarter's follow-up, asked for so a politician has one,
and the county's regional follow-up for länsstyrelsen's county coordinator.

Only queued here; the worker that ``make run`` starts builds them within seconds.
"""

from django.utils import timezone

from reports.models import ReportKind, ReportRun
from reports.periods import quarter_before
from reports.services import report_quarterly_request, report_request
from umebra.access import SYSTEM
from umebra.demo import demo_municipality


def seed() -> None:
    if not ReportRun.objects.filter(kind=ReportKind.QUARTERLY).exists():
        report_quarterly_request(actor=SYSTEM)
    if not ReportRun.objects.filter(kind=ReportKind.REGIONAL).exists():
        report_request(
            actor=SYSTEM,
            kind=ReportKind.REGIONAL,
            period=quarter_before(timezone.localdate()),
            county=demo_municipality().county_code,
        )
