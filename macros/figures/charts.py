"""Charts as inline SVG, made at build time from Vega-Lite specs with vl-convert.

Each chart carries its numbers as a table (shown beside it and offered as CSV) and a text
description for screen readers, so nothing is said only by the picture. No chart JavaScript.

Every chart stays the same size however much data there is: past TIMELINE_BARS campaigns the
timeline counts campaigns per quarter instead of drawing a bar each (a bar each is unreadable
and, past about 1,200, overflows Vega's stack), and past MAX_COLOURS priorities the smallest
share one colour. Each chart is built once per Dataset (Dataset.derived) and drawn once per
process (drawing.py).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import html
import json
from dataclasses import dataclass, field
from decimal import Decimal

from macros.data.dataset import Dataset
from macros.figures import drawing
from macros.figures.spreadsheet import csv_text

WIDTH = 520
PALETTE = ["#1d4f91", "#b35c00", "#2e7d32", "#8e24aa", "#00838f", "#c62828", "#5d4037", "#37474f"]
MAX_COLOURS = len(PALETTE)  # more priorities than colours: the smallest are added up as one
TIMELINE_BARS = 50  # more campaigns than this: campaigns per quarter, not a bar each
YEARLY_AFTER = 12 * 4  # more quarters than this: campaigns per year
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
CONFIG = {"view": {"continuousWidth": 300, "continuousHeight": 300, "strokeWidth": 0},
          "axis": {"labelFontSize": 12, "titleFontSize": 12}, "range": {"category": PALETTE}}


@dataclass(frozen=True)
class Chart:
    """A chart's identity, words and numbers; the SVG is drawn from them on demand."""

    id: str
    title: str
    description: str
    columns: tuple[str, ...] = field(compare=False, repr=False)
    rows: tuple[tuple, ...] = field(compare=False, repr=False)
    encoding: dict = field(compare=False, repr=False)
    mark: dict = field(compare=False, repr=False)

    @property
    def spec(self) -> dict:
        """The Vega-Lite spec: the table's rows are the chart's data, nothing else."""
        values = [dict(zip(self.columns, row, strict=True)) for row in self.rows]
        return {"$schema": SCHEMA, "config": CONFIG, "data": {"values": values},
                "description": self.description, "encoding": self.encoding, "mark": self.mark,
                "title": self.title, "width": WIDTH}

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


def _in_area(dataset: Dataset, record_type: str, area: str | None) -> list:
    """Records of a type (of one area): grouped once, so a chart per area costs its own records only."""
    if area is None:
        return list(dataset.all(record_type))
    groups = dataset.derived(("by area", record_type), lambda: _group_by_area(dataset.all(record_type)))
    return groups.get(area, [])


def _group_by_area(records) -> dict[str, list]:
    groups: dict[str, list] = {}
    for record in records:
        groups.setdefault(record.area, []).append(record)
    return groups


def _money(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _field(name: str, kind: str, **more) -> dict:
    return {"field": name, "type": kind, **more}


@_once
def funding_by_year(dataset: Dataset, area: str | None = None) -> Chart | None:
    projects = _in_area(dataset, "funded-projects", area)
    if not projects:
        return None
    sums: dict[tuple[str, str], Decimal] = {}
    for p in projects:
        names = [dataset.get("priorities", pid).name for pid in p.priorities] or ["No priority given"]
        share = p.amount / len(names)  # a project for two priorities counts half to each
        for name in names:
            sums[p.financial_year, name] = sums.get((p.financial_year, name), Decimal(0)) + share
    sums = _fewer_colours(sums)
    rows = tuple((year, name, _money(amount.quantize(Decimal("0.01"))))
                 for (year, name), amount in sorted(sums.items()))
    years: dict[str, int | float] = {}
    for year, _, amount in rows:
        years[year] = years.get(year, 0) + amount
    first, last = min(years), max(years)
    top = max(sorted(years), key=years.__getitem__)  # the earliest, if two years tie
    span = f"{len(years)} years from {first} to {last}" if len(years) > 1 else f"in {first}"
    description = (f"Stacked bar chart of funded projects by financial year and priority, {span}. "
                   f"The most was in {top}: £{years[top]:,.0f}.")
    encoding = {
        "color": _field("Priority", "nominal", legend={"columns": 2, "orient": "bottom"}),
        "x": _field("Financial year", "nominal", sort=sorted(years)),
        "y": _field("Amount (£)", "quantitative", axis={"format": ",.0f"}, title="Amount (£)"),
    }
    return Chart(f"funding-by-year{'-' + area if area else ''}", "Funding by financial year and priority",
                 description, ("Financial year", "Priority", "Amount (£)"), rows, encoding, {"type": "bar"})


def _fewer_colours(sums: dict[tuple[str, str], Decimal]) -> dict[tuple[str, str], Decimal]:
    """At most MAX_COLOURS priorities: the largest keep their own, the rest are added up as one."""
    totals: dict[str, Decimal] = {}
    for (_, name), amount in sums.items():
        totals[name] = totals.get(name, Decimal(0)) + amount
    if len(totals) <= MAX_COLOURS:
        return sums
    keep = set(sorted(totals, key=lambda n: (-totals[n], n))[:MAX_COLOURS - 1])
    other = f"Other priorities ({len(totals) - len(keep)})"
    fewer: dict[tuple[str, str], Decimal] = {}
    for (year, name), amount in sums.items():
        key = (year, name if name in keep else other)
        fewer[key] = fewer.get(key, Decimal(0)) + amount
    return fewer


@_once
def priorities_by_year(dataset: Dataset, area: str) -> Chart | None:
    found = [(p.name, h.year, h.name) for p in _in_area(dataset, "priorities", area) for h in p.history]
    if not found:
        return None
    rows = tuple(sorted(found, key=lambda r: (r[0], r[1])))
    body = dataset.get("areas", area)
    name = body.body.name if body.body else body.name
    years = sorted({r[1] for r in rows})
    description = (f"Grid of {len({r[0] for r in rows})} priorities of {name} against financial years "
                   f"{years[0]} to {years[-1]}; a filled square means it was a priority that year.")
    title = f"Which priorities in which year: {name}"
    encoding = {
        "color": {"value": PALETTE[0]},
        "tooltip": [_field(c, "nominal") for c in ("Priority", "Financial year", "Name that year")],
        "x": _field("Financial year", "nominal", sort=years),
        "y": _field("Priority", "nominal", title=None),
    }
    return Chart(f"priorities-{area}", title, description, ("Priority", "Financial year", "Name that year"),
                 rows, encoding, {"size": 220, "type": "square"})


@_once
def action_status(dataset: Dataset, area: str | None = None) -> Chart | None:
    items = _in_area(dataset, "actions", area)
    if not items:
        return None
    counts: dict[str, int] = {}
    for a in items:
        status = a.status.value.capitalize()
        counts[status] = counts.get(status, 0) + 1
    rows = tuple(sorted(counts.items()))
    parts = ", ".join(f"{status}: {n}" for status, n in rows)
    description = f"Bar chart of {len(items)} action plan activities by status. {parts}."
    encoding = {"color": {"value": PALETTE[0]},
                "x": _field("Activities", "quantitative", title="Number of activities"),
                "y": _field("Status", "nominal", title=None)}
    return Chart(f"action-status{'-' + area if area else ''}", "Action plan activities by status",
                 description, ("Status", "Activities"), rows, encoding, {"type": "bar"})


@_once
def campaigns_timeline(dataset: Dataset, area: str | None = None) -> Chart | None:
    campaigns = _in_area(dataset, "campaigns", area)
    if not campaigns:
        return None
    chart_id = f"campaigns-timeline{'-' + area if area else ''}"
    spans = [(c.start.first_day, (c.end or c.start).last_day, c.name) for c in campaigns]
    if len(spans) > TIMELINE_BARS:
        return _campaigns_per_period(chart_id, spans)
    rows = tuple((name, start.isoformat(), end.isoformat()) for start, end, name in
                 sorted(spans, key=lambda s: (s[0].isoformat(), s[2])))
    description = (f"Timeline of {len(rows)} campaigns from {rows[0][1]} to {max(r[2] for r in rows)}, "
                   "each shown as a bar from its start to its end.")
    encoding = {"color": {"value": PALETTE[1]}, "x": _field("Start", "temporal", title=None),
                "x2": {"field": "End"},
                "y": _field("Campaign", "nominal", sort=[r[0] for r in rows], title=None)}
    return Chart(chart_id, "Campaigns timeline", description, ("Campaign", "Start", "End"), rows, encoding,
                 {"type": "bar"})


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _periods(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date, str]]:
    """Calendar quarters (or years, over a long span) from first to last: [(from, to, label)]."""
    quarters = (last.year - first.year) * 4 + (last.month - 1) // 3 - (first.month - 1) // 3 + 1
    step = 12 if quarters > YEARLY_AFTER else 3
    start = dt.date(first.year, 1 if step == 12 else (first.month - 1) // 3 * 3 + 1, 1)
    periods = []
    while start <= last:
        month = start.month + step
        after = dt.date(start.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        label = (str(start.year) if step == 12 else
                 f"{MONTHS[start.month - 1]} to {MONTHS[start.month + 1]} {start.year}")
        periods.append((start, after - dt.timedelta(days=1), label))
        start = after
    return periods


def _campaigns_per_period(chart_id: str, spans: list[tuple[dt.date, dt.date, str]]) -> Chart:
    """Too many campaigns for a bar each: how many ran (and started) in each quarter or year."""
    periods = _periods(min(s[0] for s in spans), max(s[1] for s in spans))
    running = [0] * len(periods)
    starting = [0] * len(periods)
    starts = [p[0] for p in periods]
    for start, end, _ in spans:
        i = bisect.bisect_right(starts, start) - 1  # the period it starts in
        starting[i] += 1
        while i < len(periods) and periods[i][0] <= end:
            running[i] += 1
            i += 1
    per, heading, unit = ("year", "Year", "utcyear") if periods[0][2].isdigit() else \
        ("quarter", "Quarter", "utcyearquarter")
    rows = tuple((label, begin.isoformat(), running[i], starting[i])
                 for i, (begin, _, label) in enumerate(periods))
    busiest = max(range(len(rows)), key=lambda i: (rows[i][2], -i))
    description = (f"Bar chart of {len(spans):,} campaigns: how many were running in each {per} from "
                   f"{rows[0][0]} to {rows[-1][0]} ({len(rows)} {per}s). The busiest was {rows[busiest][0]}, "
                   f"with {rows[busiest][2]:,} running.")
    encoding = {"color": {"value": PALETTE[1]},
                "tooltip": [_field(heading, "nominal"), _field("Campaigns running", "quantitative")],
                "x": _field("From", "temporal", timeUnit=unit, title=None),
                "y": _field("Campaigns running", "quantitative", title="Campaigns running")}
    columns = (heading, "From", "Campaigns running", "Campaigns starting")
    return Chart(chart_id, f"Campaigns running each {per}", description, columns, rows, encoding,
                 {"type": "bar"})


def statistic_trend(dataset: Dataset, statistic) -> Chart | None:
    """A line for a figure reported two or more times (built once: its record page and the
    statistics page both show it)."""
    return dataset.derived(("trend", statistic.id), lambda: _statistic_trend(statistic))


def _statistic_trend(statistic) -> Chart | None:
    if len(statistic.points) < 2:
        return None
    points = sorted(statistic.points, key=lambda p: p.as_of)
    rows = tuple((p.period, p.as_of.last_day.isoformat(), _money(p.value)) for p in points)
    first, last = points[0], points[-1]
    description = (f"Line chart of {statistic.metric}: {first.value:,} ({first.period}) to "
                   f"{last.value:,} ({last.period}), {len(points)} reported values.")
    unit = statistic.unit
    encoding = {"color": {"value": PALETTE[0]},
                "tooltip": [_field("Period", "nominal"), _field(unit, "quantitative")],
                "x": _field("Date", "temporal", title=None), "y": _field(unit, "quantitative", title=unit)}
    return Chart(f"statistic-{statistic.id}", statistic.metric, description, ("Period", "Date", unit), rows,
                 encoding, {"point": True, "type": "line"})


def site_charts(dataset: Dataset) -> list[Chart]:
    """Every chart the site shows, so their CSV files can be written once."""
    charts = [funding_by_year(dataset), action_status(dataset), campaigns_timeline(dataset)]
    for area in dataset.all("areas"):
        charts += [builder(dataset, area.id) for builder in
                   (funding_by_year, action_status, campaigns_timeline, priorities_by_year)]
    charts += [statistic_trend(dataset, s) for s in dataset.all("statistics")]
    return [c for c in charts if c is not None]
