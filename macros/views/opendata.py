"""The Open data page: every download, with what it holds."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from ..models import RECORD_TYPES
from .render import render


def open_data_list(dataset: Dataset, links: Links) -> str:
    types = [(name, kind.title, kind.description, len(dataset.all(name)))
             for name, kind in RECORD_TYPES.items()]
    return render("open_data.html", links=links, types=types,
                  campaigns=len(dataset.all("campaigns")), grants=len(dataset.all("funded-projects")))
