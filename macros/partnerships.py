"""Sites with many partnerships: every page stays the same size however many there are.

A site with more than LARGE_SITE partnerships turns each site-wide list (action plan, funding,
campaigns...) into a choice of partnership, and gives every partnership its own page per section
and its own report-finder page per topic. A small site, like Suffolk's, is unchanged. The areas
index (/areas/) exists at any size.
"""

from __future__ import annotations

import functools

from markupsafe import Markup

from .dataset import Dataset
from .links import Links, section_path
from .models.areas import AreaKind
from .views import actions, campaigns, funding, priorities, sources, statistics, updates
from .views.common import is_large
from .views.render import render

SECTIONS = {  # path under areas/<partnership>/ -> (title, views that fill it)
    "priorities": ("Priorities", [priorities.priorities_by_year]),
    "action-plan": ("Action plan", [actions.action_plan]),
    "campaigns": ("Campaigns", [campaigns.campaign_list]),
    "funding": ("Funding", [funding.funding_table, funding.funding_totals, funding.funding_pots]),
    "statistics": ("Statistics", [statistics.statistics_list]),
}

# Sections that show one year (or action plan) per page, and how each splits its list into pages.
PAGED = {"action-plan": actions.pages, "funding": funding.pages, "campaigns": campaigns.pages,
         "statistics": statistics.pages, "updates": updates.pages, "sources": sources.pages}
# On a small site, the site-wide page of each paged section (site_src/<section>.md) shows the newest
# year; these views fill the page of every other year.
SITE_YEARS = {**{key: SECTIONS[key] for key in SECTIONS if key in PAGED},
              "updates": ("Updates", [updates.updates_by_quarter]),
              "sources": ("Sources", [sources.source_list])}


def by_county(dataset: Dataset) -> list[tuple]:
    """[(county, [(partnership, [district])])], for the areas index and every choice of partnership."""
    children: dict[str, list] = {}
    for area in dataset.all("areas"):
        children.setdefault(area.parent, []).append(area)
    counties = sorted((a for a in dataset.all("areas") if a.kind == AreaKind.county), key=lambda a: a.name)
    return [(county, [(p, sorted(children.get(p.id, []), key=lambda d: d.name))
                      for p in sorted(children.get(county.id, []), key=lambda a: a.name)])
            for county in counties]


def choose_partnership(dataset: Dataset, links: Links, section: str, title: str) -> str:
    return render("choose_partnership.html", links=links, counties=by_county(dataset), section=section,
                  title=title, path=section_path)


# What each site-wide view becomes on a large site: a choice of partnership for that section,
# a pointer to the areas index ("areas"), or nothing (None: a second list on a page whose main
# list already offers the choice). Charts stay: each is bounded (see charts.py), so a national
# chart is as big as a local one.
SITE_WIDE_VIEWS = {
    "current_priorities": "priorities", "priorities_by_year": "priorities", "action_plan": "action-plan",
    "campaign_list": "campaigns", "funding_table": "funding", "statistics_list": "statistics",
    "updates_by_quarter": "areas", "source_list": "areas", "partnership_bodies": "areas",
    "funding_totals": None, "funding_pots": None, "statistic_trends": None,
}


def site_wide(view, section: str | None):
    """A site-wide view that, on a large site, gives way to a choice of partnership."""

    @functools.wraps(view)
    def wrapped(dataset: Dataset, links: Links, *args, **kwargs):
        scoped = kwargs.get("area") or args
        if scoped or not is_large(dataset):
            return view(dataset, links, *args, **kwargs)
        if section is None:
            return ""
        if section == "areas":
            return render("choose_area.html", links=links)
        return choose_partnership(dataset, links, section, SECTIONS[section][0])

    return wrapped


def section_body(dataset: Dataset, links: Links, partnership, section: str, page=None) -> str:
    """A partnership's section; for a paged section, the page of one year (the newest by default)."""
    title, views = SECTIONS[section]
    paged = {"page": page.slug} if page else {}
    # Markup.join: each view's output is already escaped HTML; a plain str join would escape it again.
    parts = Markup("").join(view(dataset, links, area=partnership.id, **paged) for view in views)
    return render("partnership_section.html", links=links, partnership=partnership, title=title,
                  body=parts, sections=SECTIONS, section=section, path=section_path, page=page)


def site_year_body(dataset: Dataset, links: Links, section: str, page) -> str:
    """A small site's page for one year of a site-wide section (the newest is site_src/<section>.md)."""
    title, views = SITE_YEARS[section]
    parts = Markup("").join(view(dataset, links, page=page.slug) for view in views)
    return render("year_page.html", links=links, title=title, page=page, body=parts,
                  home=section_path(None, section))
