"""The summary a report opens with ("Sammanfattning"), written in words from its figures.

A council member reads it first and may read nothing else, so it says how the period went
against the period before and the same quarter a year before, names the largest changes,
the action plan's measures that are off track and what the law's cycle asks next (SFS
2023:196: a situation picture, an action plan adopted, followed up). Every statement ends
with the number of the table that holds its figures. The period's own figures come from
``reports.figures``, as its sections' do, so the words and the tables agree and hide alike.

A protected figure of an earlier period (people, inspected businesses) is the one its own
report printed, never counted afresh: counted again today, after late data or with the
hidden cells chosen otherwise, it could sit beside the published table and tell a hidden
count by subtraction. Where no report printed it, it is not shown.

It is built last, from the sections already built, because it names their tables.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

from collaboration.models import RowStatus
from collaboration.selectors import statistics as stats
from collaboration.selectors.cycle import picture_is_stale
from reports import figures
from reports.figures import Shown
from reports.models import ReportKind
from reports.periods import Period
from reports.selectors import published_figures
from reports.tables import Section, Table, figure


@dataclass(frozen=True)
class Compared:
    """A key figure the summary compares: its label (an msgid, translated where it is
    printed, so that the home page names it in its reader's language), the section that
    prints it, whether it counts people or businesses (``protected``), and whether the home
    page shows it."""

    field: str
    label: str
    anchor: str
    protected: bool = False
    on_home: bool = False


COMPARED = [
    Compared("efforts", gettext_noop("Joint efforts logged"), "efforts", on_home=True),
    Compared("hours", gettext_noop("Hours spent on joint efforts"), "efforts", on_home=True),
    Compared(
        "people_reached", gettext_noop("People reached by joint efforts"), "efforts", on_home=True
    ),
    Compared("observations", gettext_noop("Observations reported"), "observations"),
    Compared("operations_active", gettext_noop("LOS operations under way"), "los", on_home=True),
    Compared("operations_concluded", gettext_noop("LOS operations concluded"), "los"),
    Compared(
        "targets_inspected",
        gettext_noop("Targets inspected in LOS operations, once per agency"),
        "los",
        protected=True,
        on_home=True,
    ),
    Compared(
        "sig_active",
        gettext_noop("SIG cases active at the end of the period"),
        "sig",
        protected=True,
        on_home=True,
    ),
    Compared("sig_opened", gettext_noop("SIG cases opened"), "sig", protected=True),
    Compared("grants_spent", gettext_noop("Granted money spent (SEK)"), "grants"),
    Compared("promises", gettext_noop("Citizen promises in force"), "promises"),
    Compared("agreements", gettext_noop("Safety agreements in force"), "agreements"),
]
HOME_FIGURES = frozenset(c.label for c in COMPARED if c.on_home)
NOT_SHOWN = Shown("–", None)


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
                year_before, _("the same quarter a year before"), _("Same quarter a year before")
            )
        )
    return against


def _percent(change: Decimal, before: Decimal) -> str:
    """The change as a share of before: "24 %", "0,4 %" (never "0 %" for a change)."""
    share = change * 100 / before
    return f"{figure(share, 0 if share >= 1 else 1)} %"


def _change(now: Shown, before: Shown, when: str) -> str | None:
    """ "an increase of 8 (24 %) on the previous quarter (34)"; ``None`` when either figure
    is not shown, which the statement then says once."""
    a, b = now.value, before.value
    if a is None or b is None:
        return None
    parts = {"when": when, "before": before.text, "change": figure(abs(a - b))}
    if a == b:
        return _("unchanged on %(when)s (%(before)s)") % parts
    if not b:
        return _("an increase of %(change)s on %(when)s (%(before)s)") % parts
    parts["percent"] = _percent(abs(a - b), b)
    if a > b:
        return _("an increase of %(change)s (%(percent)s) on %(when)s (%(before)s)") % parts
    return _("a decrease of %(change)s (%(percent)s) on %(when)s (%(before)s)") % parts


def _compared(what: str, now: Shown, before: list[Shown], against: list[_Against]) -> str:
    """One key figure in words: the figure, how it changed, or why that is not said."""
    said = _("%(what)s: %(now)s") % {"what": what, "now": now.text}
    if now.value is None:
        return said + _(", hidden to protect individuals, so not compared")
    changes = [_change(now, b, a.name) for b, a in zip(before, against, strict=True)]
    shown = [change for change in changes if change]
    if shown:
        said += ", " + _(" and ").join(shown)
    if len(shown) < len(changes):
        said += _("; not compared where the figure was hidden or not published")
    return said


def _in_sentence(label: str) -> str:
    """A label inside a sentence: "Rapporterade observationer" as "rapporterade
    observationer", but "SIG-ärenden" and "LOS-insatser" as they are."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _traced(statement: str, table: Table) -> str:
    return _("%(statement)s (table %(number)s).") % {
        "statement": statement,
        "number": table.number,
    }


def number_tables(sections: Sequence[Section]) -> None:
    """Number every table of the report in order, as the PDF prints them."""
    number = 0
    for section in sections:
        for table in section.tables:
            number += 1
            table.number = number


class _Summary:
    """The summary in two passes: each part adds its tables (``gather``), then, once every
    table of the report is numbered, says its statements (``say``) citing them."""

    def __init__(
        self, kind: str, period: Period, sections: Sequence[Section], municipalities: frozenset[int]
    ):
        self.kind, self.period, self.sections = kind, period, sections
        self.municipalities = municipalities
        self.anchors = {section.anchor for section in sections}
        self.against = _compared_with(period)
        self.tables: list[Table] = []
        self.compared = [c for c in COMPARED if c.anchor in self.anchors]
        # Each period's figures, counted once for the key figures and the areas alike.
        self.counted = [
            figures.KeyFigures(p, municipalities)
            for p in (period, *(a.period for a in self.against))
        ]

    def gather(self) -> None:
        self._gather_key_figures()
        self._gather_observations()
        if self.kind != ReportKind.REGIONAL:  # each municipality's is in its own section
            self._gather_cycle()

    def say(self) -> list[str]:
        cycle = self._say_cycle() if self.kind != ReportKind.REGIONAL else []
        return [*self._say_key_figures(), *self._say_observations(), *self._say_grants(),
                *cycle]  # fmt: skip

    # Key figures

    def _values(self, against: _Against, counted: figures.KeyFigures) -> dict[str, Shown]:
        """An earlier period's figures: counted afresh, but a protected one as printed."""
        printed = published_figures(
            kind=self.kind, period=against.period, municipalities=self.municipalities
        )

        def value(c: Compared) -> Shown:
            if not c.protected:
                return getattr(counted, c.field)
            return figures.shown_as(printed[c.label]) if c.label in printed else NOT_SHOWN

        return {c.field: value(c) for c in self.compared}

    def _gather_key_figures(self) -> None:
        if not self.compared:
            self.rows = []
            return
        now, *earlier = self.counted
        self.now = {c.field: getattr(now, c.field) for c in self.compared}
        self.before = [self._values(a, c) for a, c in zip(self.against, earlier, strict=True)]
        self.rows = [
            [self.now[c.field], *(values[c.field] for values in self.before)] for c in self.compared
        ]
        self.key_table = Table(
            _("Key figures compared"),
            [_("Figure"), self.period.label, *(a.column for a in self.against)],
            [
                [_(c.label), *(v.text for v in row)]
                for c, row in zip(self.compared, self.rows, strict=True)
            ],
        )
        self.tables.append(self.key_table)

    def printed(self) -> list[list[str]]:
        """The period's key figures as printed, [msgid, shown], stored with the run: for
        the home page, and for the summaries of later periods."""
        return [[c.label, self.now[c.field].text] for c in self.compared] if self.rows else []

    def _say_key_figures(self) -> list[str]:
        lines, nothing = [], []
        for c, (now, *before) in zip(self.compared, self.rows, strict=True):
            if self.against and all(v.value == 0 for v in (now, *before)):
                nothing.append(_in_sentence(_(c.label)))  # said once, together, below
                continue
            lines.append(_traced(_compared(_(c.label), now, before, self.against), self.key_table))
        if nothing:
            said = _("None in any of the periods compared: %(what)s") % {"what": ", ".join(nothing)}
            lines.append(_traced(said, self.key_table))
        if self.against and (largest := self._largest_change()):
            lines.append(_traced(largest, self.key_table))
        return lines

    def _largest_change(self) -> str | None:
        """The key figure that changed most against the period before, relatively."""
        changes = [
            (abs(now.value - before.value) / before.value, c, now, before)
            for c, (now, before, *_rest) in zip(self.compared, self.rows, strict=True)
            if now.value is not None and before.value and now.value != before.value
        ]
        if not changes:
            return None
        _size, c, now, before = max(changes, key=lambda change: change[0])
        return _("The largest change on %(when)s: %(what)s, from %(before)s to %(now)s") % {
            "when": self.against[0].name,
            "what": _in_sentence(_(c.label)),
            "before": before.text,
            "now": now.text,
        }

    # Observations by area

    def _gather_observations(self) -> None:
        self.moves = []
        if "observations" not in self.anchors or not self.against:
            return
        counts = [counted.by_area for counted in self.counted]
        areas = sorted(set().union(*counts))
        self.area_table = Table(
            _("Observations by area compared"),
            [_("Area"), self.period.label, *(a.column for a in self.against)],
            [[area, *(figure(c.get(area, 0)) for c in counts)] for area in areas],
        )
        self.tables.append(self.area_table)
        now, before = counts[0], counts[1]
        self.moves = [(now.get(a, 0) - before.get(a, 0), a, before.get(a, 0), now.get(a, 0))
                      for a in areas]  # fmt: skip

    def _say_observations(self) -> list[str]:
        if not self.moves:
            return []
        lines = []
        # The largest rise, the largest fall; of equal ones, the first area by name.
        rise = min(self.moves, key=lambda move: (-move[0], move[1]))
        fall = min(self.moves, key=lambda move: (move[0], move[1]))
        parts = {"when": self.against[0].name}
        if rise[0] > 0:
            parts.update(area=rise[1], before=figure(rise[2]), now=figure(rise[3]))
            said = _("Observations rose most in %(area)s against %(when)s: from %(before)s to "
                     "%(now)s")  # fmt: skip
            lines.append(_traced(said % parts, self.area_table))
        if fall[0] < 0:
            parts.update(area=fall[1], before=figure(fall[2]), now=figure(fall[3]))
            said = _("Observations fell most in %(area)s against %(when)s: from %(before)s to "
                     "%(now)s")  # fmt: skip
            lines.append(_traced(said % parts, self.area_table))
        return lines

    # Grants: effect per krona, compared only between projects measured alike

    def _say_grants(self) -> list[str]:
        table = next(
            (s.tables[0] for s in self.sections if s.anchor == "grants" and s.tables), None
        )
        if table is None:
            return []
        best: dict[str, stats.GrantLine] = {}
        for line in stats.grant_spending(
            self.period.start, self.period.end, municipalities=self.municipalities
        ):
            if line.effect_per_thousand is None:
                continue
            if line.outcome_unit not in best or (
                line.effect_per_thousand > best[line.outcome_unit].effect_per_thousand
            ):
                best[line.outcome_unit] = line
        return [
            _traced(
                _(
                    "Most effect per 1,000 SEK among projects measured in %(unit)s: "
                    "%(project)s, %(effect)s %(unit)s per 1,000 SEK"
                )
                % {
                    "project": line.title,
                    "effect": figure(line.effect_per_thousand, 2),
                    "unit": unit,
                },
                table,
            )
            for unit, line in sorted(best.items())
        ]

    # The law's cycle

    def _gather_cycle(self) -> None:
        # The year the sections' picture and plan are read for.
        year = self.period.start.year
        self.picture = stats.picture_for_year(year, municipalities=self.municipalities)
        self.plan = stats.plan_for_year(year, municipalities=self.municipalities)
        rows = list(self.plan.rows.all()) if self.plan else []
        self.red = [row for row in rows if row.status == RowStatus.RED]
        not_adopted = _("not adopted")
        lines = [
            [
                _("Situation picture in force"),
                f"{self.picture.title}, {self.picture.adopted_on:%Y-%m-%d}"
                if self.picture
                else not_adopted,
            ],
            [
                _("Action plan in force"),
                f"{self.plan.title}, {self.plan.adopted_on:%Y-%m-%d}" if self.plan else not_adopted,
            ],
        ]
        if self.plan:
            lines.append([_("Measures of the plan marked red (off track)"), figure(len(self.red))])
            lines.append([_("Measures of the plan"), figure(len(rows))])
        self.plan_rows = len(rows)
        self.cycle_table = Table(_("The law's cycle"), [_("Step"), _("State")], lines)
        self.tables.append(self.cycle_table)
        if self.red:
            self.red_table = Table(
                _("Measures of the plan off track"),
                [_("Measure"), _("Responsible"), _("When")],
                [[row.measure, row.responsible.name, row.when] for row in self.red],
            )
            self.tables.append(self.red_table)

    def _say_cycle(self) -> list[str]:
        lines = []
        # The selectors return adopted documents only, each with its date.
        if self.picture is None:
            lines.append(_("No situation picture has been adopted: the law asks for one first"))
        elif picture_is_stale(self.picture, self.period.end):
            lines.append(
                _(
                    "The situation picture was adopted on %(on)s, more than two years "
                    "before the end of the period: the law's cycle asks for a new one"
                )
                % {"on": f"{self.picture.adopted_on:%Y-%m-%d}"}
            )
        if self.plan is None:
            lines.append(
                _("No action plan has been adopted: the law asks the council to adopt one")
            )
        elif self.red:
            lines.append(
                _("%(red)s of the action plan's %(all)s measures are off track (red): %(measures)s")
                % {
                    "red": len(self.red),
                    "all": self.plan_rows,
                    "measures": "; ".join(row.measure for row in self.red),
                }
            )
        else:
            lines.append(
                _("None of the action plan's %(all)s measures is off track")
                % {"all": self.plan_rows}
            )
        traced = [_traced(line, self.cycle_table) for line in lines]
        if self.red:
            traced.append(
                _traced(_("The measures off track, with who answers for them"), self.red_table)
            )
        return traced


def summary(
    kind: str, period: Period, sections: Sequence[Section], municipalities: frozenset[int]
) -> Section:
    """The first section of a report of ``kind``, from its other ``sections`` (which it
    numbers). Its ``key_figures`` are the period's figures as printed, for the run."""
    gathered = _Summary(kind, period, sections, municipalities)
    gathered.gather()
    against = gathered.against
    if against:
        intro = _("%(period)s against %(against)s. Each statement names the table it is from.") % {
            "period": period.label,
            "against": _(" and ").join(a.full_name for a in against),
        }
    else:
        intro = _("Each statement names the table it is from.")
    section = Section(
        pgettext("report", "Summary"),
        "summary",
        paragraphs=[intro],
        tables=gathered.tables,
        key_figures=gathered.printed(),
    )
    number_tables([section, *sections])
    section.points = gathered.say()
    return section
