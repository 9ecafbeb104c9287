"""The validated, published, cross-linked data that every page and export is made from.

load -> parse -> rules happen once per build, here; views only ever see a Dataset.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .load import load_data
from .models import RECORD_TYPES
from .models.base import Citation
from .parse import Parsed, parse_all
from .problems import DataError, Problem, Severity, errors
from .rules import DEFAULT_ROUTE_AGE_DAYS, check_all, iter_refs


def iter_citations(model: BaseModel) -> Iterator[Citation]:
    """Every citation in a record, at any depth (a statistic's points cite their own reports)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, Citation):
                yield item
            elif isinstance(item, BaseModel):
                yield from iter_citations(item)


@dataclass(frozen=True)
class Dataset:
    """Published records by type, in file order, with a reverse index of references."""

    records: dict[str, tuple[BaseModel, ...]]
    positions: dict[tuple[str, str], tuple[str, int]] = field(repr=False)
    _by_id: dict[tuple[str, str], BaseModel] = field(repr=False)
    _referrers: dict[tuple[str, str], tuple[tuple[str, BaseModel], ...]] = field(repr=False)
    _citations: dict[str, tuple[tuple[str, str, BaseModel], ...]] = field(repr=False, default_factory=dict)

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


@dataclass(frozen=True)
class Validation:
    """The outcome of checking a data folder: every problem, and the data if usable."""

    problems: list[Problem]
    dataset: Dataset | None
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def validate(data_dir: Path, today: dt.date | None = None,
             route_age_days: int = DEFAULT_ROUTE_AGE_DAYS, strict: bool = False) -> Validation:
    """Load, parse and check everything; never stops at the first problem."""
    today = today or dt.date.today()
    raws, problems = load_data(Path(data_dir))
    parsed, failed, trouble = parse_all(raws)
    problems += trouble
    problems += check_all(parsed, today, route_age_days, failed)
    if strict:
        problems = [Problem(p.path, p.line, p.field, p.message, p.rule, Severity.error) for p in problems]
    counts = {name: sum(1 for p in parsed if p.raw.record_type == name) for name in RECORD_TYPES}
    usable = not errors(problems)
    return Validation(sorted(problems), Dataset.from_parsed(parsed, today) if usable else None, counts)


def load_dataset(data_dir: Path, today: dt.date | None = None, **options) -> Dataset:
    """The Dataset for a build; raises DataError listing every problem if there are errors."""
    result = validate(data_dir, today, **options)
    if not result.ok:
        raise DataError(errors(result.problems))
    return result.dataset
