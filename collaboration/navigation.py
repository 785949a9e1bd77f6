"""The collaboration's entries in the main menu (gathered by ``umebra.navigation``)."""

from django.utils.translation import gettext_lazy as _

from collaboration.models import (
    Area,
    CollaborationGroup,
    Fund,
    Indicator,
    JointEffort,
    Observation,
    SituationPicture,
    Undertaking,
)
from umebra.navigation import Entry

ENTRIES = [
    Entry(_("Joint efforts"), "collaboration:effort-list", JointEffort, order=20),
    Entry(_("Observations"), "collaboration:observation-list", Observation, order=30),
    Entry(
        _("Situation picture and plan"), "collaboration:cycle-overview", SituationPicture, order=35
    ),
    Entry(_("Indicators"), "collaboration:indicator-list", Indicator, order=36),
    Entry(_("Agreements and promises"), "collaboration:agreement-list", Undertaking, order=40),
    Entry(_("Collaboration groups"), "collaboration:group-list", CollaborationGroup, order=50),
    Entry(_("Funds"), "collaboration:fund-list", Fund, order=55),
    Entry(_("Areas"), "collaboration:area-list", Area, order=60),
]
