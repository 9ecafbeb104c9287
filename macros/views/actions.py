"""The action plan, grouped by priority or theme, status in words."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from .common import names
from .render import render


def action_plan(dataset: Dataset, links: Links, area: str | None = None) -> str:
    groups = []
    for priority in dataset.all("priorities"):
        items = [a for a in dataset.all("actions")
                 if a.priority == priority.id and (area is None or a.area == area)]
        if items:
            groups.append({"priority": priority,
                           "entries": [(item, names(dataset, "organisations", item.leads))
                                     for item in items]})
    return render("action_plan.html", links=links, groups=groups)
