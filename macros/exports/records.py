"""Open data: every published record type as CSV and JSON (datapackage.py describes them).

Columns come from the models, so a new field is exported (and described) without more code.
Each reference also gets a `<field>_name` column, so a spreadsheet reader need not join tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import typing
from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel

from macros.data.dataset import Dataset
from macros.figures import spreadsheet
from macros.model import INTERNAL_FIELDS, RECORD_TYPES, label, record_path
from macros.model.fields import PartialDate
from macros.model.introspect import is_model, list_item, reference_target, unwrap

LICENCE = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # a Frictionless field type: string, number, date, array, object
    description: str
    ref: str | None = None  # the record type a single reference points at
    many: bool = False  # a list of plain values, written joined by "; "
    derived_from: str | None = None  # a column computed from another field (a partial date's bounds)
    bound: str = ""  # "earliest" or "latest": which day of a partial date's period

    def derive(self, value) -> dt.date | None:
        """The first or last day of a partial date's period (2018 -> 2018-01-01, 2018-12-31)."""
        if value is None:
            return None
        return value.first_day if self.bound == "earliest" else value.last_day


def _kind(annotation: typing.Any) -> str:
    inner = unwrap(annotation)
    if is_model(inner):
        return "object"
    if isinstance(inner, type) and issubclass(inner, bool):
        return "boolean"
    if isinstance(inner, type) and issubclass(inner, Decimal | int):
        return "number"
    if isinstance(inner, type) and issubclass(inner, dt.date):
        return "date"
    return "string"  # text, ids, enums, and PartialDate (a year or month is not a Frictionless date)


@functools.cache  # the models do not change during a run; a national site asks 100,000 times
def columns(record_type: str) -> tuple[Column, ...]:
    """The CSV columns of a record type, in the model's field order."""
    out = []
    for name, info in RECORD_TYPES[record_type].model.model_fields.items():
        if name in INTERNAL_FIELDS:
            continue
        description = info.description or ""
        target = reference_target(info)
        item = list_item(info.annotation)
        if item is not None:
            nested = is_model(item)
            out.append(Column(name, "array" if nested else "string", description, many=not nested))
            if target:
                out.append(Column(f"{name}_names", "string", f"Names of the records in {name}", many=True))
            continue
        kind = "string" if target else _kind(info.annotation)
        out.append(Column(name, kind, description, ref=target))
        if target:
            out.append(Column(f"{name}_name", "string", f"Name of the record in {name}"))
        if unwrap(info.annotation) is PartialDate:
            # As reported ("2018", "2023-04") beside the period it stands for, as two real dates.
            for bound, day in (("earliest", "first"), ("latest", "last")):
                out.append(Column(f"{name}_{bound}", "date",
                                  f"The {day} day of the period {name} gives (a date known to the day "
                                  f"is its own {bound} day)", derived_from=name, bound=bound))
    out.append(Column("page", "string", "This record's page on the site (a path from the site root)"))
    return tuple(out)


@functools.cache
def _target(record_type: str, field: str) -> str | None:
    return reference_target(RECORD_TYPES[record_type].model.model_fields[field])


def _cell(value: typing.Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _name(dataset: Dataset, record_type: str, record_id: str) -> str:
    record = dataset.find(record_type, record_id)
    return label(record) if record else record_id


def row(dataset: Dataset, record_type: str, record: BaseModel) -> dict[str, str]:
    dumped = record.model_dump(mode="json")
    out: dict[str, str] = {}
    for column in columns(record_type):
        if column.name == "page":
            out["page"] = "/" + record_path(record_type, record.id)
        elif column.derived_from:
            day = column.derive(getattr(record, column.derived_from, None))
            out[column.name] = day.isoformat() if day else ""
        elif column.name in dumped:
            value = dumped[column.name]
            text = "; ".join(_cell(v) for v in value) if column.many else _cell(value)
            out[column.name] = text
        else:  # a *_name or *_names column beside a reference
            out[column.name] = reference_names(dataset, record_type, column.name, dumped)
    return out


def reference_names(dataset: Dataset, record_type: str, column: str, dumped: dict) -> str:
    """The names of the records a reference column's field names, joined by '; '."""
    source = column.rsplit("_", 1)[0]
    target = _target(record_type, source)
    ids = dumped[source] if isinstance(dumped[source], list) else [dumped[source]]
    return "; ".join(_name(dataset, target, i) for i in ids if i)


def csv_text(dataset: Dataset, record_type: str) -> str:
    """The records as CSV, through the one CSV writer (which makes formula-like cells safe)."""
    names = [c.name for c in columns(record_type)]
    rows = (row(dataset, record_type, record) for record in dataset.all(record_type))
    return spreadsheet.csv_text([names, *([found[name] for name in names] for found in rows)])


def json_text(dataset: Dataset, record_type: str) -> str:
    """The records as nested JSON, exactly as the data files hold them (less the internal fields)."""
    internal = set(INTERNAL_FIELDS)
    records = [record.model_dump(mode="json", exclude=internal) for record in dataset.all(record_type)]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
