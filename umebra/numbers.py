"""Figures as the reader's language writes them, for pages, charts and reports alike."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import numberformat, translation
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext


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


# Spaces that group thousands: an ordinary one, the no-break space Swedish formats write and
# the narrow no-break space some keyboards and spreadsheets put there.
GROUP_SPACES = " \u00a0\u202f"
_NUMBER = re.compile(
    rf"(?P<sign>[-\u2212])?"
    rf"(?P<whole>\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}})+|\d*)"
    rf"(?:(?P<mark>[.,])(?P<decimals>\d+))?"
)


def parse_number(text: str, language: str | None = None) -> Decimal:
    """The number in ``text`` as a person typed it, in whatever browser: "1 250,50",
    "1250,50" and "1250.50" are all 1250.50.

    How it is read, the same in every language, so that a figure means one thing whoever typed
    it and whatever the browser's locale:

    - a comma **or** a dot is the decimal mark, and there is at most one of them: "1.250" is
      one and a quarter, never a thousand two hundred and fifty;
    - spaces group thousands (an ordinary, a no-break or a narrow no-break space), in groups
      of three before the decimal mark: "1 250", "12 345 678";
    - a leading minus, "-" or the typographic "−", makes it negative.

    Anything else is refused rather than guessed at: "1,250.50" (two kinds of mark: which is
    the decimal?), "1.2.3", "12 50", "1e3". In English, where "1,250" is one thousand two
    hundred and fifty, a comma followed by exactly three digits is refused too, so that an
    English reader's thousands are never read as decimals; ``language`` (the active one when
    ``None``) decides that and the language of the message.

    Raises ``ValueError`` whose message says how to write the number.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    match = _NUMBER.fullmatch(text.strip())
    ambiguous = (
        match is not None
        and match["mark"] == ","
        and len(match["decimals"]) == 3
        and not language.startswith("sv")
    )
    if match is None or not (match["whole"] or match["decimals"]) or ambiguous:
        with translation.override(language):
            raise ValueError(
                gettext("Write a number like 1 250,50 or 1250.50: spaces between thousands, "
                        "a comma or a point before the decimals.")
            )  # fmt: skip
    whole = re.sub(f"[{GROUP_SPACES}]", "", match["whole"]) or "0"
    number = Decimal(f"{whole}.{match['decimals']}" if match["decimals"] else whole)
    return -number if match["sign"] else number


def input_figure(value, places: int) -> str:
    """``value`` as a form field shows it back, so that sending the form again reads the same
    number: the reader's decimal mark, thousands grouped with a no-break space in every
    language (English's grouping comma would read as a decimal comma), whole numbers without
    decimals ("1 250,50", "2")."""
    number = value if isinstance(value, Decimal) else Decimal(f"{value:.12g}")
    rounded = number.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP) if places else number
    if rounded == rounded.to_integral_value():
        rounded, places = rounded.to_integral_value(), 0
    return numberformat.format(
        rounded,
        get_format("DECIMAL_SEPARATOR"),
        places,
        grouping=3,
        thousand_sep="\u00a0",
        force_grouping=True,
    )
