"""The access log's entry in the main menu (gathered by ``umebra.navigation``)."""

from django.utils.translation import gettext_lazy as _

from umebra.audit.models import AccessEvent
from umebra.navigation import Entry

ENTRIES = [Entry(_("Access log"), "audit:event-list", AccessEvent, order=80)]
