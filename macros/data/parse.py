"""Turn raw records into typed models, collecting every problem with its file and line."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from macros.data.load import RawRecord
from macros.data.messages import explain
from macros.data.problems import Problem
from macros.model import RECORD_TYPES
from macros.model.introspect import model_at


@dataclass(frozen=True)
class Parsed:
    """A valid record and where it was written."""

    record: BaseModel
    raw: RawRecord


def _clean_loc(loc: tuple) -> tuple:
    # pydantic adds the names of union members and validators, e.g. 'function-plain[parse()]'.
    return tuple(step for step in loc if isinstance(step, int) or ("[" not in step and "(" not in step))


def field_name(loc: tuple) -> str:
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(record)"


def filled(value):
    """A record without the fields left empty (''), at any depth. The staff editor writes '' for a
    box typed in and then cleared; that means the field was left out, never an empty name."""
    if isinstance(value, dict):
        return {key: filled(item) for key, item in value.items() if item != ""}
    if isinstance(value, list):
        return [filled(item) for item in value]
    return value


def parse_record(raw: RawRecord) -> tuple[Parsed | None, list[Problem]]:
    model = RECORD_TYPES[raw.record_type].model
    try:
        return Parsed(model.model_validate(filled(raw.data)), raw), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = _clean_loc(error["loc"])
            extra = (error.get("ctx") or {}).get("field")
            if extra:
                loc = (*loc, extra)
            name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
            rule, message = explain(error, model_at(model, loc) if loc else model, name)
            problems.append(Problem(raw.path, raw.line_of(loc), field_name(loc), message, rule=rule))
        return None, problems


def parse_all(raws: list[RawRecord]) -> tuple[list[Parsed], list[RawRecord], list[Problem]]:
    """Valid records, the raw records that failed, and every problem found."""
    parsed, failed, problems = [], [], []
    for raw in raws:
        record, trouble = parse_record(raw)
        if record:
            parsed.append(record)
        else:
            failed.append(raw)
        problems += trouble
    return parsed, failed, problems
