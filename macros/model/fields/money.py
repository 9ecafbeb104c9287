"""Amounts of money in pounds, and other reported numbers, as plain decimal numbers."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from macros.model.catalogue import Rule, problem

_MONEY_RE = re.compile(r"^\d+(\.\d{1,2})?$")


def parse_money(value: Any) -> Decimal:
    """Amounts in pounds as plain numbers: 8700 or 8700.50, never '£8,700'."""
    if isinstance(value, bool):
        raise problem(Rule.MONEY, f"{value!r} is not an amount of money; write a number like 8700")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)
    elif isinstance(value, (str, Decimal)):
        text = str(value).strip()
    else:
        raise problem(Rule.MONEY, f"{value!r} is not an amount of money; write a number like 8700")
    if text.startswith("-"):
        raise problem(Rule.MONEY, f"'{text}' is negative; amounts of money must be 0 or more")
    if not _MONEY_RE.match(text):
        cleaned = re.sub(r"[£,\s]|GBP", "", text, flags=re.IGNORECASE)
        cleaned = re.sub(r"\.0+$", "", cleaned)
        hint = (
            f"write {cleaned}"
            if _MONEY_RE.match(cleaned)
            else "write the amount in pounds as a plain number, like 8700 or 8700.50"
        )
        raise problem(Rule.MONEY, f"'{text}' is not a plain amount of money; {hint}")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above already rules it out
        raise problem(Rule.MONEY, f"'{text}' is not a number") from exc


Money = Annotated[
    Decimal,
    BeforeValidator(parse_money),
    PlainSerializer(lambda d: int(d) if d == d.to_integral_value() else float(d), return_type=Any),
    WithJsonSchema({"type": "number", "minimum": 0, "multipleOf": 0.01,
                    "description": "Pounds sterling as a plain number, e.g. 8700"}),
]


def parse_number(value: Any) -> Decimal:
    """A count or measure: a plain number (commas are not allowed, to avoid 1,343 vs 1.343)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise problem(Rule.NUMBER, f"{value!r} is not a number; write digits like 1343")
    text = repr(value) if isinstance(value, float) else str(value).strip()
    if not re.match(r"^-?\d+(\.\d+)?$", text):
        cleaned = re.sub(r"[,\s%£]", "", text)
        hint = f"write {cleaned}" if re.match(r"^-?\d+(\.\d+)?$", cleaned) else "write digits"
        raise problem(Rule.NUMBER, f"'{text}' is not a plain number; {hint}")
    return Decimal(text)


Number = Annotated[
    Decimal,
    BeforeValidator(parse_number),
    PlainSerializer(lambda d: int(d) if d == d.to_integral_value() else float(d), return_type=Any),
    WithJsonSchema({"type": "number"}),
]
