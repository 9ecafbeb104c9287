"""Campaigns and awareness weeks, one financial year per page, newest first."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links, section_path
from ..models.fields import financial_year_of
from .common import in_area
from .paging import Page, chosen, paginate, year_nav
from .render import render

PER_PAGE = 150  # campaigns on one page (about 0.3 KB each)


def pages(dataset: Dataset, area: str | None = None) -> list[Page]:
    campaigns = sorted(in_area(dataset, "campaigns", area), key=lambda c: c.start, reverse=True)
    return paginate(campaigns, lambda c: financial_year_of(c.start.first_day), PER_PAGE)


def campaign_list(dataset: Dataset, links: Links, area: str | None = None, page: str = "") -> str:
    every = pages(dataset, area)
    current = chosen(every, page)
    nav = year_nav(every, current, links, section_path(area, "campaigns"), "Campaigns by financial year",
                   "Showing the campaigns that began in")
    return render("campaign_list.html", links=links, campaigns=current.items, nav=nav)
