"""Turn raw records into typed models, collecting every problem with its file and line."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from macros.data.load import RawRecord
from macros.data.messages import explain
from macros.data.problems import Problem
from macros.data.yaml_reader import LineList, LineMap
from macros.model import RECORD_TYPES
from macros.model.catalogue import Rule
from macros.model.introspect import model_at, nested_model


@dataclass(frozen=True)
class Parsed:
    """A valid record and where it was written."""

    record: BaseModel
    raw: RawRecord


def _clean_loc(loc: tuple) -> tuple:
    # pydantic adds the names of union members and validators, e.g. 'function-plain[parse()]'.
    return tuple(step for step in loc if isinstance(step, int) or ("[" not in step and "(" not in step))


def field_name(loc: tuple) -> str:
    """'channels[1].number': list positions count from 1, as people count them (and as diff does)."""
    text = ""
    for step in loc:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(record)"


def filled(value):
    """A record without the fields left empty (''), at any depth. The staff editor writes '' for a
    box typed in and then cleared; that means the field was left out, never an empty name."""
    if isinstance(value, dict):
        return {key: filled(item) for key, item in value.items() if item != ""}
    if isinstance(value, list):
        return [filled(item) for item in value]
    return value


def fields_in_text(model: type[BaseModel], data: LineMap,
                   loc: tuple = ()) -> Iterator[tuple[tuple, int, str]]:
    """(location of the mapping, line, field) for each field of `model` written, by mistake of
    indentation, inside a block of text (`description: >-`) of that mapping, and nowhere else."""
    for key, found in getattr(data, "block_fields", {}).items():
        for line, name in found:
            if name in model.model_fields and name not in data:
                yield (*loc, key), line, name
    for key, value in data.items():
        info = model.model_fields.get(key) if isinstance(key, str) else None
        inner = nested_model(info.annotation) if info else None
        if inner is None:
            continue
        if isinstance(value, LineMap):
            yield from fields_in_text(inner, value, (*loc, key))
        elif isinstance(value, LineList):
            for index, item in enumerate(value):
                if isinstance(item, LineMap):
                    yield from fields_in_text(inner, item, (*loc, key, index))


def _written_empty(data, loc: tuple) -> bool:
    """Whether the field at loc is written with an empty value ('name: ""'), which filled() drops."""
    node = data
    for step in loc:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return False
    return node == ""


def parse_record(raw: RawRecord, explain_errors: int | None = None
                 ) -> tuple[Parsed | None, list[Problem], int]:
    """(the record if valid, its problems, how many more problems it has that were not explained:
    past `explain_errors` of them, they are counted)."""
    model = RECORD_TYPES[raw.record_type].model
    in_text = list(fields_in_text(model, raw.data))
    explained = {(*where[:-1], name) for where, _, name in in_text}
    problems = [Problem(raw.path, line, field_name((*where[:-1], name)),
                        f"'{name}:' is indented under '{where[-1]}:', so it is read as part of that "
                        f"text; move '{name}:' left to line up with '{where[-1]}:'", Rule.FIELD_IN_TEXT)
                for where, line, name in in_text]
    try:
        record = model.model_validate(filled(raw.data))
    except ValidationError as exc:
        budget = exc.error_count() if explain_errors is None else max(explain_errors, 0)
        for error in exc.errors()[:budget]:
            loc = _clean_loc(error["loc"])
            extra = (error.get("ctx") or {}).get("field")
            if extra:
                loc = (*loc, extra)
            if error["type"] == "missing" and loc in explained:
                continue  # the field is there, indented into a text: said above
            name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
            rule, message = explain(error, model_at(model, loc) if loc else model, name, model, loc)
            if error["type"] == "missing" and _written_empty(raw.data, loc):
                message = f"'{name}:' is empty; write its value after the colon, or leave the line out"
            problems.append(Problem(raw.path, raw.line_of(loc), field_name(loc), message, rule=rule))
        return None, problems, max(exc.error_count() - budget, 0)
    return (None if problems else Parsed(record, raw)), problems, 0


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)


def partial_record(raw: RawRecord) -> Parsed:
    """A record that failed validation, with each field that is valid on its own and None for the
    others, so the rules across records still see its id, amount or parent: a duplicate id or an
    overspent pot is reported in the same run as the record's own mistakes, not after them."""
    model = RECORD_TYPES[raw.record_type].model
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in raw.data:
            try:
                values[name] = _field_adapter(model, name).validate_python(raw.data[name])
            except (ValidationError, TypeError, ValueError):
                values[name] = None
        else:
            values[name] = None if info.is_required() else info.get_default(call_default_factory=True)
    return Parsed(model.model_construct(**values), raw)


def parse_all(raws: list[RawRecord], limit: int | None = None
              ) -> tuple[list[Parsed], list[RawRecord], list[Problem], dict[str, int]]:
    """Valid records, the raw records that failed, every problem found, and, past `limit`
    problems in one file, how many more that file has (counted, not explained: a file of
    100,000 broken records is checked in seconds)."""
    parsed, failed, problems = [], [], []
    listed: dict[str, int] = {}
    unlisted: dict[str, int] = {}
    for raw in raws:
        budget = None if limit is None else limit - listed.get(raw.path, 0)
        record, trouble, more = parse_record(raw, budget)
        if record:
            parsed.append(record)
        else:
            failed.append(raw)
        problems += trouble
        listed[raw.path] = listed.get(raw.path, 0) + len(trouble)
        if more:
            unlisted[raw.path] = unlisted.get(raw.path, 0) + more
    return parsed, failed, problems, unlisted
