"""Each published change as a CSV file: one row per field changed, one per record added,
removed, retired or withdrawn; written by the one CSV writer (figures/spreadsheet.py).

Columns: when it was published, the record's type (as in /data/<type>.csv), id and name, what
happened to it, the field as staff name it, and the values before and after as the site shows
them. Records withdrawn since are counted on the page, never listed here.
"""

from __future__ import annotations

from macros.changes.changelog import Changelog, Entry
from macros.changes.words import kind_of
from macros.figures.spreadsheet import csv_text

HEADER = ("date", "record type", "id", "record", "change", "field", "before", "after")


def change_csv_path(entry: Entry) -> str:
    """A change's CSV, by its commit: the same address for as long as the change is published."""
    return f"changes/csv/{entry.short}.csv"


def change_rows(entry: Entry) -> list[tuple[str, ...]]:
    day = entry.date.date().isoformat()
    rows: list[tuple[str, ...]] = [HEADER]
    for change in entry.changes:
        start = (day, change.record_type, change.record_id, change.name, kind_of(change))
        if not change.fields:
            rows.append((*start, "", "", ""))
        for field in change.fields:
            before = field.before_shown if field.before_shown is not None else field.before
            after = field.after_shown if field.after_shown is not None else field.after
            rows.append((*start, field.label, before or "", after or ""))
    return rows


def change_csvs(changelog: Changelog) -> dict[str, str]:
    """{site path: CSV} for every change that shows a record."""
    return {change_csv_path(entry): csv_text(change_rows(entry)) for entry in changelog.entries
            if entry.changes}
