"""Report periods: calendar quarters and years."""

import datetime
from dataclasses import dataclass

from umebra.periods import quarter_label


@dataclass(frozen=True)
class Period:
    """A closed range of days a report covers."""

    start: datetime.date
    end: datetime.date

    @property
    def is_quarter(self) -> bool:
        return self == quarter(self.start.year, self.quarter)

    @property
    def quarter(self) -> int:
        return (self.start.month - 1) // 3 + 1

    @property
    def is_year(self) -> bool:
        return self == year(self.start.year)

    @property
    def label(self) -> str:
        if self.is_year:
            return str(self.start.year)
        if self.is_quarter:
            return quarter_label(self.start.year, self.quarter)
        return f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"

    @property
    def slug(self) -> str:
        """The period in a file name, as Swedish writes it: "2026", "2026-k3" (*kvartal*), or
        its first and last day."""
        if self.is_year:
            return str(self.start.year)
        if self.is_quarter:
            return f"{self.start.year}-k{self.quarter}"
        return f"{self.start:%Y-%m-%d}--{self.end:%Y-%m-%d}"

    def previous(self) -> "Period | None":
        """The period just before, to compare with: the quarter or year before; ``None``
        for a range of days, which has no natural predecessor."""
        if self.is_year:
            return year(self.start.year - 1)
        if self.is_quarter:
            return quarter_before(self.start)
        return None

    def year_before(self) -> "Period | None":
        """The same quarter a year before (a year's is its ``previous``)."""
        return quarter(self.start.year - 1, self.quarter) if self.is_quarter else None

    def months(self) -> list[datetime.date]:
        """The first day of each month in the period."""
        months, month = [], self.start.replace(day=1)
        while month <= self.end:
            months.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return months


def quarter(year: int, number: int) -> Period:
    if not 1 <= number <= 4:
        raise ValueError(f"A quarter is 1 to 4, not {number}")
    start = datetime.date(year, 3 * number - 2, 1)
    next_start = datetime.date(year + (number == 4), 1 if number == 4 else 3 * number + 1, 1)
    return Period(start, next_start - datetime.timedelta(days=1))


def year(number: int) -> Period:
    return Period(datetime.date(number, 1, 1), datetime.date(number, 12, 31))


def quarter_before(day: datetime.date) -> Period:
    """The last whole quarter that ended before ``day``."""
    current = (day.month - 1) // 3 + 1
    return quarter(day.year - 1, 4) if current == 1 else quarter(day.year, current - 1)
