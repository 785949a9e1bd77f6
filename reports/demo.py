"""Demo data of reports: the last quarter's follow-up, asked for so a politician has one.

Only queued here; the worker that ``make run`` starts builds it within seconds.
"""

from reports.models import ReportKind, ReportRun
from reports.services import report_quarterly_request
from umebra.access import SYSTEM


def seed() -> None:
    if not ReportRun.objects.filter(kind=ReportKind.QUARTERLY).exists():
        report_quarterly_request(actor=SYSTEM)
