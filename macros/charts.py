"""Charts as inline SVG, made at build time from Altair specs with vl-convert.

Each chart carries its numbers as a table (shown beside it and offered as CSV) and a text
description for screen readers, so nothing is said only by the picture. No chart JavaScript.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import altair as alt
import pandas as pd
import vl_convert

from .dataset import Dataset

WIDTH = 520
PALETTE = ["#1d4f91", "#b35c00", "#2e7d32", "#8e24aa", "#00838f", "#c62828", "#5d4037", "#37474f"]


@dataclass(frozen=True)
class Chart:
    """A chart's identity, words and numbers; the SVG is drawn from them on demand."""

    id: str
    title: str
    description: str
    table: pd.DataFrame = field(compare=False, repr=False)
    spec: dict = field(compare=False, repr=False)

    @property
    def svg(self) -> str:
        drawn = _draw(json.dumps(self.spec, sort_keys=True))
        labelled = (f'<svg role="img" aria-labelledby="{self.id}-title {self.id}-desc" '
                    f'focusable="false" ')
        head = (f'<title id="{self.id}-title">{html.escape(self.title)}</title>'
                f'<desc id="{self.id}-desc">{html.escape(self.description)}</desc>')
        drawn = drawn.replace("<svg ", labelled, 1)
        return drawn.replace(">", ">" + head, 1)

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.table.columns)
        writer.writerows(self.table.itertuples(index=False))
        return out.getvalue()

    @property
    def csv_path(self) -> str:
        return f"data/charts/{self.id}.csv"


@lru_cache(maxsize=4096)
def _draw(spec_json: str) -> str:
    """SVG for a spec; a chart shown on several pages is drawn once per build."""
    return vl_convert.vegalite_to_svg(json.loads(spec_json))


def _base(df: pd.DataFrame, title: str, description: str) -> alt.Chart:
    return alt.Chart(df, title=title, description=description, width=WIDTH).configure_range(
        category=PALETTE).configure_view(strokeWidth=0).configure_axis(labelFontSize=12, titleFontSize=12)


def _money(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def funding_by_year(dataset: Dataset, area: str | None = None) -> Chart | None:
    projects = [p for p in dataset.all("funded-projects") if area is None or p.area == area]
    if not projects:
        return None
    rows = []
    for p in projects:
        names = [dataset.get("priorities", pid).name for pid in p.priorities] or ["No priority given"]
        share = p.amount / len(names)  # a project for two priorities counts half to each
        rows += [{"Financial year": p.financial_year, "Priority": n, "Amount (£)": share} for n in names]
    df = (pd.DataFrame(rows).groupby(["Financial year", "Priority"], as_index=False)["Amount (£)"].sum()
          .sort_values(["Financial year", "Priority"]))
    df["Amount (£)"] = df["Amount (£)"].map(lambda v: _money(Decimal(v).quantize(Decimal("0.01"))))
    years = df.groupby("Financial year")["Amount (£)"].sum()
    top = years.idxmax()
    span = (f"{len(years)} years from {years.index.min()} to {years.index.max()}" if len(years) > 1
            else f"in {years.index[0]}")
    description = (f"Stacked bar chart of funded projects by financial year and priority, {span}. "
                   f"The most was in {top}: £{years[top]:,.0f}.")
    chart = _base(df, "Funding by financial year and priority", description).mark_bar().encode(
        x=alt.X("Financial year:N", sort=sorted(years.index)),
        y=alt.Y("Amount (£):Q", title="Amount (£)", axis=alt.Axis(format=",.0f")),
        color=alt.Color("Priority:N", legend=alt.Legend(orient="bottom", columns=2)),
    )
    return Chart(f"funding-by-year{'-' + area if area else ''}", "Funding by financial year and priority",
                 description, df.reset_index(drop=True), chart.to_dict())


def priorities_by_year(dataset: Dataset, area: str) -> Chart | None:
    rows = [{"Priority": p.name, "Financial year": h.year, "Name that year": h.name}
            for p in dataset.all("priorities") if p.area == area for h in p.history]
    if not rows:
        return None
    df = pd.DataFrame(rows).sort_values(["Priority", "Financial year"]).reset_index(drop=True)
    body = dataset.get("areas", area)
    name = body.body.name if body.body else body.name
    years = sorted(df["Financial year"].unique())
    description = (f"Grid of {df['Priority'].nunique()} priorities of {name} against financial years "
                   f"{years[0]} to {years[-1]}; a filled square means it was a priority that year.")
    chart = _base(df, f"Which priorities in which year: {name}", description).mark_square(size=220).encode(
        x=alt.X("Financial year:N", sort=years),
        y=alt.Y("Priority:N", title=None),
        tooltip=["Priority", "Financial year", "Name that year"],
        color=alt.value(PALETTE[0]),
    )
    return Chart(f"priorities-{area}", f"Which priorities in which year: {name}", description, df,
                 chart.to_dict())


def action_status(dataset: Dataset, area: str | None = None) -> Chart | None:
    items = [a for a in dataset.all("actions") if area is None or a.area == area]
    if not items:
        return None
    df = (pd.DataFrame([{"Status": a.status.value.capitalize()} for a in items])
          .value_counts().rename("Activities").reset_index().sort_values("Status").reset_index(drop=True))
    parts = ", ".join(f"{r.Status}: {r.Activities}" for r in df.itertuples())
    description = f"Bar chart of {len(items)} action plan activities by status. {parts}."
    chart = _base(df, "Action plan activities by status", description).mark_bar().encode(
        y=alt.Y("Status:N", title=None), x=alt.X("Activities:Q", title="Number of activities"),
        color=alt.value(PALETTE[0]))
    return Chart(f"action-status{'-' + area if area else ''}", "Action plan activities by status",
                 description, df, chart.to_dict())


def campaigns_timeline(dataset: Dataset, area: str | None = None) -> Chart | None:
    campaigns = [c for c in dataset.all("campaigns") if area is None or c.area == area]
    if not campaigns:
        return None
    df = pd.DataFrame([{"Campaign": c.name, "Start": c.start.first_day.isoformat(),
                        "End": (c.end or c.start).last_day.isoformat()} for c in campaigns])
    df = df.sort_values(["Start", "Campaign"]).reset_index(drop=True)
    description = (f"Timeline of {len(df)} campaigns from {df['Start'].min()} to {df['End'].max()}, "
                   "each shown as a bar from its start to its end.")
    chart = _base(df, "Campaigns timeline", description).mark_bar().encode(
        x=alt.X("Start:T", title=None), x2="End:T",
        y=alt.Y("Campaign:N", sort=list(df["Campaign"]), title=None), color=alt.value(PALETTE[1]))
    return Chart(f"campaigns-timeline{'-' + area if area else ''}", "Campaigns timeline", description, df,
                 chart.to_dict())


def statistic_trend(statistic) -> Chart | None:
    """A line for a figure reported two or more times."""
    if len(statistic.points) < 2:
        return None
    points = sorted(statistic.points, key=lambda p: p.as_of)
    df = pd.DataFrame([{"Period": p.period, "Date": p.as_of.last_day.isoformat(),
                        statistic.unit: _money(p.value)} for p in points])
    first, last = points[0], points[-1]
    description = (f"Line chart of {statistic.metric}: {first.value:,} ({first.period}) to "
                   f"{last.value:,} ({last.period}), {len(points)} reported values.")
    chart = _base(df, statistic.metric, description).mark_line(point=True).encode(
        x=alt.X("Date:T", title=None), y=alt.Y(f"{statistic.unit}:Q", title=statistic.unit),
        tooltip=["Period", statistic.unit], color=alt.value(PALETTE[0]))
    return Chart(f"statistic-{statistic.id}", statistic.metric, description, df, chart.to_dict())


def site_charts(dataset: Dataset) -> list[Chart]:
    """Every chart the site shows, so their CSV files can be written once."""
    charts = [funding_by_year(dataset), action_status(dataset), campaigns_timeline(dataset)]
    for area in dataset.all("areas"):
        charts += [builder(dataset, area.id) for builder in
                   (funding_by_year, action_status, campaigns_timeline, priorities_by_year)]
    charts += [statistic_trend(s) for s in dataset.all("statistics")]
    return [c for c in charts if c is not None]
