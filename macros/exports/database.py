"""Every published record in one SQLite database that Datasette (or any SQLite client) opens as
it is: a table per record type with the CSV's columns, typed, `id` the primary key and each
single reference a foreign key; each list of references a link table of its own
(`funded_projects_priorities`: funded_projects_id, priorities_id), so totals by priority are SQL.

Made with the standard library's sqlite3 in memory, then written out whole.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

from macros.data.dataset import Dataset
from macros.exports.records import columns
from macros.exports.typed import rows
from macros.model import RECORD_TYPES
from macros.model.introspect import reference_target

DATABASE_PATH = "data/all-records.sqlite"
SQL_TYPES = {"number": "REAL", "boolean": "INTEGER", "date": "TEXT", "string": "TEXT", "array": "TEXT",
             "object": "TEXT"}


def table_name(record_type: str) -> str:
    return record_type.replace("-", "_")


def link_tables(record_type: str) -> list[tuple[str, str, str]]:
    """[(table, field, target type)] for each list of references a record type has."""
    model = RECORD_TYPES[record_type].model
    found = []
    for column in columns(record_type):
        info = model.model_fields.get(column.name)
        target = reference_target(info) if info is not None and column.many else None
        if target:
            found.append((f"{table_name(record_type)}_{column.name}", column.name, target))
    return found


def _value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _create(db: sqlite3.Connection, record_type: str) -> None:
    table = table_name(record_type)
    parts = []
    for c in columns(record_type):
        parts.append(f'"{c.name}" {SQL_TYPES[c.kind]}' + (" PRIMARY KEY NOT NULL" if c.name == "id" else ""))
    parts += [f'FOREIGN KEY ("{c.name}") REFERENCES "{table_name(c.ref)}" ("id")'
              for c in columns(record_type) if c.ref]
    db.execute(f'CREATE TABLE "{table}" ({", ".join(parts)})')
    for link, _, target in link_tables(record_type):
        own, other = f"{table}_id", f"{table_name(target)}_id"
        if own == other:
            other = f"other_{other}"
        db.execute(f'CREATE TABLE "{link}" ("{own}" TEXT NOT NULL REFERENCES "{table}" ("id"), '
                   f'"{other}" TEXT NOT NULL REFERENCES "{table_name(target)}" ("id"), '
                   f'"position" INTEGER NOT NULL, PRIMARY KEY ("{own}", "{other}"))')


def database(dataset: Dataset) -> bytes:
    db = sqlite3.connect(":memory:")
    for record_type in RECORD_TYPES:
        _create(db, record_type)
    for record_type in RECORD_TYPES:
        names = [c.name for c in columns(record_type)]
        marks = ", ".join("?" * len(names))
        quoted = ", ".join(f'"{n}"' for n in names)
        db.executemany(f'INSERT INTO "{table_name(record_type)}" ({quoted}) VALUES ({marks})',
                       ([_value(row[n]) for n in names] for row in rows(dataset, record_type)))
        for link, field, _ in link_tables(record_type):
            pairs = {(record.id, target): n for record in dataset.all(record_type)
                     for n, target in enumerate(getattr(record, field) or [])}
            db.executemany(f'INSERT OR IGNORE INTO "{link}" VALUES (?, ?, ?)',
                           [(own, other, n) for (own, other), n in pairs.items()])
    db.commit()
    found = db.serialize()
    db.close()
    return found
