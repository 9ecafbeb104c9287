"""The funding explorer: every funded project, totals by year, priority, funder and area, and pots."""

from __future__ import annotations

from decimal import Decimal

from ..dataset import Dataset
from ..links import Links
from ..summaries import funding_totals as totals_for
from .common import in_area
from .render import label, render

COLUMNS = [("date", "Date", False), ("title", "Project", False), ("funder", "Funder", False),
           ("recipient", "Recipient", False), ("area", "Area", False), ("priorities", "Priorities", False),
           ("year", "Financial year", False), ("amount", "Amount", True)]


def _options(dataset: Dataset, record_type: str, ids) -> list[tuple[str, str]]:
    return sorted(((i, label(dataset.get(record_type, i))) for i in set(ids)), key=lambda o: o[1])


def funding_table(dataset: Dataset, links: Links, area: str | None = None) -> str:
    projects = sorted(in_area(dataset, "funded-projects", area), key=lambda p: p.award_date)
    total = sum((p.amount for p in projects), Decimal(0))
    filters = [
        ("year", "Financial year", [(y, y) for y in sorted({p.financial_year for p in projects})]),
        ("funder", "Funder", _options(dataset, "organisations", (p.funder for p in projects))),
        ("area", "Area", _options(dataset, "areas", (p.area for p in projects))),
        ("priorities", "Priority",
         _options(dataset, "priorities", (i for p in projects for i in p.priorities))),
    ]
    return render("funding_table.html", links=links, rows=projects, total=total, data=dataset,
                  columns=COLUMNS, filters=filters)


def funding_totals(dataset: Dataset, links: Links, area: str | None = None) -> str:
    return render("funding_totals.html", links=links, tables=totals_for(dataset, area))


def funding_pots(dataset: Dataset, links: Links, area: str | None = None) -> str:
    pots = []
    for pot in in_area(dataset, "funding-pots", area):
        paid = dataset.referrers("funding-pots", pot.id, of_type="funded-projects")
        pots.append((pot, sum((p.amount for p in paid), Decimal(0)), len(paid)))
    return render("funding_pots.html", links=links, pots=pots, data=dataset)
