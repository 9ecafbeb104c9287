"""Which priorities each partnership had in which year, under which names."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from .render import render


def priorities_by_year(dataset: Dataset, links: Links, area: str | None = None) -> str:
    groups = []
    for area_record in dataset.all("areas"):
        if area and area_record.id != area:
            continue
        rows = [p for p in dataset.all("priorities") if p.area == area_record.id]
        if not rows:
            continue
        years = sorted({entry.year for p in rows for entry in p.history})
        table = [(p, {entry.year: entry.name for entry in p.history}) for p in rows]
        groups.append({"area": area_record, "years": years, "rows": table})
    return render("priorities_by_year.html", links=links, groups=groups)
