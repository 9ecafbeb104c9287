"""Reported figures, each as its points over time."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from .common import in_area
from .render import render


def statistics_list(dataset: Dataset, links: Links, area: str | None = None) -> str:
    stats = [(s, sorted(s.points, key=lambda p: p.as_of)) for s in in_area(dataset, "statistics", area)]
    return render("statistics_list.html", links=links, stats=stats)
