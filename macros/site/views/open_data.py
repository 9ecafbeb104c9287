"""The Open data page: every download, with what it holds."""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.model import RECORD_TYPES
from macros.site.links import Links
from macros.site.render import render
from macros.site.views import view


@view()
def open_data_list(dataset: Dataset, links: Links) -> str:
    types = [(name, kind.title, kind.description, len(dataset.all(name)))
             for name, kind in RECORD_TYPES.items()]
    return render("open_data.html", links=links, types=types,
                  campaigns=len(dataset.all("campaigns")), grants=len(dataset.all("funded-projects")))
