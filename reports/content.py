"""What each kind of report contains, assembled from the apps' statistics selectors.

Each kind is a list of section builders; the task runs them one by one and reports its
progress between them. A builder receives the period and returns a :class:`Section` of
display strings and charts, every count already through small-count suppression. The
summary each report opens with is built after them, from them (``reports.summary``).
"""

from collections.abc import Callable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.selectors import statistics as cases_stats
from collaboration.models import UndertakingKind
from collaboration.selectors import statistics as stats
from reports import county, figures
from reports.models import ReportKind
from reports.periods import Period
from reports.suppression import HIDDEN, threshold
from reports.tables import Section, Table, count_table, counts_with_amounts, figure
from umebra.charts import Shape, bar_chart, choropleth, horizontal_bar_chart, small_multiples

Builder = Callable[[Period, frozenset[int]], Section]


def _efforts_by_month(
    period: Period, municipalities: frozenset[int]
) -> tuple[list, list[int], int]:
    """The period's months, the efforts logged in each and in all."""
    per_month = stats.efforts_by_month(period.start, period.end, municipalities=municipalities)
    months = period.months()
    monthly = [per_month.get(month, 0) for month in months]
    return months, monthly, sum(monthly)


def efforts(period: Period, municipalities: frozenset[int]) -> Section:
    table, by_kind = count_table(
        _("Joint efforts by kind and organisation taking part"),
        stats.efforts_by_kind_and_organisation(
            period.start, period.end, municipalities=municipalities
        ),
        corner=_("Kind"),
        total=_("All organisations"),
        protect=False,  # the parties' own work, not counts of people
    )
    months, monthly, total = _efforts_by_month(period, municipalities)
    totals = stats.effort_totals(period.start, period.end, municipalities=municipalities)
    return Section(
        _("Joint efforts"),
        "efforts",
        paragraphs=[
            _(
                "%(efforts)s joint efforts were logged, %(hours)s hours in all, at a cost of "
                "%(cost)s SEK. In the table, an effort with several organisations counts once "
                "for each."
            )
            % {
                "efforts": figure(total),
                "hours": figure(totals.hours),
                "cost": figure(totals.cost),
            }
        ],
        tables=[table],
        charts=[
            horizontal_bar_chart(
                title=_("Joint efforts by kind, %(period)s") % {"period": period.label},
                labels=list(by_kind),
                values=[int(v) for v in by_kind.values()],  # efforts: never hidden
                unit=_("efforts, counted once for each organisation taking part"),
            ),
            bar_chart(
                title=_("Joint efforts by month, %(period)s") % {"period": period.label},
                labels=[f"{month:%Y-%m}" for month in months],
                values=monthly,
                unit=_("joint efforts"),
            ),
        ],
    )


def observations(period: Period, municipalities: frozenset[int]) -> Section:
    """Observations by area and kind, whole (they hold no personal data), and the map of
    each area's total per 1,000 residents."""
    counts = stats.observations_by_kind_and_area(
        period.start, period.end, municipalities=municipalities
    )
    table, by_area = count_table(
        _("Observations by area and kind"),
        {(area, kind): n for (kind, area), n in counts.items()},
        corner=_("Area"),
        total=_("All kinds"),
        protect=False,  # what was seen where: no person and no business in them
    )
    areas = stats.areas(municipalities=municipalities)
    counts_by_area = {area.name: int(by_area.get(area.name, 0)) for area in areas}
    rates = {area.name: area.per_thousand(counts_by_area[area.name]) for area in areas}
    # Seen there, but with no residents recorded to count per 1,000 of: no rate, said so.
    unrated = [
        area.name for area in areas if counts_by_area[area.name] and rates[area.name] is None
    ]
    shapes = [Shape(area.name, area.boundary) for area in areas if area.boundary]
    return Section(
        _("Observations"),
        "observations",
        paragraphs=[
            _(
                "Observations reported by the parties in the field, as in the EST method. "
                "They hold no personal data and are shown whole. On the map an area with "
                "none is dotted and named in the legend, never coloured as the lowest class."
            )
        ],
        tables=[table],
        charts=[
            choropleth(
                title=_("Observations per 1,000 residents by area, %(period)s")
                % {"period": period.label},
                shapes=shapes,
                values={name: rate for name, rate in rates.items() if rate is not None},
                unit=_("observations per 1,000 residents"),
                empty_label=_("no observations"),
                hidden=unrated,
                hidden_label=_("no residents recorded"),
            )
        ],
    )


def indicators(period: Period, municipalities: frozenset[int]) -> Section:
    """Trends over the twelve months up to the period's end."""
    start = period.end.replace(day=1).replace(year=period.end.year - 1)
    charts = []
    for trend in stats.indicator_trends(start, period.end, municipalities=municipalities):
        charts.append(
            small_multiples(
                title=_("%(indicator)s by area, %(first)s to %(last)s")
                % {
                    "indicator": trend.indicator.name,
                    "first": f"{trend.periods[0]:%Y-%m}",
                    "last": f"{trend.periods[-1]:%Y-%m}",
                },
                labels=[f"{p:%Y-%m}" for p in trend.periods],
                series=trend.lines,
                unit=trend.indicator.unit,
                # Two to a row (report.css): the same print size, half the pages.
                width=360,
                height=200,
            )
        )
    return Section(
        _("Indicators"),
        "indicators",
        paragraphs=[
            _("Each indicator per area over the twelve months up to the end of the period.")
            if charts
            else _("No indicator values were recorded for the period.")
        ],
        charts=charts,
    )


def los(period: Period, municipalities: frozenset[int]) -> Section:
    outcomes = cases_stats.los_outcomes(period.start, period.end, municipalities=municipalities)
    targets_table = figures.targets_table(
        _("Targets of the operations by kind"), outcomes.targets_by_kind, corner=_("Kind")
    )
    measures_table = counts_with_amounts(
        _("Targets of measures by kind, with amounts"),
        outcomes.targets_with_measures_by_kind,
        outcomes.amounts_by_kind,
        columns=[_("Measure"), _("Targets"), _("Amount (SEK)")],
        total=_("Total"),
    )
    return Section(
        _("Local operational cooperation (LOS)"),
        "los",
        paragraphs=[
            _(
                "Operations under way in the period: %(active)s; concluded in it: "
                "%(concluded)s. A target inspected by several agencies, or met with several "
                "kinds of measure, counts once for each. Targets, intelligence and findings "
                "stay in the operations; only counts are reported."
            )
            % {
                "active": figure(outcomes.operations_active),
                "concluded": figure(outcomes.operations_concluded),
            }
        ],
        tables=[targets_table, figures.inspections_table(outcomes), measures_table],
    )


def sig(period: Period, municipalities: frozenset[int]) -> Section:
    table = figures.sig_table(period, municipalities)
    return Section(
        _("Social intervention groups (SIG)"),
        "sig",
        paragraphs=[
            _(
                "Cases of young people in social intervention groups, counted by area. No "
                "person can be told from these figures: small counts are hidden."
            )
            if table.rows
            else _("No SIG cases in the period.")
        ],
        tables=[table],
    )


def grants(period: Period, municipalities: frozenset[int]) -> Section:
    lines = stats.grant_spending(period.start, period.end, municipalities=municipalities)
    table = Table(
        _("Granted money, spending and effect"),
        [
            _("Project"),
            _("Applicant"),
            _("Granted"),
            _("Spent in period"),
            _("Spent to date"),
            _("Outcome"),
            _("Effect per 1,000 SEK"),
        ],
        [
            [
                line.title,
                line.applicant,
                figure(line.granted),
                figure(line.spent_in_period),
                figure(line.spent_total),
                "–" if line.outcome is None else f"{figure(line.outcome, -1)} {line.outcome_unit}",
                "–" if line.effect_per_thousand is None else figure(line.effect_per_thousand, 2),
            ]
            for line in lines
        ],
    )
    spent = stats.spending_total(period.start, period.end, municipalities=municipalities)
    return Section(
        _("Grants and effect per krona"),
        "grants",
        paragraphs=[
            _("%(spent)s SEK of granted money was spent in the period.") % {"spent": figure(spent)}
        ],
        tables=[table],
        charts=[
            horizontal_bar_chart(
                title=_("Effect per 1,000 SEK by project, %(period)s") % {"period": period.label},
                labels=[line.title for line in lines],
                values=[line.effect_per_thousand for line in lines],
                unit=_("effect, in each project's own unit, per 1,000 SEK spent"),
                places=2,
            )
        ]
        if lines
        else [],
    )


def _adoption(document) -> str:
    """The line that says when, by whom and under which case number a document was adopted."""
    return _("Adopted %(on)s by %(by)s (%(case)s).") % {
        "on": document.adopted_on,
        "by": document.adopted_by,
        "case": document.case_number,
    }


def picture(period: Period, municipalities: frozenset[int]) -> Section:
    adopted = stats.picture_for_year(period.start.year, municipalities=municipalities)
    if adopted is None:
        missing = _("No situation picture had been adopted by the end of the year.")
        return Section(_("Situation picture"), "picture", paragraphs=[missing])
    problems = Table(
        _("Prioritised problems"),
        [_("Priority"), _("Problem"), _("Areas")],
        [
            [str(p.priority), p.title, ", ".join(a.name for a in p.areas.all()) or "–"]
            for p in sorted(adopted.problems.all(), key=lambda p: p.priority)
        ],
    )
    return Section(
        adopted.title,
        "picture",
        paragraphs=[
            _adoption(adopted),
            adopted.mapping,
            adopted.analysis,
            _("Sources: %(sources)s") % {"sources": adopted.sources},
            _("Limits of the sources: %(limits)s") % {"limits": adopted.source_limits},
        ],
        tables=[problems],
    )


def plan(period: Period, municipalities: frozenset[int]) -> Section:
    adopted = stats.plan_for_year(period.start.year, municipalities=municipalities)
    if adopted is None:
        missing = _("No action plan had been adopted by the end of the year.")
        return Section(_("Action plan"), "plan", paragraphs=[missing])
    rows = list(adopted.rows.all())
    return Section(
        adopted.title,
        "plan",
        paragraphs=[_adoption(adopted)],
        tables=[
            Table(
                _("Measures of the plan"),
                [_("Cause"), _("Measure"), _("Goal"), _("Responsible"), _("When"), _("Status")],
                [
                    [
                        row.cause,
                        row.measure,
                        row.goal,
                        row.responsible.name,
                        row.when,
                        str(row.get_status_display()),
                    ]
                    for row in rows
                ],
            )
        ],
    )


def _undertakings(kind: str, title: str, anchor: str) -> Builder:
    def build(period: Period, municipalities: frozenset[int]) -> Section:
        follow_ups = stats.undertakings_follow_up(
            kind, period.start, period.end, municipalities=municipalities
        )
        tables = []
        for item in follow_ups:
            undertaking = item.undertaking
            tables.append(
                Table(
                    f"{undertaking.title} ({undertaking.get_status_display()})",
                    [_("Target"), _("Baseline"), _("Target value"), _("Latest"), _("Progress")],
                    [
                        [
                            f"{p.target.name} ({p.target.unit})",
                            str(p.target.baseline),
                            str(p.target.target),
                            "–" if p.latest is None else str(p.latest),
                            "–" if p.percent is None else f"{p.percent} %",
                        ]
                        for p in item.targets
                    ],
                    [
                        _("Activities done"),
                        f"{item.activities_done} / {item.activities_total}",
                        _("Efforts"),
                        str(item.efforts),
                        _("Feedback: %(n)s") % {"n": item.feedback},
                    ],
                )
            )
        return Section(
            title,
            anchor,
            paragraphs=[
                _("%(n)s in force during the period.") % {"n": len(follow_ups)},
                *[
                    f"{item.undertaking.title}: "
                    + ", ".join(a.name for a in item.undertaking.areas.all())
                    + " – "
                    + ", ".join(p.name for p in item.undertaking.parties.all())
                    for item in follow_ups
                ],
            ],
            tables=tables,
        )

    return build


def county_cycle(period: Period, municipalities: frozenset[int]) -> Section:
    """The regional report's first section: where each of the county's municipalities
    stands in the law's cycle at the end of the period (``reports.county``)."""
    states = county.cycle_by_municipality(municipalities, period.end)
    return Section(
        _("The municipalities in the law's cycle"),
        "cycle",
        paragraphs=[
            _(
                "Where each municipality of the county stood on %(on)s: its situation picture "
                "and action plan adopted, its collaboration groups and their meetings in the "
                "year before, and its last quarterly follow-up. The sections after count the "
                "municipalities together."
            )
            % {"on": f"{period.end:%Y-%m-%d}"}
        ],
        tables=[
            Table(
                _("The law's cycle by municipality"),
                county.cycle_columns(),
                county.cycle_rows(states),
            )
        ],
    )


def method(period: Period, municipalities: frozenset[int]) -> Section:
    return Section(
        _("About this report"),
        "method",
        paragraphs=[
            _(
                "The report counts what the parties logged in Umebrå. A count of people (SIG "
                "cases) or of businesses under inspection, with their measures, below %(min)s "
                "is shown as “<%(min)s”. So that a hidden count cannot be worked out from the "
                "totals, more figures are hidden, shown as “%(hidden)s”: the smallest that do "
                "it, a total only when nothing else can, until no count below %(min)s can be "
                "narrowed to fewer than three possible values from what the report prints. "
                "Joint efforts, observations and operations hold no personal data and are "
                "shown whole. Names of people, personal identity numbers, operations' "
                "targets and the text of notes never enter a report."
            )
            % {"min": threshold(), "hidden": HIDDEN}
        ],
    )


SECTIONS: dict[str, list[Builder]] = {
    ReportKind.QUARTERLY: [
        efforts,
        observations,
        indicators,
        los,
        sig,
        grants,
        method,
    ],
    ReportKind.SITUATION_PICTURE: [picture, observations, indicators, efforts, method],
    ReportKind.ACTION_PLAN: [plan, efforts, grants, method],
    ReportKind.CITIZEN_PROMISES: [
        _undertakings(
            UndertakingKind.CITIZEN_PROMISE, gettext_lazy("Citizen promises"), "promises"
        ),
        method,
    ],
    ReportKind.SAFETY_AGREEMENTS: [
        _undertakings(
            UndertakingKind.SAFETY_AGREEMENT, gettext_lazy("Safety agreements"), "agreements"
        ),
        method,
    ],
    # The county's municipalities together, after where each stands: each municipality's
    # own indicators are its own, and are not added up.
    ReportKind.REGIONAL: [county_cycle, efforts, observations, los, sig, grants, method],
}
