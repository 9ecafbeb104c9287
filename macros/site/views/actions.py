"""The action plan, one plan per page (newest first), grouped by priority or theme, status in words."""

from __future__ import annotations

import datetime as dt

from macros.data.dataset import Dataset
from macros.data.rules import last_update
from macros.site.links import Links, section_path
from macros.site.paging import Page, chosen, paginate, year_nav
from macros.site.render import render
from macros.site.views import view
from macros.site.views.common import in_area, names

NO_PLAN = "Plan not named in the report"
PER_PAGE = 40  # action items on one page (about 1.2 KB each)


def _latest(dataset: Dataset, item) -> dt.date:
    """The newest date an item was reported: its updates' and its sources' dates."""
    days = [day] if (day := last_update(item)) else []
    days += [doc.date.last_day for c in item.sources if (doc := dataset.find("sources", c.document))]
    return max(days, default=dt.date.min)


def pages(dataset: Dataset, area: str | None = None) -> list[Page]:
    """One page per plan: plans are the partnerships' yearly (or multi-year) documents."""
    items = in_area(dataset, "actions", area)
    newest: dict[str, tuple] = {}
    for item in items:
        plan = item.plan or NO_PLAN
        newest[plan] = max(newest.get(plan, (dt.date.min,)), (_latest(dataset, item),))
    return paginate(items, lambda a: a.plan or NO_PLAN, PER_PAGE, order=lambda plan: (newest[plan], plan))


@view("action-plan")
def action_plan(dataset: Dataset, links: Links, area: str | None = None, page: str = "") -> str:
    every = pages(dataset, area)
    current = chosen(every, page)
    groups = []
    for priority in dataset.all("priorities"):
        items = [a for a in current.items if a.priority == priority.id]
        if items:
            groups.append({"priority": priority,
                           "entries": [(item, names(dataset, "organisations", item.leads))
                                       for item in items]})
    nav = year_nav(every, current, links, section_path(area, "action-plan"), "Action plans, newest first",
                   "Showing")
    return render("action_plan.html", links=links, groups=groups, nav=nav)
