"""Every source document, and how many records cite it."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from .render import render


def source_list(dataset: Dataset, links: Links) -> str:
    rows = [(s, dataset.find("organisations", s.publisher), len(dataset.referrers("sources", s.id)))
            for s in sorted(dataset.all("sources"), key=lambda s: s.date, reverse=True)]
    return render("source_list.html", links=links, rows=rows)
