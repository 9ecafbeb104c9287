"""Every source document, one year of publication per page, each with how many records cite it."""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.site.links import Links, section_path
from macros.site.paging import Page, chosen, paginate, year_nav
from macros.site.provenance import facts
from macros.site.render import render
from macros.site.views import AREAS, view

PER_PAGE = 100  # sources on one page (about 0.5 KB each); each lists its citing records on its own page


def pages(dataset: Dataset, area: str | None = None) -> list[Page]:
    rows = sorted(dataset.all("sources"), key=lambda s: s.date, reverse=True)
    return paginate(rows, lambda s: str(s.date.year), PER_PAGE)


@view(AREAS)
def source_list(dataset: Dataset, links: Links, page: str = "") -> str:
    every = pages(dataset)
    current = chosen(every, page)
    rows = []
    for source in current.items:
        citing = dataset.citing(source.id)
        records = {(record_type, record.id) for _, record_type, record in citing}  # some cite 2 sections
        rows.append((source, facts(dataset, source), len(records),
                     len({section for section, _, _ in citing})))
    nav = year_nav(every, current, links, section_path(None, "sources"), "Sources by year of publication",
                   "Showing the documents dated")
    return render("source_list.html", links=links, rows=rows, nav=nav)
