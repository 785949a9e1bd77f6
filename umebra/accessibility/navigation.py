"""The accessibility reports' entry in the main menu (gathered by ``umebra.navigation``)."""

from django.utils.translation import gettext_lazy as _

from umebra.accessibility.models import AccessibilityReport
from umebra.navigation import Entry

ENTRIES = [
    Entry(_("Accessibility reports"), "accessibility-report-list", AccessibilityReport, order=78)
]
