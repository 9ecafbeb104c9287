"""Reported figures, one financial year per page: each statistic's figures for that year.

Each statistic's page has its whole series and its trend.
"""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links, section_path
from ..models.fields import financial_year_of
from .common import in_area
from .paging import Page, chosen, paginate, year_nav
from .render import render

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


def statistics_list(dataset: Dataset, links: Links, area: str | None = None, page: str = "") -> str:
    every = pages(dataset, area)
    current = chosen(every, page)
    nav = year_nav(every, current, links, section_path(area, "statistics"), "Statistics by financial year",
                   "Showing the figures for periods ending in")
    return render("statistics_list.html", links=links, stats=[(s, p) for _, s, p in current.items], nav=nav)
