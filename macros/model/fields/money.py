"""Amounts of money in pounds, and other reported numbers, as plain decimal numbers."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from macros.model.catalogue import Rule, problem, shown

# ASCII: not Arabic-Indic digits. No leading zero: 0420 is 272 to a YAML 1.1 reader (octal).
_MONEY_RE = re.compile(r"^(0|[1-9]\d*)(\.\d{1,2})?\Z", re.ASCII)
_NUMBER_RE = re.compile(r"^-?(0|[1-9]\d*)(\.\d+)?\Z", re.ASCII)
MONEY_CEILING = Decimal(1_000_000_000)  # more than any one grant, pot or project of a partnership
NUMBER_CEILING = Decimal(10) ** 15  # a count or measure; more digits than a chart can show exactly


def _written(value: Any) -> str | None:
    """A number as it was written, or None for something that is not a number at all."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return value.strip()
    return None


def _how_written(text: str) -> str:
    """Why a number-like text is not plain digits, when it is a form people do not mean."""
    lowered = text.lower()
    if re.match(r"^[-+]?0x[0-9a-f]+$", lowered):
        return " (it is written in hexadecimal)"
    if re.match(r"^[-+]?0o[0-7]+$", lowered):
        return " (it is written in octal)"
    if re.match(r"^[-+]?(\d+\.?\d*|\.\d+)e[-+]?\d+$", lowered):
        return " (it is written with an exponent: write every digit)"
    if re.match(r"^[-+]?0\d", lowered):
        return " (it starts with 0, which some programs read as an octal number)"
    if re.match(r"^\d+\.\d{3,}$", lowered):
        return " (it has more than two decimal places: amounts are in pounds and pence)"
    return ""


def parse_money(value: Any) -> Decimal:
    """Amounts in pounds as plain decimal numbers under a ceiling: 8700 or 8700.50, never
    '£8,700', 0x21FC or 1e30."""
    text = _written(value)
    if text is None:
        raise problem(Rule.MONEY, f"{shown(value)} is not an amount of money; write a number like 8700")
    if text.startswith("-"):
        raise problem(Rule.MONEY, f"{shown(text)} is negative; amounts of money must be 0 or more")
    if not _MONEY_RE.match(text):
        cleaned = re.sub(r"[£,_\s]|GBP", "", text, flags=re.IGNORECASE)
        cleaned = re.sub(r"\.0+$", "", cleaned)
        cleaned = re.sub(r"^0+(?=\d)", "", cleaned)
        hint = (
            f"write {cleaned}"
            if _MONEY_RE.match(cleaned)
            else "write the amount in pounds as a plain number, like 8700 or 8700.50"
        )
        raise problem(Rule.MONEY, f"{shown(text)} is not a plain amount of money{_how_written(text)}; {hint}")
    amount = Decimal(text)
    if amount > MONEY_CEILING:
        raise problem(Rule.MONEY, f"{shown(text)} is more than £{MONEY_CEILING:,}, the most one amount "
                      "here may be; check the digits (amounts are in pounds, not pence)")
    return amount


Money = Annotated[
    Decimal,
    BeforeValidator(parse_money),
    PlainSerializer(lambda d: int(d) if d == d.to_integral_value() else float(d), return_type=Any),
    WithJsonSchema({"type": "number", "minimum": 0, "multipleOf": 0.01,
                    "description": "Pounds sterling as a plain number, e.g. 8700"}),
]


def parse_number(value: Any) -> Decimal:
    """A count or measure: a plain number (commas are not allowed, to avoid 1,343 vs 1.343)."""
    text = _written(value)
    if text is None:
        raise problem(Rule.NUMBER, f"{shown(value)} is not a number; write digits like 1343")
    if not _NUMBER_RE.match(text):
        cleaned = re.sub(r"[,_\s%£]", "", text)
        cleaned = re.sub(r"^(-?)0+(?=\d)", r"\1", cleaned)
        hint = f"write {cleaned}" if _NUMBER_RE.match(cleaned) else "write digits"
        raise problem(Rule.NUMBER, f"{shown(text)} is not a plain number{_how_written(text)}; {hint}")
    number = Decimal(text)
    if abs(number) >= NUMBER_CEILING:
        raise problem(Rule.NUMBER, f"{shown(text)} has more digits than any figure here may have "
                      f"(up to {NUMBER_CEILING:,}); check it")
    return number


Number = Annotated[
    Decimal,
    BeforeValidator(parse_number),
    PlainSerializer(lambda d: int(d) if d == d.to_integral_value() else float(d), return_type=Any),
    WithJsonSchema({"type": "number"}),
]
