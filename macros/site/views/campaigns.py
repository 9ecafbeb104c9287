"""Campaigns and awareness weeks, one financial year per page, newest first."""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.model.fields import date_order, financial_year_or_undated
from macros.model.fields.dates import UNDATED
from macros.site.links import Links, section_path
from macros.site.paging import Page, page_and_nav, paginate
from macros.site.render import render
from macros.site.views import view
from macros.site.views.common import in_area

PER_PAGE = 150  # campaigns on one page (about 0.3 KB each)


def pages(dataset: Dataset, area: str | None = None) -> list[Page]:
    campaigns = sorted(in_area(dataset, "campaigns", area), key=lambda c: date_order(c.start))[::-1]
    # Campaigns whose report gives no dates (or no year) come after every year, never inside one.
    return paginate(campaigns, lambda c: financial_year_or_undated(c.start), PER_PAGE,
                    order=lambda key: (key != UNDATED, key))


@view("campaigns")
def campaign_list(dataset: Dataset, links: Links, area: str | None = None, page: str = "") -> str:
    current, nav = page_and_nav(pages(dataset, area), page, links, section_path(area, "campaigns"),
                                "Campaigns by financial year", "Showing the campaigns that began in")
    return render("campaign_list.html", links=links, campaigns=current.items, nav=nav)
