"""Reported figures, one financial year per page: each statistic's figures for that year.

Each statistic's page has its whole series and its trend.
"""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.model.fields import financial_year_of
from macros.site.links import Links, section_path
from macros.site.paging import Page, page_and_nav, paginate
from macros.site.render import render
from macros.site.views import view
from macros.site.views.common import in_area

PER_PAGE = 60  # statistics on one page (about 0.6 KB each)


def pages(dataset: Dataset, area: str | None = None) -> list[Page]:
    """Items are (year, statistic, its points in that year); a page is a year's statistics."""
    items = []
    for stat in in_area(dataset, "statistics", area):
        by_year: dict[str, list] = {}
        for point in sorted(stat.points, key=lambda p: p.as_of):
            by_year.setdefault(financial_year_of(point.as_of.first_day), []).append(point)
        items += [(year, stat, points) for year, points in by_year.items()]
    return paginate(items, lambda item: item[0], PER_PAGE)


@view("statistics")
def statistics_list(dataset: Dataset, links: Links, area: str | None = None, page: str = "") -> str:
    current, nav = page_and_nav(pages(dataset, area), page, links, section_path(area, "statistics"),
                                "Statistics by financial year", "Showing the figures for periods ending in")
    return render("statistics_list.html", links=links, stats=[(s, p) for _, s, p in current.items], nav=nav)
