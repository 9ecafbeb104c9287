"""The report-something finder: the emergency panel, the topic chooser and each topic's routes.

Routes are ordered by what a person needs first: emergency (the panel), specialist help (24/7
first), then reporting when it is not an emergency, anonymously, online, and advice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..dataset import Dataset
from ..links import Links
from ..models.areas import AreaKind
from ..models.routes import Anonymity, Route, Urgency
from ..models.topics import TOPIC_LABELS, Topic
from .related import area_and_ancestors
from .render import render


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


def topic_path(topic: Topic) -> str:
    return f"report/{topic.value}/"


def emergency_routes(dataset: Dataset) -> list[Route]:
    return [r for r in dataset.all("routes") if r.urgency == Urgency.emergency]


def emergency_panel(dataset: Dataset, links: Links) -> str:
    """999, the Silent Solution, text relay and BSL: first on every report page."""
    return render("report/emergency_panel.html", routes=emergency_routes(dataset), links=links)


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


def districts(dataset: Dataset) -> list[District]:
    """The area picker's choices, from data: towns within districts within partnerships."""
    found = []
    for district in dataset.all("areas"):
        if district.kind != AreaKind.district:
            continue
        partnership = dataset.find("areas", district.parent)
        found.append(District(district.name, partnership.name, sorted(district.towns),
                              area_and_ancestors(dataset, district.id)))
    return sorted(found, key=lambda d: d.name)


def topic_routes(dataset: Dataset, links: Links, topic: Topic) -> str:
    """A topic's routes, grouped and ordered, with the filters JavaScript switches on."""
    routes = [r for r in dataset.all("routes") if topic in r.topics]
    rows = [(g, [(r, dataset.find("organisations", r.provider), dataset.find("areas", r.area))
                 for r in group]) for g, group in grouped_routes(routes)]
    return render("report/topic_routes.html", groups=rows, districts=districts(dataset), links=links,
                  count=sum(len(group) for _, group in rows))


def topic_page(dataset: Dataset, links: Links, topic: Topic) -> str:
    """The whole body of a topic page: title, emergency panel first, then the routes."""
    return render("report/topic_page.html", title=TOPIC_LABELS[topic], links=links,
                  panel=emergency_panel(dataset, links), routes=topic_routes(dataset, links, topic))
