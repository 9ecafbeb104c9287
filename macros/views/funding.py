"""Funded projects with their total, and funding pots."""

from __future__ import annotations

from decimal import Decimal

from ..dataset import Dataset
from ..links import Links
from .common import in_area
from .render import render


def funding_table(dataset: Dataset, links: Links, area: str | None = None) -> str:
    projects = sorted(in_area(dataset, "funded-projects", area), key=lambda p: p.award_date)
    total = sum((p.amount for p in projects), Decimal(0))
    rows = [(p, dataset.find("organisations", p.funder)) for p in projects]
    return render("funding_table.html", links=links, rows=rows, total=total)


def funding_pots(dataset: Dataset, links: Links, area: str | None = None) -> str:
    pots = []
    for pot in in_area(dataset, "funding-pots", area):
        paid = dataset.referrers("funding-pots", pot.id, of_type="funded-projects")
        pots.append((pot, sum((p.amount for p in paid), Decimal(0)), len(paid)))
    return render("funding_pots.html", links=links, pots=pots)
