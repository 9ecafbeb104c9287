"""Pydantic's error messages rewritten in plain English, each with its fix and its rule.

No message shows a regular expression, a Python type or a value longer than a line: a pattern is
said in words, a value is quoted short (catalogue.shown), and a field written in the wrong place
is told where it belongs.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from macros.model.catalogue import Rule, shown
from macros.model.introspect import nested_model

_TYPE_WORDS = {
    "string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "bool_type": "true or false",
    "bool_parsing": "true or false", "list_type": "a list", "dict_type": "a set of fields",
    "model_type": "a set of fields", "model_attributes_type": "a set of fields", "date_type": "a date",
    "decimal_type": "a number", "decimal_parsing": "a number",
}

# Patterns in words, with an example; a pattern not listed here is never shown as it is.
PATTERN_WORDS = {
    r"^#\w+$": ("a hashtag: '#' and then letters or digits, with no spaces", "#StopHate"),
    r"^[A-Z]{2}-[A-Z]{2,5}-\S+$": ("an org-id.guide identifier: the country's two capital letters, "
                                   "a hyphen, the register's code in capitals, a hyphen and the "
                                   "number in that register", "GB-CHC-1108687"),
}


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return f"the number {value}"
    return shown(value)


def field_help(model: type[BaseModel] | None, name: str) -> str:
    if model is None or name not in model.model_fields:
        return ""
    description = model.model_fields[name].description
    return f" ({description})" if description else ""


def field_paths(model: type[BaseModel], name: str, prefix: tuple[str, ...] = (), depth: int = 0):
    """Every place (a tuple of field names) where a field called `name` can be written."""
    for field, info in model.model_fields.items():
        if field == name:
            yield (*prefix, field)
        inner = nested_model(info.annotation)
        if inner is not None and depth < 4:
            yield from field_paths(inner, name, (*prefix, field), depth + 1)


def belongs(root: type[BaseModel] | None, loc: tuple, name: str) -> str | None:
    """Where a field written in the wrong place belongs, in words, or None."""
    if root is None:
        return None
    here = tuple(step for step in loc[:-1] if isinstance(step, str))
    places = [path[:-1] for path in field_paths(root, name) if path[:-1] != here]
    if not places:
        return None
    place = min(places, key=lambda p: (len(set(p) ^ set(here)), len(p)))
    if not place:
        return (f"'{name}' belongs to the record itself, not under '{here[-1]}:'; move it left to "
                f"line up with '{here[0]}:'")
    return (f"'{name}' is not a field here; it belongs under '{place[-1]}:' (indent it under "
            f"'{place[-1]}:', with the other fields there)")


def _pattern(value: Any, pattern: str) -> str:
    words = PATTERN_WORDS.get(pattern)
    if words is None:
        return f"{describe(value)} is not written in the form this field needs; see the staff guide"
    form, example = words
    fix = f"'#{''.join(str(value).lstrip('#').split())}'" if pattern == r"^#\w+$" else f"'{example}'"
    return f"{describe(value)} is not {form}; write it like {fix}"


def explain(error: dict, model: type[BaseModel] | None, name: str,
            root: type[BaseModel] | None = None, loc: tuple = ()) -> tuple[Rule, str]:
    """(rule code, plain-English message with the fix) for one pydantic error."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind in Rule._value2member_map_ and kind != "missing":  # our own PydanticCustomError codes
        return Rule(kind), error["msg"]
    if kind == "missing":
        return Rule.MISSING, f"this field is required; add '{name}:' with a value{field_help(model, name)}"
    if kind == "extra_forbidden":
        allowed = sorted(model.model_fields) if model else []
        close = difflib.get_close_matches(name, allowed, n=1)
        if close:
            return Rule.UNKNOWN_FIELD, f"{shown(name)} is not a field here; did you mean '{close[0]}'?"
        elsewhere = belongs(root, loc, name)
        if elsewhere:
            return Rule.MISPLACED_FIELD, elsewhere
        return Rule.UNKNOWN_FIELD, f"{shown(name)} is not a field here; allowed fields: " + ", ".join(allowed)
    if kind in {"enum", "literal_error"}:
        return Rule.NOT_ALLOWED, f"{describe(value)} is not allowed; use one of: {ctx.get('expected')}"
    if kind == "too_short":
        return Rule.MISSING, f"needs at least {ctx.get('min_length', 1)} entry; add one"
    if kind == "string_pattern_mismatch":
        return Rule.INVALID, _pattern(value, str(ctx.get("pattern")))
    if kind in _TYPE_WORDS and value is None:
        return Rule.MISSING, (f"has no value; write it after '{name}:' on the same line, or leave "
                              "the field out when it is optional")
    if kind in _TYPE_WORDS:
        want = _TYPE_WORDS[kind]
        fix = ""
        if kind == "list_type":
            fix = "; write each item on its own line starting with '- '"
        elif kind == "string_type" and not isinstance(value, dict | list):
            fix = f"; if {describe(value).removeprefix('the number ')} is the text, put it in quotes"
        elif kind == "string_type":
            fix = "; if the text starts with '[' or '{', put it in quotes"
        return Rule.WRONG_TYPE, f"should be {want}, not {describe(value)}{fix}"
    if kind == "value_error":
        return Rule.INVALID, str(ctx.get("error", error["msg"]))
    return Rule.INVALID, f"is not valid here ({describe(value)}); check it against the staff guide"
