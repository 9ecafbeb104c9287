"""The validated, published, cross-linked data that every page and export is made from.

validate.py makes one per build (load -> parse -> rules); views and exports only ever see a Dataset.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from macros.data.parse import Parsed
from macros.model import RECORD_TYPES
from macros.model.introspect import iter_citations, iter_refs


@dataclass(frozen=True)
class Dataset:
    """Published records by type, in file order, with a reverse index of references."""

    records: dict[str, tuple[BaseModel, ...]]
    positions: dict[tuple[str, str], tuple[str, int]] = field(repr=False)
    _by_id: dict[tuple[str, str], BaseModel] = field(repr=False)
    _referrers: dict[tuple[str, str], tuple[tuple[str, BaseModel], ...]] = field(repr=False)
    _citations: dict[str, tuple[tuple[str, str, BaseModel], ...]] = field(repr=False, default_factory=dict)
    _derived: dict = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def from_parsed(cls, parsed: list[Parsed], today: dt.date) -> Dataset:
        published = [p for p in parsed if p.record.is_published(today)]
        records = {name: tuple(p.record for p in published if p.raw.record_type == name)
                   for name in RECORD_TYPES}
        by_id = {(p.raw.record_type, p.record.id): p.record for p in published}
        referrers: dict[tuple[str, str], list[tuple[str, BaseModel]]] = defaultdict(list)
        for p in published:
            for target in dict.fromkeys((t, i) for _, t, i in iter_refs(p.record)):
                referrers[target].append((p.raw.record_type, p.record))
        citations: dict[str, list[tuple[str, str, BaseModel]]] = defaultdict(list)
        for p in published:
            for citation in dict.fromkeys(iter_citations(p.record)):
                citations[citation.document].append((citation.section, p.raw.record_type, p.record))
        return cls(
            records=records,
            positions={(p.raw.record_type, p.record.id): (p.raw.path, p.raw.line) for p in published},
            _by_id=by_id,
            _referrers={k: tuple(v) for k, v in referrers.items()},
            _citations={k: tuple(v) for k, v in citations.items()},
        )

    def all(self, record_type: str) -> tuple[BaseModel, ...]:
        return self.records[record_type]

    def get(self, record_type: str, record_id: str) -> BaseModel:
        return self._by_id[(record_type, record_id)]

    def as_at(self, record: BaseModel):
        """When a record's status and totals were true: the date of the latest document it cites
        (a status in a 2022 report is true as at 2022, not today). None when it cites none."""
        dates = [doc.date for c in getattr(record, "sources", ())
                 if (doc := self.find("sources", c.document)) is not None]
        return max(dates, default=None)

    def find(self, record_type: str, record_id: str | None) -> BaseModel | None:
        return self._by_id.get((record_type, record_id)) if record_id else None

    def referrers(self, record_type: str, record_id: str,
                  of_type: str | None = None) -> tuple[BaseModel, ...] | tuple[tuple[str, BaseModel], ...]:
        """Records that name this one; with of_type, just those records of that type."""
        found = self._referrers.get((record_type, record_id), ())
        if of_type is None:
            return found
        return tuple(record for kind, record in found if kind == of_type)

    def citing(self, document: str) -> tuple[tuple[str, str, BaseModel], ...]:
        """(section, record type, record) for every published record citing a document, in file order."""
        return self._citations.get(document, ())

    def counts(self) -> dict[str, int]:
        return {name: len(items) for name, items in self.records.items()}

    def derived(self, key: tuple, make: Callable[[], Any]) -> Any:
        """make(), once per Dataset: a chart or a table that pages and files share is made once.

        A Dataset never changes, so whatever is computed from it alone stays true while it lives."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]
