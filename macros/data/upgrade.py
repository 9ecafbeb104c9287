"""Past states of the data read in today's shape: the one place a format change is migrated.

The changelog reads every published state with today's loader and rules. When the format
changes (a field renamed, a date turned into a typed partial date), an earlier state would no
longer validate and its history would vanish. Each migration is written here, once, as a step
from the old shape of a record to the new one; every reader of history calls `upgrade` on each
record before parsing it, so a past state reads as if written today. Today's files pass through
unchanged: a migration only rewrites what is in the old shape.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from macros.data.load import RawRecord


def upgrade(raw: Any, record_type: str) -> Any:
    """One record as written (its mapping, with line numbers) in today's shape. No format change
    needs migrating yet, so it is returned as it is."""
    return raw


def upgraded(records: list[RawRecord]) -> list[RawRecord]:
    """Every record of a past state, upgraded; a record that needs no change is kept as it is."""
    out = []
    for record in records:
        data = upgrade(record.data, record.record_type)
        out.append(record if data is record.data else replace(record, data=data))
    return out
