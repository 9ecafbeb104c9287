"""Reporting routes, most urgent first."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from ..models.routes import Urgency
from .render import render

URGENCY_ORDER = [Urgency.emergency, Urgency.support, Urgency.non_emergency, Urgency.information]


def route_list(dataset: Dataset, links: Links, topic: str | None = None) -> str:
    routes = [r for r in dataset.all("routes") if topic is None or topic in {t.value for t in r.topics}]
    routes.sort(key=lambda r: URGENCY_ORDER.index(r.urgency))
    rows = [(r, dataset.find("organisations", r.provider)) for r in routes]
    return render("route_list.html", links=links, rows=rows)
