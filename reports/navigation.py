"""The reports' entry in the main menu (gathered by ``umebra.navigation``)."""

from django.utils.translation import gettext_lazy as _

from reports.models import ReportRun
from umebra.navigation import Entry

ENTRIES = [
    Entry(_("Reports"), "reports:report-list", ReportRun, order=70),
    Entry(_("Municipalities in the cycle"), "reports:cycle", ReportRun, order=71),
]
