"""The partnerships and boards: who is on them and how often they meet."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from .common import names
from .render import render


def partnership_bodies(dataset: Dataset, links: Links) -> str:
    bodies = []
    for area in dataset.all("areas"):
        if area.body:
            covers = [a.name for a in dataset.all("areas") if a.parent == area.id]
            bodies.append({
                "area": area,
                "authorities": names(dataset, "organisations", area.body.responsible_authorities),
                "members": names(dataset, "organisations", area.body.members),
                "covers": covers,
            })
    return render("partnership_bodies.html", links=links, bodies=bodies)
