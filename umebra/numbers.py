"""Figures as the reader's language writes them, for pages, charts and reports alike."""

from decimal import Decimal

from django.utils.formats import number_format


def figure(value, places: int | None = None) -> str:
    """``value`` with the reader's decimal mark and thousands grouped ("12 345", "2,5" in
    Swedish): rounded to ``places`` decimals, or with as many as it needs when ``places`` is
    ``None`` (twelve significant digits at most, so float noise never shows)."""
    if places is None:
        return number_format(Decimal(f"{value:.12g}"), None, force_grouping=True)
    return number_format(round(Decimal(value), places), places, force_grouping=True)
