"""Charts as inline SVG: rows computed with pandas, declared with altair, drawn by vl-convert.

Each chart carries its numbers as a table (shown beside it and offered as CSV), a text summary
for screen readers computed from those same rows (`Chart.description`, so the words cannot say
what the table does not), and the scope it covers, named in its caption. No chart JavaScript.

Every chart stays the same size however much data there is: past TIMELINE_BARS campaigns the
timeline counts campaigns per quarter instead of drawing a bar each (a bar each is unreadable
and, past about 1,200, overflows Vega's stack), and past MAX_COLOURS priorities the smallest
share one colour. Each chart is built once per Dataset (Dataset.derived) and drawn once, ever
(drawing.py keeps the SVG on disk by spec). pandas and altair are imported where a chart is
built, never by `cspsite validate` or by the drawing worker.
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from macros.data.dataset import Dataset
from macros.figures import drawing, summaries
from macros.figures.periods import campaigns_per_period
from macros.figures.scope import in_area, scope_of
from macros.figures.spreadsheet import csv_text

WIDTH = 520
PALETTE = ["#1d4f91", "#b35c00", "#2e7d32", "#8e24aa", "#00838f", "#c62828", "#5d4037", "#37474f"]
MAX_COLOURS = len(PALETTE)  # more priorities than colours: the smallest are added up as one
TIMELINE_BARS = 50  # more campaigns than this: campaigns per quarter, not a bar each
NO_PRIORITY = "No priority given"


@dataclass(frozen=True)
class Chart:
    """A chart's identity, scope and numbers; its words come from its rows, its SVG from its spec."""

    id: str
    title: str
    scope: str  # what it covers, in words: its caption says so
    columns: tuple[str, ...] = field(compare=False, repr=False)
    rows: tuple[tuple, ...] = field(compare=False, repr=False)
    summarise: Callable[[tuple[tuple, ...]], str] = field(compare=False, repr=False)
    declare: Callable = field(compare=False, repr=False)  # altair data -> an altair chart
    # The chart data's names for the columns, when a heading comes from the data (a statistic's
    # unit): altair reads 'people: adults' as a type and Vega 'sq. km' as a nested field.
    fields: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @functools.cached_property
    def description(self) -> str:
        """The text summary, computed from the table's rows and nothing else."""
        return self.summarise(self.rows)

    @functools.cached_property
    def spec(self) -> dict:
        """The Vega-Lite spec, declared with altair: the table's rows are the chart's data."""
        import altair as alt

        values = [dict(zip(self.fields or self.columns, row, strict=True)) for row in self.rows]
        chart = self.declare(alt.Data(values=values)).properties(
            title=self.title, description=self.description, width=WIDTH)
        return (chart.configure_range(category=PALETTE).configure_view(strokeWidth=0)
                .configure_axis(labelFontSize=12, titleFontSize=12).to_dict(validate=False))

    @functools.cached_property
    def spec_json(self) -> str:
        return json.dumps(self.spec, sort_keys=True)

    @functools.cached_property
    def svg(self) -> str:
        drawn = drawing.draw(self.spec_json)
        labelled = (f'<svg role="img" aria-labelledby="{self.id}-title {self.id}-desc" '
                    f'focusable="false" ')
        head = (f'<title id="{self.id}-title">{html.escape(self.title)}</title>'
                f'<desc id="{self.id}-desc">{html.escape(self.description)}</desc>')
        drawn = drawn.replace("<svg ", labelled, 1)
        return drawn.replace(">", ">" + head, 1)

    def csv(self) -> str:
        return csv_text([self.columns, *self.rows])

    @property
    def csv_path(self) -> str:
        return f"data/charts/{self.id}.csv"


def _once(builder):
    @functools.wraps(builder)
    def once(dataset: Dataset, area: str | None = None) -> Chart | None:
        return dataset.derived((builder.__name__, area), lambda: builder(dataset, area))
    return once


def _suffix(area: str | None) -> str:
    return f"-{area}" if area else ""


def _pennies(amount, parts: int) -> list[int]:
    """An amount split into `parts` shares of whole pennies that add up to it exactly."""
    total = int(amount * 100)
    share, left = divmod(total, parts)
    return [share + (1 if i < left else 0) for i in range(parts)]


def _pounds(pennies: int) -> int | float:
    return pennies // 100 if pennies % 100 == 0 else pennies / 100


@_once
def funding_by_year(dataset: Dataset, area: str | None = None) -> Chart | None:
    import altair as alt
    import pandas as pd

    projects = [p for p in in_area(dataset, "funded-projects", area)
                if p.amount is not None and getattr(p, "financial_year", None)]
    if not projects:
        return None
    shares = []
    for p in projects:
        names = [dataset.get("priorities", pid).name for pid in p.priorities] or [NO_PRIORITY]
        # A project for two priorities counts half to each, in pennies, so the year still adds up.
        shares += [(p.financial_year, name, part)
                   for name, part in zip(names, _pennies(p.amount, len(names)), strict=True)]
    frame = _fewer_colours(pd.DataFrame(shares, columns=["year", "priority", "pennies"]))
    sums = frame.groupby(["year", "priority"], sort=True)["pennies"].sum()
    rows = tuple((year, name, _pounds(int(pennies))) for (year, name), pennies in sums.items())
    years = sorted({row[0] for row in rows})

    def declare(data):
        return alt.Chart(data).mark_bar().encode(
            color=alt.Color("Priority:N", legend=alt.Legend(columns=2, orient="bottom")),
            x=alt.X("Financial year:N", sort=years),
            y=alt.Y("Amount (£):Q", axis=alt.Axis(format=",.0f"), title="Amount (£)"))

    return Chart(f"funding-by-year{_suffix(area)}", "Funding by financial year and priority",
                 scope_of(dataset, "funded-projects", area, projects),
                 ("Financial year", "Priority", "Amount (£)"), rows, summaries.funding, declare)


def _fewer_colours(frame):
    """At most MAX_COLOURS priorities: the largest keep their own, the rest are added up as one."""
    totals = frame.groupby("priority")["pennies"].sum()
    if len(totals) <= MAX_COLOURS:
        return frame
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    keep = {name for name, _ in ranked[:MAX_COLOURS - 1]}
    other = f"Other priorities ({len(totals) - len(keep)})"
    return frame.assign(priority=frame["priority"].where(frame["priority"].isin(keep), other))


@_once
def priorities_by_year(dataset: Dataset, area: str) -> Chart | None:
    import altair as alt
    import pandas as pd

    priorities = in_area(dataset, "priorities", area)
    found = [(p.name, h.year, h.name) for p in priorities for h in p.history]
    if not found:
        return None
    columns = ("Priority", "Financial year", "Name that year")
    frame = pd.DataFrame(found, columns=list(columns)).sort_values(["Priority", "Financial year"],
                                                                   kind="stable")
    rows = tuple(frame.itertuples(index=False, name=None))
    body = dataset.get("areas", area)
    name = body.body.name if body.body else body.name
    years = sorted(frame["Financial year"].unique().tolist())

    def declare(data):
        return alt.Chart(data).mark_square(size=220).encode(
            color=alt.value(PALETTE[0]),
            tooltip=[alt.Tooltip(f"{c}:N") for c in columns],
            x=alt.X("Financial year:N", sort=years),
            y=alt.Y("Priority:N", title=None))

    return Chart(f"priorities-{area}", f"Which priorities in which year: {name}",
                 scope_of(dataset, "priorities", area, priorities), columns, rows,
                 functools.partial(summaries.priorities, name), declare)


@_once
def action_status(dataset: Dataset, area: str | None = None) -> Chart | None:
    import altair as alt
    import pandas as pd

    items = in_area(dataset, "actions", area)
    statuses = [a.status.value.capitalize() for a in items if getattr(a, "status", None) is not None]
    if not statuses:
        return None
    counts = pd.Series(statuses, name="Activities").value_counts().sort_index()
    rows = tuple((status, int(n)) for status, n in counts.items())

    def declare(data):
        return alt.Chart(data).mark_bar().encode(
            color=alt.value(PALETTE[0]),
            x=alt.X("Activities:Q", title="Number of activities"),
            y=alt.Y("Status:N", title=None))

    return Chart(f"action-status{_suffix(area)}", "Action plan activities by status",
                 scope_of(dataset, "actions", area, items), ("Status", "Activities"), rows,
                 summaries.action_status, declare)


@_once
def campaigns_timeline(dataset: Dataset, area: str | None = None) -> Chart | None:
    import altair as alt
    import pandas as pd

    campaigns = [c for c in in_area(dataset, "campaigns", area)
                 if getattr(c, "start", None) and c.start.has_year]  # an undated one has no place on a line
    if not campaigns:
        return None
    chart_id = f"campaigns-timeline{_suffix(area)}"
    scope = scope_of(dataset, "campaigns", area, campaigns)
    spans = [(c.start.first_day, (c.end if c.end and c.end.has_year else c.start).last_day, c.name)
             for c in campaigns]
    if len(spans) > TIMELINE_BARS:
        columns, rows, per = campaigns_per_period(spans)
        return _campaigns_counted(chart_id, scope, columns, rows, per)
    frame = pd.DataFrame([(name, start.isoformat(), end.isoformat()) for start, end, name in spans],
                         columns=["Campaign", "Start", "End"]).sort_values(["Start", "Campaign"])
    rows = tuple(frame.itertuples(index=False, name=None))
    order = frame["Campaign"].tolist()

    def declare(data):
        return alt.Chart(data).mark_bar().encode(
            color=alt.value(PALETTE[1]), x=alt.X("Start:T", title=None), x2=alt.X2("End"),
            y=alt.Y("Campaign:N", sort=order, title=None))

    return Chart(chart_id, "Campaigns timeline", scope, ("Campaign", "Start", "End"), rows,
                 summaries.campaigns, declare)


def _campaigns_counted(chart_id: str, scope: str, columns: tuple, rows: tuple, per: str) -> Chart:
    """Too many campaigns for a bar each: how many ran (and started) in each quarter or year."""
    import altair as alt

    heading, unit = columns[0], "utcyear" if per == "year" else "utcyearquarter"

    def declare(data):
        return alt.Chart(data).mark_bar().encode(
            color=alt.value(PALETTE[1]),
            tooltip=[alt.Tooltip(f"{heading}:N"), alt.Tooltip("Campaigns running:Q")],
            x=alt.X("From:T", timeUnit=unit, title=None),
            y=alt.Y("Campaigns running:Q", title="Campaigns running"))

    return Chart(chart_id, f"Campaigns running each {per}", scope, columns, rows,
                 functools.partial(summaries.campaigns_counted, per), declare)


def statistic_trend(dataset: Dataset, statistic) -> Chart | None:
    """A line for a figure reported two or more times (built once: its record page and the
    statistics page both show it)."""
    return dataset.derived(("trend", statistic.id), lambda: _statistic_trend(dataset, statistic))


def _number(value) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _statistic_trend(dataset: Dataset, statistic) -> Chart | None:
    import altair as alt

    points = sorted((p for p in statistic.points if p.value is not None), key=lambda p: p.as_of)
    if len(points) < 2:
        return None
    rows = tuple((p.period, p.as_of.last_day.isoformat(), _number(p.value)) for p in points)
    unit = statistic.unit

    def declare(data):
        return alt.Chart(data).mark_line(point=True).encode(
            color=alt.value(PALETTE[0]),
            tooltip=[alt.Tooltip("Period:N"), alt.Tooltip("Value:Q", title=unit)],
            x=alt.X("Date:T", title=None), y=alt.Y("Value:Q", title=unit))

    area = dataset.find("areas", statistic.area)
    scope = f"One statistic of {area.name if area else statistic.area}: the {len(rows)} values reported"
    return Chart(f"statistic-{statistic.id}", statistic.metric, scope, ("Period", "Date", unit), rows,
                 functools.partial(summaries.trend, statistic.metric), declare,
                 fields=("Period", "Date", "Value"))


def site_charts(dataset: Dataset, areas: list[str] | tuple[str, ...] = ()) -> list[Chart]:
    """Every chart the site shows, so their CSV files can be written and drawn ahead: the
    site-wide ones, each priority-holding area's grid, each of `areas`' own charts (a large
    site's partnerships) and every statistic's trend."""
    charts = [funding_by_year(dataset), action_status(dataset), campaigns_timeline(dataset)]
    charts += [priorities_by_year(dataset, area) for area in priority_areas(dataset)]
    for area in areas:
        charts += [builder(dataset, area) for builder in (funding_by_year, action_status, campaigns_timeline)]
    charts += [statistic_trend(dataset, s) for s in dataset.all("statistics")]
    return list({c.id: c for c in charts if c is not None}.values())


def priority_areas(dataset: Dataset) -> list[str]:
    """Areas that have priorities, in the areas file's order (each has its own grid)."""
    having = {p.area for p in dataset.all("priorities")}
    return [a.id for a in dataset.all("areas") if a.id in having]
