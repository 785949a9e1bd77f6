"""Calendar periods as the reader's language names them, the same on every page and report."""

import datetime

from django.utils.translation import gettext as _


def quarter_label(year: int, quarter: int) -> str:
    """The quarter written out, never "Q4": "2026 kvartal 4" in Swedish, "2026 quarter 4" in
    English, so that a follow-up and the report of its quarter name it alike."""
    return _("%(year)s quarter %(quarter)s") % {"year": year, "quarter": quarter}


def is_preliminary(end: datetime.date, data_until: datetime.date) -> bool:
    """Whether figures of a period ending on ``end``, read from data up to ``data_until``,
    are preliminary: the data was read before the period was over (on its last day too, as
    that day was not over). Figures read during a quarter stay preliminary after it ends,
    for what was recorded later is not in them."""
    return data_until <= end


def preliminary_label(data_until: datetime.date) -> str:
    """The mark beside such figures, wherever they are shown: "preliminär, data t.o.m.
    2026-12-02"."""
    return _("preliminary, data up to %(date)s") % {"date": f"{data_until:%Y-%m-%d}"}
