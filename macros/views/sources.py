"""Every source document, each with every record that cites it, by section."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from .related import cited_by_section
from .render import render


def source_list(dataset: Dataset, links: Links) -> str:
    rows = [(s, dataset.find("organisations", s.publisher), cited_by_section(dataset, s.id))
            for s in sorted(dataset.all("sources"), key=lambda s: s.date, reverse=True)]
    return render("source_list.html", links=links, rows=rows)
