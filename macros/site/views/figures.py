"""A chart as a figure: inline SVG, a caption with a CSV link, and the same numbers as a table."""

from __future__ import annotations

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
    """{{ chart("funding_by_year") }} or {{ chart("priorities_by_year", "east-suffolk-csp") }}."""
    if name not in BUILDERS:
        raise ValueError(f"there is no chart called {name!r}; choose from {sorted(BUILDERS)}")
    built = BUILDERS[name](dataset, area) if area else BUILDERS[name](dataset)
    return figure(built, links)


@view(HIDDEN)
def statistic_trends(dataset: Dataset, links: Links) -> str:
    """A trend chart for every statistic reported two or more times."""
    return "".join(figure(charts.statistic_trend(dataset, s), links) for s in dataset.all("statistics"))
