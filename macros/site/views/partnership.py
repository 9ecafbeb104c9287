"""The partnerships and boards: who is on them and how often they meet."""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.site.links import Links
from macros.site.render import render
from macros.site.views import AREAS, view
from macros.site.views.common import names


@view(AREAS)
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
