"""The report-something finder: the emergency panel, the topic chooser and each topic's routes.

Routes are ordered by what a person needs first: emergency (the panel), specialist help (24/7
first), then reporting when it is not an emergency, anonymously, online, and advice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.model.areas import AreaKind
from macros.model.routes import Anonymity, Route, Urgency
from macros.model.topics import TOPIC_LABELS, Topic
from macros.site.citation import build_day
from macros.site.large import is_large, partnerships
from macros.site.links import Links
from macros.site.render import render
from macros.site.views import view
from macros.site.views.related import area_and_ancestors


@dataclass(frozen=True)
class Group:
    key: str
    heading: str
    holds: Callable[[Route], bool]


# A route joins the first group that holds it. Emergency routes are in the panel instead.
GROUPS = [
    Group("support", "Specialist help and support", lambda r: r.urgency == Urgency.support),
    Group("information", "Advice and training", lambda r: r.urgency == Urgency.information),
    Group("anonymous", "Report it anonymously", lambda r: r.anonymity == Anonymity.anonymous),
    Group("online", "Report it online", lambda r: r.online_only),
    Group("report", "Report it when it is not an emergency", lambda r: True),
]
# Shown in this order; joined in GROUPS order (an anonymous online form belongs under anonymous).
GROUP_ORDER = ["support", "report", "anonymous", "online", "information"]


@dataclass(frozen=True)
class District:
    """A group in the area picker: a district, its towns, and the areas whose routes serve it."""

    name: str
    partnership: str
    towns: list[str]
    within: list[str]


def topic_path(topic: Topic, partnership: str | None = None) -> str:
    return f"report/{topic.value}/{partnership + '/' if partnership else ''}"


def emergency_routes(dataset: Dataset) -> list[Route]:
    return [r for r in dataset.all("routes") if r.urgency == Urgency.emergency and not r.closed(build_day())]


@view()
def emergency_panel(dataset: Dataset, links: Links) -> str:
    """999, the Silent Solution, text relay and BSL: first on every report page."""
    return render("report/emergency_panel.html", routes=emergency_routes(dataset), links=links)


@view()
def report_topics(dataset: Dataset, links: Links) -> str:
    """The start page's question: what happened?"""
    topics = [(TOPIC_LABELS[t], links.page(topic_path(t))) for t in Topic]
    return render("report/topics.html", topics=topics)


def grouped_routes(routes: list[Route]) -> list[tuple[Group, list[Route]]]:
    by_key: dict[str, list[Route]] = {g.key: [] for g in GROUPS}
    for route in routes:
        if route.urgency == Urgency.emergency:
            continue
        by_key[next(g for g in GROUPS if g.holds(route)).key].append(route)
    groups = {g.key: g for g in GROUPS}
    return [(groups[key], sorted(by_key[key], key=lambda r: (not r.always_open, r.name.lower())))
            for key in GROUP_ORDER if by_key[key]]


def districts(dataset: Dataset, partnership: str | None = None) -> list[District]:
    """The area picker's choices, from data: towns within districts within partnerships."""
    found = []
    for district in dataset.all("areas"):
        if district.kind != AreaKind.district or (partnership and district.parent != partnership):
            continue
        parent = dataset.find("areas", district.parent)
        found.append(District(district.name, parent.name, sorted(district.towns),
                              area_and_ancestors(dataset, district.id)))
    return sorted(found, key=lambda d: d.name)


def _serves(dataset: Dataset, route: Route, partnership: str | None, large: bool) -> bool:
    """On a large site a topic page lists national routes, and a partnership's page adds its own."""
    if not large:
        return True
    area = dataset.find("areas", route.area)
    if area is None or area.kind == AreaKind.national:
        return True
    return partnership is not None and (
        route.area in area_and_ancestors(dataset, partnership) or partnership in area_and_ancestors(
            dataset, route.area))


def topic_routes(dataset: Dataset, links: Links, topic: Topic, partnership: str | None = None) -> str:
    """A topic's routes, grouped and ordered, with the filters JavaScript switches on."""
    large = is_large(dataset)
    # A closed route keeps its page, but is no way to report anything now.
    routes = [r for r in dataset.all("routes")
              if topic in r.topics and _serves(dataset, r, partnership, large) and not r.closed(build_day())]
    rows = [(g, [(r, dataset.find("organisations", r.provider), dataset.find("areas", r.area))
                 for r in group]) for g, group in grouped_routes(routes)]
    national = large and partnership is None
    choices = [(p.name, links.page(topic_path(topic, p.id))) for p in partnerships(dataset)] \
        if national else []
    # A large site's national page lists national routes only: its choice of area is the list of
    # partnerships' pages, not a picker of every town in the country (thousands of options).
    picker = [] if national else districts(dataset, partnership)
    return render("report/topic_routes.html", groups=rows, districts=picker,
                  links=links, count=sum(len(group) for _, group in rows), local_choices=choices)


def topic_page(dataset: Dataset, links: Links, topic: Topic, partnership: str | None = None) -> str:
    """The whole body of a topic page: title, emergency panel first, then the routes."""
    where = dataset.get("areas", partnership).name if partnership else None
    title = TOPIC_LABELS[topic] + (f" in {where}" if where else "")
    return render("report/topic_page.html", title=title, links=links,
                  panel=emergency_panel(dataset, links),
                  routes=topic_routes(dataset, links, topic, partnership))
