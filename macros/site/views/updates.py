"""Every dated update from the action plan, campaigns and funding, by quarter, newest first,
one financial year per page.

Like the county board's quarterly programme-office overview: what moved, and when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from macros.data.dataset import Dataset
from macros.model.fields import quarter_bounds, quarter_of
from macros.site.links import Links, section_path
from macros.site.paging import Page, chosen, paginate, year_nav
from macros.site.render import money, render
from macros.site.views import AREAS, view

PER_PAGE = 200  # updates on one page (about 0.3 KB each)


@dataclass(frozen=True)
class Entry:
    quarter: str
    day: dt.date  # for ordering within the quarter
    kind: str
    text: str
    record_type: str
    record_id: str
    label: str


def entries(dataset: Dataset) -> list[Entry]:
    found = []
    for item in dataset.all("actions"):
        for update in item.updates:
            if not update.quarter and not (update.date and update.date.has_year):
                continue  # an undated update is on its item's page, never placed in a quarter
            quarter = update.quarter or quarter_of(update.date.first_day)
            day = update.date.last_day if update.date else quarter_bounds(quarter)[1]
            found.append(Entry(quarter, day, "Action plan", update.text, "actions", item.id, item.activity))
    for campaign in dataset.all("campaigns"):
        if campaign.start is None or not campaign.start.has_year:
            continue
        day = campaign.start.first_day
        found.append(Entry(quarter_of(day), day, "Campaign", f"{campaign.name} began "
                           f"({campaign.when or campaign.start.human()}).", "campaigns", campaign.id,
                           campaign.name))
    for project in dataset.all("funded-projects"):
        if project.award_date is None or not project.award_date.has_year:
            continue
        day = project.award_date.first_day
        found.append(Entry(quarter_of(day), day, "Funding", f"{money(project.amount)} awarded "
                           f"({project.award_date.human()}).", "funded-projects", project.id, project.title))
    return sorted(found, key=lambda e: (quarter_bounds(e.quarter)[0], e.day, e.kind, e.record_id),
                  reverse=True)


def pages(dataset: Dataset, area: str | None = None) -> list[Page]:
    """A financial year per page ('Q1 2023/24' is in 2023/24); there is one list for the whole site."""
    return paginate(entries(dataset), lambda e: e.quarter.split()[1], PER_PAGE)


@view(AREAS)
def updates_by_quarter(dataset: Dataset, links: Links, page: str = "") -> str:
    every = pages(dataset)
    current = chosen(every, page)
    quarters = [(q, list(group)) for q, group in groupby(current.items, key=lambda e: e.quarter)]
    nav = year_nav(every, current, links, section_path(None, "updates"), "Updates by financial year",
                   "Showing the updates of")
    return render("updates.html", quarters=quarters, links=links, nav=nav)
