"""Each record as typed values, column by column (records.columns): numbers as numbers, dates as
dates, text as text, for the formats that keep types (the XLSX workbook, the SQLite database).

The CSV's cells are text; these are the same columns with the same values, so every format says
the same thing. A missing value is None.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from macros.data.dataset import Dataset
from macros.exports.records import Column, columns, reference_names
from macros.model import record_path


def _plain(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "true" if value is True else "false" if value is False else str(value)


def _typed(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.many:
        return "; ".join(_plain(v) for v in value)
    if column.kind == "number":
        return Decimal(str(value))
    if column.kind == "boolean":
        return bool(value)
    if column.kind == "date":
        return dt.date.fromisoformat(str(value))
    return _plain(value)


def typed_row(dataset: Dataset, record_type: str, record: BaseModel) -> dict[str, Any]:
    dumped = record.model_dump(mode="json")
    out: dict[str, Any] = {}
    for column in columns(record_type):
        if column.name == "page":
            out["page"] = "/" + record_path(record_type, record.id)
        elif column.derived_from:
            out[column.name] = column.derive(getattr(record, column.derived_from, None))
        elif column.name in dumped:
            out[column.name] = _typed(column, dumped[column.name])
        else:  # a *_name or *_names column beside a reference
            out[column.name] = reference_names(dataset, record_type, column.name, dumped) or None
    return out


def rows(dataset: Dataset, record_type: str):
    for record in dataset.all(record_type):
        yield typed_row(dataset, record_type, record)
