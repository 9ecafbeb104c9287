"""The report-something finder: the emergency panel, the topic chooser and each topic's routes.

Routes are ordered by what a person needs first: emergency (the panel), specialist help day and
night, reporting to the police or another service, reporting without a name, then support and
advice. A route with no way to get in touch is left out (staff see a route-unreachable warning).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.model.areas import AreaKind
from macros.model.routes import Anonymity, Route, Urgency
from macros.model.topics import TOPIC_LABELS, TOPIC_WORDS, Topic
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


# A route joins the first group that holds it, and groups are shown in this order of need.
# Emergency routes are in the panel instead.
GROUPS = [
    Group("help-now", "Help at any time, day or night",
          lambda r: r.urgency == Urgency.support and r.always_open),
    Group("anonymous", "Tell someone without giving your name",
          lambda r: r.anonymity == Anonymity.anonymous and r.urgency == Urgency.non_emergency),
    Group("report", "Report it when no one is in danger now", lambda r: r.urgency == Urgency.non_emergency),
    Group("support", "Support and advice", lambda r: True),
]
GROUP_ORDER = ["help-now", "report", "anonymous", "support"]


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
    return [r for r in dataset.all("routes")
            if r.urgency == Urgency.emergency and r.reachable and not r.closed(build_day())]


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
              if topic in r.topics and r.reachable and _serves(dataset, r, partnership, large)
              and not r.closed(build_day())]
    rows = [(g, [(r, dataset.find("organisations", r.provider), dataset.find("areas", r.area))
                 for r in group]) for g, group in grouped_routes(routes)]
    national = large and partnership is None
    choices = [(p.name, links.page(topic_path(topic, p.id))) for p in partnerships(dataset)] \
        if national else []
    # A large site's national page lists national routes only: its choice of area is the list of
    # partnerships' pages, not a picker of every town in the country (thousands of options).
    picker = [] if national else districts(dataset, partnership)
    elsewhere = [] if national else [(place, area_and_ancestors(dataset, area.id))
                                     for area in dataset.all("areas") for place in area.elsewhere]
    return render("report/topic_routes.html", groups=rows, districts=picker, topic=topic,
                  elsewhere=elsewhere,
                  links=links, count=sum(len(group) for _, group in rows), local_choices=choices)


def topic_page(dataset: Dataset, links: Links, topic: Topic, partnership: str | None = None) -> str:
    """The whole body of a topic page: title, emergency panel first, then the routes."""
    where = dataset.get("areas", partnership).name if partnership else None
    title = TOPIC_LABELS[topic] + (f" in {where}" if where else "")
    return render("report/topic_page.html", title=title, links=links, words=TOPIC_WORDS[topic],
                  places=[t for d in districts(dataset, partnership) for t in d.towns],
                  panel=emergency_panel(dataset, links),
                  routes=topic_routes(dataset, links, topic, partnership))


@view()
def a_to_z(dataset: Dataset, links: Links) -> str:
    """Every topic, its other names and every town, A to Z: search that works without JavaScript."""
    entries = [(label, links.page(topic_path(t)), None) for t, label in TOPIC_LABELS.items()]
    entries += [(word, links.page(topic_path(t)), TOPIC_LABELS[t])
                for t, words in TOPIC_WORDS.items() for word in words]
    for area in dataset.all("areas"):
        for town in area.towns:
            entries.append((town, links.to("areas", area.id), area.name))
        for place in area.elsewhere:
            for town in place.towns:
                entries.append((town, place.council_url, place.council))
    entries = sorted(set(entries), key=lambda e: (e[0].lower(), e[2] or ""))
    letters: dict[str, list] = {}
    for entry in entries:
        letters.setdefault(entry[0][0].upper(), []).append(entry)
    return render("report/a_to_z.html", letters=sorted(letters.items()))
