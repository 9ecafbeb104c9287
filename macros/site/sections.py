"""Sections of the site that a partnership has pages of, and lists split into a page a year.

On a large site (large.py) each site-wide list (action plan, funding, campaigns...) becomes a
choice of partnership, and every partnership has its own page per section. A small site, like
Suffolk's, keeps its site-wide lists, with a page per earlier year. The areas index (/areas/)
exists at any size.
"""

from __future__ import annotations

import functools

from markupsafe import Markup

from macros.data.dataset import Dataset
from macros.model.areas import AreaKind
from macros.site.large import is_large
from macros.site.links import Links, section_path
from macros.site.render import render
from macros.site.views import (
    AREAS,
    HIDDEN,
    SAME,
    View,
    actions,
    campaigns,
    figures,
    funding,
    priorities,
    sources,
    statistics,
    updates,
)

SECTIONS = {  # path under areas/<partnership>/ -> (title, views that fill it)
    "priorities": ("Priorities", [priorities.priorities_by_year, figures.priority_charts]),
    "action-plan": ("Action plan", [figures.area_chart("action_status"), actions.action_plan]),
    "campaigns": ("Campaigns", [figures.area_chart("campaigns_timeline"), campaigns.campaign_list]),
    "funding": ("Funding", [funding.funding_table, funding.funding_totals,
                            figures.area_chart("funding_by_year"), funding.funding_pots]),
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


def site_wide(view: View):
    """A site-wide view that, on a large site, gives way to what its registration says."""
    if view.on_large_site == SAME:
        return view.function

    @functools.wraps(view.function)
    def wrapped(dataset: Dataset, links: Links, *args, **kwargs):
        scoped = kwargs.get("area") or args
        if scoped or not is_large(dataset):
            return view.function(dataset, links, *args, **kwargs)
        if view.on_large_site == HIDDEN:
            return ""
        if view.on_large_site == AREAS:
            return render("choose_area.html", links=links)
        return choose_partnership(dataset, links, view.on_large_site, SECTIONS[view.on_large_site][0])

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
