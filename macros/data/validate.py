"""Check a data folder: load, parse and apply the rules, collecting every problem, then the Dataset."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from macros.data.dataset import Dataset
from macros.data.load import load_folder
from macros.data.parse import parse_all
from macros.data.problems import MAX_LISTED_PER_FILE, DataError, Problem, Severity, errors, listed
from macros.data.rules import DEFAULT_ROUTE_AGE_DAYS, check_all
from macros.data.upgrade import upgraded
from macros.model import RECORD_TYPES


@dataclass(frozen=True, order=True)
class Embargo:
    """A public record whose embargo_until is still to come: it appears on the site that day."""

    day: dt.date
    record_type: str
    record_id: str
    path: str
    line: int


def coming_embargoes(parsed, today: dt.date) -> list[Embargo]:
    return sorted(Embargo(p.record.embargo_until, p.raw.record_type, p.record.id, p.raw.path, p.raw.line)
                  for p in parsed if p.record.visibility.value == "public" and p.record.embargo_until
                  and p.record.embargo_until > today)


@dataclass(frozen=True)
class Validation:
    """The outcome of checking a data folder: every problem, and the data if usable."""

    problems: list[Problem]
    dataset: Dataset | None
    counts: dict[str, int]
    unreadable: dict[str, list[str]] = field(default_factory=dict)  # record type -> files not read
    error_count: int = 0  # every error, those not listed (past 100 in a file) included
    embargoes: list[Embargo] = field(default_factory=list)  # public records not yet published, by date

    @property
    def ok(self) -> bool:
        return not errors(self.problems)

    @property
    def note(self) -> str | None:
        """What was not checked because a file could not be read, in one sentence; or None."""
        if not self.unreadable:
            return None
        names = [RECORD_TYPES[name].title.lower() for name in self.unreadable]
        files = sorted({path for paths in self.unreadable.values() for path in paths})
        return (f"References to {_and(names)} were not checked, because {_and(files)} could not be "
                "read")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def validate(data_dir: Path, today: dt.date | None = None,
             route_age_days: int = DEFAULT_ROUTE_AGE_DAYS, strict: bool = False,
             past: bool = False) -> Validation:
    """Load, parse and check everything; never stops at the first problem. A past state (from
    the history, `past=True`) is upgraded to today's format first (data/upgrade.py)."""
    today = today or dt.date.today()
    loaded = load_folder(Path(data_dir))
    if past:
        loaded.records = upgraded(loaded.records)
    problems = loaded.problems
    parsed, failed, trouble, unlisted = parse_all(loaded.records, MAX_LISTED_PER_FILE)
    problems += trouble
    problems += check_all(parsed, today, route_age_days, failed, set(loaded.unreadable))
    if strict:
        problems = [Problem(p.path, p.line, p.field, p.message, p.rule, Severity.error, p.record)
                    for p in problems]
    counts = {name: sum(1 for p in parsed if p.raw.record_type == name) for name in RECORD_TYPES}
    usable = not errors(problems)
    dataset = Dataset.from_parsed(parsed, today) if usable else None
    error_count = len(errors(problems)) + sum(unlisted.values())
    return Validation(listed(problems, unlisted), dataset, counts, loaded.unreadable, error_count,
                      coming_embargoes(parsed, today))


def load_dataset(data_dir: Path, today: dt.date | None = None, **options) -> Dataset:
    """The Dataset for a build; raises DataError listing every problem if there are errors."""
    result = validate(data_dir, today, **options)
    if not result.ok:
        raise DataError(errors(result.problems))
    return result.dataset
