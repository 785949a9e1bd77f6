"""Figures as the reader's language writes them, for pages, charts and reports alike."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format


def figure(value, places: int | None = None) -> str:
    """``value`` with the reader's decimal mark and thousands grouped ("12 345", "2,5" in
    Swedish): with as many decimals as it needs when ``places`` is ``None`` (twelve significant
    digits at most, so float noise never shows), else rounded half up, as people round, to
    ``places`` decimals. A negative ``places`` keeps that many decimals but drops them from a
    whole number ("2 h", "1 200,50 kr"), so that whole figures are not padded with zeros."""
    if places is None:
        return number_format(Decimal(f"{value:.12g}"), None, force_grouping=True)
    # A float through its shortest digits, so that 0.15 rounds as written, not as stored.
    number = value if isinstance(value, Decimal) else Decimal(f"{value:.12g}")
    rounded = number.quantize(Decimal(1).scaleb(-abs(places)), ROUND_HALF_UP)
    if places < 0 and rounded == rounded.to_integral_value():
        places = 0
    return number_format(rounded, abs(places), force_grouping=True)
