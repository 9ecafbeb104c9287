"""Which priorities each partnership had in which year, under which names."""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.site.links import Links
from macros.site.render import render
from macros.site.views import view


def _groups(dataset: Dataset, area: str | None):
    for area_record in dataset.all("areas"):
        if area and area_record.id != area:
            continue
        rows = [p for p in dataset.all("priorities") if p.area == area_record.id]
        if rows:
            yield area_record, rows


@view("priorities")
def priorities_by_year(dataset: Dataset, links: Links, area: str | None = None) -> str:
    groups = []
    for area_record, rows in _groups(dataset, area):
        years = sorted({entry.year for p in rows for entry in p.history})
        table = [(p, {entry.year: entry.name for entry in p.history}) for p in rows]
        groups.append({"area": area_record, "years": years, "rows": table})
    return render("priorities_by_year.html", links=links, groups=groups)


@view("priorities")
def current_priorities(dataset: Dataset, links: Links) -> str:
    """Each body's priorities in its latest reported year: what it focuses on now."""
    groups = []
    for area_record, rows in _groups(dataset, None):
        latest = max(entry.year for p in rows for entry in p.history)
        now = [p for p in rows if any(entry.year == latest for entry in p.history)]
        groups.append({"area": area_record, "year": latest, "priorities": now})
    return render("current_priorities.html", links=links, groups=groups)
