"""Calendar periods as the reader's language names them, the same on every page and report."""

from django.utils.translation import gettext as _


def quarter_label(year: int, quarter: int) -> str:
    """The quarter written out, never "Q4": "2026 kvartal 4" in Swedish, "2026 quarter 4" in
    English, so that a follow-up and the report of its quarter name it alike."""
    return _("%(year)s quarter %(quarter)s") % {"year": year, "quarter": quarter}
