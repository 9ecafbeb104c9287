"""Pydantic's error messages rewritten in plain English, each with its fix and its rule."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

from macros.model.catalogue import Rule

_TYPE_WORDS = {
    "string_type": "text", "int_type": "a whole number", "float_type": "a number",
    "bool_type": "true or false", "bool_parsing": "true or false", "list_type": "a list",
    "dict_type": "a set of fields", "model_type": "a set of fields", "model_attributes_type":
    "a set of fields", "date_type": "a date", "decimal_type": "a number",
}


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return repr(value) if not isinstance(value, str) else f"'{value}'"


def field_help(model: type[BaseModel] | None, name: str) -> str:
    if model is None or name not in model.model_fields:
        return ""
    description = model.model_fields[name].description
    return f" ({description})" if description else ""


def explain(error: dict, model: type[BaseModel] | None, name: str) -> tuple[Rule, str]:
    """(rule code, plain-English message with the fix) for one pydantic error."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind in Rule._value2member_map_ and kind != "missing":  # our own PydanticCustomError codes
        return Rule(kind), error["msg"]
    if kind == "missing":
        return Rule.MISSING, f"this field is required; add '{name}:' with a value{field_help(model, name)}"
    if kind == "extra_forbidden":
        allowed = sorted(model.model_fields) if model else []
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "allowed fields: " + ", ".join(allowed)
        return Rule.UNKNOWN_FIELD, f"'{name}' is not a field here; {hint}"
    if kind in {"enum", "literal_error"}:
        return Rule.NOT_ALLOWED, f"{describe(value)} is not allowed; use one of: {ctx.get('expected')}"
    if kind == "too_short":
        return Rule.MISSING, f"needs at least {ctx.get('min_length', 1)} entry; add one"
    if kind == "string_pattern_mismatch":
        return Rule.INVALID, f"{describe(value)} is not in the expected form ({ctx.get('pattern')})"
    if kind in _TYPE_WORDS:
        want = _TYPE_WORDS[kind]
        fix = "; write each item on its own line starting with '- '" if kind == "list_type" else ""
        return Rule.WRONG_TYPE, f"should be {want}, not {describe(value)}{fix}"
    if kind == "value_error":
        return Rule.INVALID, str(ctx.get("error", error["msg"]))
    return Rule.INVALID, f"{error['msg']} (value: {describe(value)})"
