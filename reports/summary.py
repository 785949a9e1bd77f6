"""The summary a report opens with ("Sammanfattning"), written in words from its figures.

A council member reads it first and may read nothing else, so it says how the period went
against the period before and the same quarter a year before, names the largest changes,
the action plan's measures that are off track and what the law's cycle asks next (SFS
2023:196: a situation picture, an action plan adopted, followed up). Every statement ends
with the number of the table that holds its figures, and every figure is taken from
``reports.figures``, the same place the sections take theirs, so the words cannot disagree
with the tables and hide what the tables hide.

It is built last, from the sections already built, because it names their tables.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

from collaboration.models import RowStatus
from collaboration.selectors import statistics as stats
from collaboration.selectors.cycle import picture_is_stale
from reports import figures
from reports.periods import Period
from reports.tables import Section, Table, figure
from umebra.numbers import parse_number


@dataclass(frozen=True)
class Compared:
    """A key figure the summary compares: its label (translated where it is printed, so
    that the home page names it in its reader's language), the section that prints it, and
    whether the home page shows it."""

    field: str
    label: str
    anchor: str
    on_home: bool = False


COMPARED = [
    Compared("efforts", gettext_noop("Joint efforts logged"), "efforts", on_home=True),
    Compared("hours", gettext_noop("Hours spent on joint efforts"), "efforts", on_home=True),
    Compared("people_reached", gettext_noop("People reached by joint efforts"), "efforts", True),
    Compared("observations", gettext_noop("Observations reported"), "observations"),
    Compared("operations_active", gettext_noop("LOS operations under way"), "los", True),
    Compared("operations_concluded", gettext_noop("LOS operations concluded"), "los"),
    Compared(
        "targets_inspected",
        gettext_noop("Targets inspected in LOS operations, once per agency"),
        "los",
        on_home=True,
    ),
    Compared("sig_active", gettext_noop("SIG cases active at the end of the period"), "sig", True),
    Compared("sig_opened", gettext_noop("SIG cases opened"), "sig"),
    Compared("grants_spent", gettext_noop("Granted money spent (SEK)"), "grants"),
    Compared("promises", gettext_noop("Citizen promises in force"), "promises"),
    Compared("agreements", gettext_noop("Safety agreements in force"), "agreements"),
]


def _number(shown: str) -> Decimal | None:
    """A printed figure as a number; ``None`` for a hidden one ("<5", "×")."""
    try:
        return parse_number(shown)
    except (ValueError, InvalidOperation):
        return None


@dataclass(frozen=True)
class _Against:
    """A period compared with, as the summary names it: "föregående kvartal" in its
    statements, with its label where the summary first names it, and in its table."""

    period: Period
    name: str  # "the previous quarter"
    column: str  # the table's column heading

    @property
    def full_name(self) -> str:
        return f"{self.name} ({self.period.label})"


def _compared_with(period: Period) -> list[_Against]:
    against = []
    if (previous := period.previous()) is not None:
        if period.is_year:
            against.append(_Against(previous, _("the previous year"), _("Previous year")))
        else:
            against.append(_Against(previous, _("the previous quarter"), _("Previous quarter")))
    if (year_before := period.year_before()) is not None:
        against.append(
            _Against(
                year_before,
                _("the same quarter a year before"),
                _("Same quarter a year before"),
            )
        )
    return against


def _change(now: str, before: str, when: str) -> str | None:
    """ "an increase of 8 (24 %) on the previous quarter (34)"; ``None`` when either figure
    is hidden, which the statement then says once."""
    a, b = _number(now), _number(before)
    if a is None or b is None:
        return None
    parts = {"when": when, "before": before, "change": figure(abs(a - b))}
    if a == b:
        return _("unchanged on %(when)s (%(before)s)") % parts
    parts["percent"] = f"{figure(abs(a - b) * 100 / b, 0)} %" if b else ""
    if a > b:
        if b:
            return _("an increase of %(change)s (%(percent)s) on %(when)s (%(before)s)") % parts
        return _("an increase of %(change)s on %(when)s (%(before)s)") % parts
    return _("a decrease of %(change)s (%(percent)s) on %(when)s (%(before)s)") % parts


def _compared(what: str, now: str, before: list[str], against: list[_Against]) -> str:
    """One key figure in words: the figure, how it changed, or why that is not said."""
    changes = [_change(now, b, a.name) for b, a in zip(before, against, strict=True)]
    said = _("%(what)s: %(now)s") % {"what": what, "now": now}
    if _number(now) is None:
        return said + _(", hidden to protect individuals, so not compared")
    shown = [change for change in changes if change]
    if shown:
        said += ", " + _(" and ").join(shown)
    if len(shown) < len(changes):
        said += _("; not compared where the figure was hidden")
    return said


def _table_number(sections: Sequence[Section], anchor: str) -> int | None:
    """The number of the first table of the section ``anchor``, if the report has it."""
    section = next((s for s in sections if s.anchor == anchor and s.tables), None)
    return section.tables[0].number if section else None


def _in_sentence(label: str) -> str:
    """A label inside a sentence: "Rapporterade observationer" as "rapporterade
    observationer", but "SIG-ärenden" and "LOS-insatser" as they are."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _traced(statement: str, number: int) -> str:
    return _("%(statement)s (table %(number)s).") % {"statement": statement, "number": number}


def number_tables(sections: Sequence[Section]) -> None:
    """Number every table of the report in order, as the PDF prints them."""
    number = 0
    for section in sections:
        for table in section.tables:
            number += 1
            table.number = number


class _Summary:
    """The summary's tables and statements, gathered in the order a reader meets them."""

    def __init__(self, period: Period, sections: Sequence[Section]):
        self.period, self.sections = period, sections
        self.anchors = {section.anchor for section in sections}
        self.against = _compared_with(period)
        self.tables: list[Table] = []
        self.statements: list[Callable[[], list[str]]] = []

    def table(self, table: Table) -> Callable[[], int]:
        """Adds a table; returns how to ask for its number once all are numbered."""
        self.tables.append(table)
        return lambda: table.number

    def key_figures(self) -> list[list[str]]:
        """The key figures table and a statement per figure; returns the home page's."""
        compared = [c for c in COMPARED if c.anchor in self.anchors]
        if not compared:
            return []
        periods = [self.period, *(a.period for a in self.against)]
        values = [figures.KeyFigures(p) for p in periods]
        rows = [[_(c.label), *(getattr(v, c.field) for v in values)] for c in compared]
        number = self.table(
            Table(
                _("Key figures compared"),
                [_("Figure"), self.period.label, *(a.column for a in self.against)],
                rows,
            )
        )

        def statements() -> list[str]:
            lines = []
            nothing = []  # figures that are nought in every period: said once, together
            for c, (_label, now, *before) in zip(compared, rows, strict=True):
                if {now, *before} == {"0"}:
                    nothing.append(_in_sentence(_(c.label)))
                    continue
                lines.append(_traced(_compared(_(c.label), now, before, self.against), number()))
            if nothing:
                said = _("None in any of the periods compared: %(what)s") % {
                    "what": ", ".join(nothing)
                }
                lines.append(_traced(said, number()))
            if self.against and (largest := self._largest_change(compared, rows)):
                lines.append(_traced(largest, number()))
            return lines

        self.statements.append(statements)
        return [[c.label, getattr(values[0], c.field)] for c in compared if c.on_home]

    def _largest_change(self, compared: list[Compared], rows: list[list[str]]) -> str | None:
        """The key figure that changed most against the period before, relatively."""
        name = self.against[0].name
        changes = []
        for c, (_label, now, before, *_rest) in zip(compared, rows, strict=True):
            a, b = _number(now), _number(before)
            if a is not None and b and a != b:
                changes.append((abs(a - b) / b, c, now, before))
        if not changes:
            return None
        _size, c, now, before = max(changes, key=lambda change: change[0])
        return _("The largest change on %(when)s: %(what)s, from %(before)s to %(now)s") % {
            "when": name,
            "what": _in_sentence(_(c.label)),
            "before": before,
            "now": now,
        }

    def observations(self) -> None:
        """Observations per area in each period compared, and where they rose and fell most."""
        if "observations" not in self.anchors or not self.against:
            return
        periods = [self.period, *(a.period for a in self.against)]
        counts = [figures.observations_by_area(p) for p in periods]
        areas = sorted(counts[0])
        number = self.table(
            Table(
                _("Observations by area compared"),
                [_("Area"), self.period.label, *(a.column for a in self.against)],
                [[area, *(figure(c.get(area, 0)) for c in counts)] for area in areas],
            )
        )
        now, before = counts[0], counts[1]
        moves = sorted(((now[a] - before.get(a, 0), a) for a in areas), key=lambda m: m[0])

        def statements() -> list[str]:
            lines = []
            if moves and moves[-1][0] > 0:
                area = moves[-1][1]
                lines.append(
                    _traced(
                        _("Observations rose most in %(area)s: from %(before)s to %(now)s")
                        % {"area": area, "before": before.get(area, 0), "now": now[area]},
                        number(),
                    )
                )
            if moves and moves[0][0] < 0:
                area = moves[0][1]
                lines.append(
                    _traced(
                        _("Observations fell most in %(area)s: from %(before)s to %(now)s")
                        % {"area": area, "before": before.get(area, 0), "now": now[area]},
                        number(),
                    )
                )
            return lines

        self.statements.append(statements)

    def grants(self) -> None:
        """The project with the most effect per krona, from the grants section's table."""
        if "grants" not in self.anchors:
            return
        best = max(
            (
                g
                for g in stats.grant_spending(self.period.start, self.period.end)
                if g.effect_per_thousand is not None
            ),
            key=lambda g: g.effect_per_thousand,
            default=None,
        )
        if best is None:
            return

        def statements() -> list[str]:
            number = _table_number(self.sections, "grants")
            said = _(
                "Most effect per 1,000 SEK: %(project)s, %(effect)s %(unit)s per 1,000 SEK"
            ) % {
                "project": best.title,
                "effect": figure(best.effect_per_thousand, 2),
                "unit": best.outcome_unit,
            }
            return [_traced(said, number)] if number else []

        self.statements.append(statements)

    def cycle(self) -> None:
        """Where the municipality stands in the law's cycle, and what it asks next."""
        end = self.period.end
        picture = stats.picture_for_year(end.year)
        plan = stats.plan_for_year(end.year)
        red = [row for row in plan.rows.all() if row.status == RowStatus.RED] if plan else []
        not_adopted = _("not adopted")
        rows = [
            [
                _("Situation picture in force"),
                f"{picture.title}, {picture.adopted_on:%Y-%m-%d}"
                if picture and picture.adopted_on
                else not_adopted,
            ],
            [
                _("Action plan in force"),
                f"{plan.title}, {plan.adopted_on:%Y-%m-%d}"
                if plan and plan.adopted_on
                else not_adopted,
            ],
        ]
        if plan:
            rows.append([_("Measures of the plan marked red (off track)"), f"{len(red)}"])
            rows.append([_("Measures of the plan"), f"{len(plan.rows.all())}"])
        number = self.table(Table(_("The law's cycle"), [_("Step"), _("State")], rows))
        if red:
            red_number = self.table(
                Table(
                    _("Measures of the plan off track"),
                    [_("Measure"), _("Responsible"), _("When")],
                    [[row.measure, row.responsible.name, row.when] for row in red],
                )
            )

        def statements() -> list[str]:
            lines = []
            if picture is None or picture.adopted_on is None:
                lines.append(_("No situation picture has been adopted: the law asks for one first"))
            elif picture_is_stale(picture, end):
                lines.append(
                    _(
                        "The situation picture was adopted on %(on)s, more than two years "
                        "before the end of the period: the law's cycle asks for a new one"
                    )
                    % {"on": f"{picture.adopted_on:%Y-%m-%d}"}
                )
            if plan is None:
                lines.append(
                    _("No action plan has been adopted: the law asks the council to adopt one")
                )
            elif red:
                lines.append(
                    _(
                        "%(red)s of the action plan's %(all)s measures are off track (red): "
                        "%(measures)s"
                    )
                    % {
                        "red": len(red),
                        "all": len(plan.rows.all()),
                        "measures": "; ".join(row.measure for row in red),
                    }
                )
            else:
                lines.append(
                    _("None of the action plan's %(all)s measures is off track")
                    % {"all": len(plan.rows.all())}
                )
            traced = [_traced(line, number()) for line in lines]
            if red:
                traced.append(
                    _traced(_("The measures off track, with who answers for them"), red_number())
                )
            return traced

        self.statements.append(statements)


def summary(period: Period, sections: Sequence[Section]) -> Section:
    """The report's first section, from its other ``sections`` (which it numbers)."""
    gathered = _Summary(period, sections)
    home = gathered.key_figures()
    gathered.observations()
    gathered.grants()
    gathered.cycle()
    against = gathered.against
    if against:
        intro = _("%(period)s against %(against)s. Each statement names the table it is from.") % {
            "period": period.label,
            "against": _(" and ").join(a.full_name for a in against),
        }
    else:
        intro = _("Each statement names the table it is from.")
    section = Section(
        pgettext("report", "Summary"), "summary", tables=gathered.tables, key_figures=home
    )
    number_tables([section, *sections])
    section.paragraphs = [intro]
    section.points = [line for statements in gathered.statements for line in statements()]
    return section
