"""The cases' entries in the main menu (gathered by ``umebra.navigation``)."""

from django.utils.translation import gettext_lazy as _

from cases.models import Operation, Person, SigCase
from umebra.navigation import Entry

ENTRIES = [
    Entry(_("SIG cases"), "cases:case-list", SigCase, order=25),
    Entry(_("LOS operations"), "cases:operation-list", Operation, order=26),
    Entry(_("Register extract"), "cases:register-extract", Person, order=85),
]
