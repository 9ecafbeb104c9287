"""A chart as a figure: inline SVG, a caption naming its scope with a CSV link, and the same
numbers as a table."""

from __future__ import annotations

from markupsafe import Markup

from macros.data.dataset import Dataset
from macros.figures import charts
from macros.site.links import Links
from macros.site.render import render
from macros.site.views import HIDDEN, view

BUILDERS = {
    "funding_by_year": charts.funding_by_year,
    "priorities_by_year": charts.priorities_by_year,
    "action_status": charts.action_status,
    "campaigns_timeline": charts.campaigns_timeline,
}


def figure(chart: charts.Chart | None, links: Links) -> str:
    if chart is None:
        return ""
    return render("chart.html", chart=chart, links=links)


@view()
def chart(dataset: Dataset, links: Links, name: str, area: str | None = None) -> str:
    """{{ chart("funding_by_year") }}: the whole site's; {{ chart("action_status", "east-suffolk-csp") }}
    one area's only (its caption says so)."""
    if name not in BUILDERS:
        raise ValueError(f"there is no chart called {name!r}; choose from {sorted(BUILDERS)}")
    if name == "priorities_by_year" and area is None:
        raise ValueError("priorities_by_year is one area's chart: write {{ priority_charts() }} for all")
    built = BUILDERS[name](dataset, area) if area else BUILDERS[name](dataset)
    return figure(built, links)


@view("priorities")
def priority_charts(dataset: Dataset, links: Links, area: str | None = None) -> str:
    """Which priorities in which year: a grid for each area with priorities (on a large site,
    each partnership's own, on its priorities page)."""
    areas = [area] if area else charts.priority_areas(dataset)
    return Markup("").join(figure(charts.priorities_by_year(dataset, a), links) for a in areas)


def area_chart(name: str):
    """A partnership section's chart of that partnership's records alone (sections.py)."""

    def one_area(dataset: Dataset, links: Links, area: str | None = None, page: str = "") -> str:
        # On the section's own page, not again on each earlier year's page.
        return figure(BUILDERS[name](dataset, area), links) if area and not page else ""

    one_area.__name__ = f"{name}_of_area"
    return one_area


@view(HIDDEN)
def statistic_trends(dataset: Dataset, links: Links) -> str:
    """A trend chart for every statistic reported two or more times."""
    return "".join(figure(charts.statistic_trend(dataset, s), links) for s in dataset.all("statistics"))
