"""The Open data page: every download, with what it holds."""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.exports.grants360 import publishable
from macros.model import RECORD_TYPES
from macros.site.links import Links
from macros.site.render import render
from macros.site.views import view


@view()
def open_data_list(dataset: Dataset, links: Links) -> str:
    types = [(name, kind.title, kind.description, len(dataset.all(name)))
             for name, kind in RECORD_TYPES.items()]
    projects = [p for p in dataset.all("funded-projects") if publishable(p)]  # those in 360giving.json
    named = {org for p in projects for org in (p.funder, p.recipient) if org}
    registered = sum(1 for org in named if (found := dataset.find("organisations", org)) and found.identifier)
    return render("open_data.html", links=links, types=types,
                  campaigns=len(dataset.all("campaigns")), grants=len(projects),
                  grant_orgs=len(named), registered=registered)
