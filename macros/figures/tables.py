"""Summary tables (totals) that are shown on pages and offered as CSV from the same numbers.

Like charts.py for pictures: one object per table, so the page and its download cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from macros.data.dataset import Dataset
from macros.figures.spreadsheet import csv_text
from macros.model.base import NOT_STATED

NO_PRIORITY = "No priority given"


@dataclass(frozen=True)
class TotalRow:
    key: str  # the value of the CSV column this row sums over ("" for none)
    label: str
    projects: int
    amount: Decimal  # the sum of the stated amounts
    record_type: str | None = None  # the row's label links to this record's page
    unstated: int = 0  # projects counted here whose amount the report does not give


@dataclass(frozen=True)
class Totals:
    """Funded projects grouped by one column of /data/funded-projects.csv, with count and sum."""

    id: str
    caption: str
    heading: str  # the first column's heading
    column: str  # the funded-projects.csv column each row's key matches
    rows: tuple[TotalRow, ...]
    note: str = ""

    @property
    def csv_path(self) -> str:
        return f"data/tables/{self.id}.csv"

    def csv(self) -> str:
        return csv_text([[self.heading, f"{self.column} (id)", "Projects", "Amount (£)",
                          "Projects of unstated amount"],
                         *([r.label, r.key, r.projects, r.amount, r.unstated] for r in self.rows)])


def _totals(dataset: Dataset, projects, id_: str, caption: str, heading: str, column: str,
            keys, record_type: str | None, note: str = "", by_amount: bool = True,
            missing: str = NO_PRIORITY) -> Totals:
    """Count and sum the projects by key with pandas: one row of the frame per (key, project)."""
    import pandas as pd

    pairs = [(key, index, p.amount) for index, p in enumerate(projects) for key in keys(p) or [""]]
    frame = pd.DataFrame(pairs, columns=["key", "project", "amount"])
    # Amounts stay Decimals (an object column), so the pounds and pence are exact.
    grouped = frame.groupby("key", sort=False).agg(
        projects=("project", "nunique"),
        amount=("amount", lambda amounts: sum((a for a in amounts if a is not None), Decimal(0))),
        unstated=("amount", lambda amounts: sum(a is None for a in amounts)))
    rows = []
    for key, found in grouped.iterrows():
        record = dataset.find(record_type, key) if record_type and key else None
        name = getattr(record, "name", None) or key or missing
        rows.append(TotalRow(key, name, int(found["projects"]), found["amount"],
                             record_type if record else None, int(found["unstated"])))
    order = (lambda r: (-r.amount, r.label)) if by_amount else (lambda r: r.key)
    return Totals(id_, caption, heading, column, tuple(sorted(rows, key=order)), note)


def funding_totals(dataset: Dataset, area: str | None = None) -> list[Totals]:
    """Totals by financial year, priority, funder and area."""
    projects = [p for p in dataset.all("funded-projects") if area is None or p.area == area]
    if not projects:
        return []
    suffix = f"-{area}" if area else ""
    return [
        _totals(dataset, projects, f"funding-by-year{suffix}", "Funding by financial year", "Financial year",
                "financial_year", lambda p: [p.financial_year] if p.financial_year else [], None,
                by_amount=False, missing=NOT_STATED),
        _totals(dataset, projects, f"funding-by-priority{suffix}", "Funding by priority", "Priority",
                "priorities", lambda p: list(p.priorities), "priorities",
                "A project for more than one priority counts in full under each, so this table's rows "
                "add up to more than the total."),
        _totals(dataset, projects, f"funding-by-funder{suffix}", "Funding by funder", "Funder", "funder",
                lambda p: [p.funder] if p.funder else [], "organisations", missing=NOT_STATED),
        _totals(dataset, projects, f"funding-by-area{suffix}", "Funding by area", "Area", "area",
                lambda p: [p.area], "areas"),
    ]


def site_tables(dataset: Dataset, areas: Iterable[str] = ()) -> list[Totals]:
    """Every summary table the site shows, so its CSV can be published beside it: the site's, and
    those of the areas that have pages of their own (a large site's partnerships)."""
    return [*funding_totals(dataset), *(table for area in areas for table in funding_totals(dataset, area))]
