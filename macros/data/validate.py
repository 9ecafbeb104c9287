"""Check a data folder: load, parse and apply the rules, collecting every problem, then the Dataset."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from macros.data.dataset import Dataset
from macros.data.load import load_data
from macros.data.parse import parse_all
from macros.data.problems import DataError, Problem, Severity, errors
from macros.data.rules import DEFAULT_ROUTE_AGE_DAYS, check_all
from macros.model import RECORD_TYPES


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
