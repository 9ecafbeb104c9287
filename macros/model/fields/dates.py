"""Dates as reports give them: to the day, month or year; financial years and their quarters."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Annotated, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import core_schema

from macros.model.catalogue import Rule, problem, shown

_PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z", re.ASCII)
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\Z", re.ASCII)  # 31/03/2025, as UK forms
_YEAR_FIRST = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\Z", re.ASCII)  # 2025/03/31, 2025-3-31
# 1 Dec 2026, December 2026, Dec 1, 2026
_IN_WORDS = re.compile(r"^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s+"
                       r"(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})\Z", re.ASCII | re.IGNORECASE)


def _real(year: int, month: int, day: int | None) -> bool:
    return 1900 <= year <= 2100 and 1 <= month <= 12 and (
        day is None or 1 <= day <= calendar.monthrange(year, month)[1])


def as_typed(text: str) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) for a date in a form people type, or None."""
    for pattern, order in ((_DAY_FIRST, (3, 2, 1)), (_YEAR_FIRST, (1, 2, 3))):
        match = pattern.match(text)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            return (year, month, day) if _real(year, month, day) else None
    match = _IN_WORDS.match(text)
    if match and match.group(2).lower() in _MONTHS and not (match.group(1) and match.group(3)):
        day_text = match.group(1) or match.group(3)
        year, month = int(match.group(4)), _MONTHS[match.group(2).lower()]
        day = int(day_text) if day_text else None
        return (year, month, day) if _real(year, month, day) else None
    return None


def _iso(year: int, month: int, day: int | None) -> str:
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or only the year, as council reports give them.

    "2019-07-28", "2023-04" (April 2023) and "2018" are all valid; ordering is by first day.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise problem(Rule.DATE, f"{shown(value)} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
        text = str(value).strip()
        match = _PARTIAL_DATE_RE.match(text)
        if not match:
            typed = as_typed(text)
            if typed:
                parts = "year, month, day" if typed[2] else "year, month"
                raise problem(Rule.DATE, f"{shown(text)} is not written as a date here; write "
                              f"{_iso(*typed)} ({parts})")
            raise problem(Rule.DATE,
                f"{shown(text)} is not a date; write it as year-month-day, like 2019-07-28, or as "
                "2023-04 or 2018 when the report gives only the month or the year",
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        if not 1900 <= year <= 2100:
            raise problem(Rule.DATE, f"{shown(text)} has the year {year}; check the year")
        if month is not None and not 1 <= month <= 12:
            raise problem(Rule.DATE, f"{shown(text)} has no month {month}; months run 01 to 12")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise problem(Rule.DATE,
                    f"{shown(text)} is not a real date: {calendar.month_name[month]} {year} "
                    f"has {last} days",
                )
        return cls(year, month, day)

    def __lt__(self, other: PartialDate) -> bool:
        # "2023" sorts before "2023-04", which sorts before "2023-04-01"... by first day, then span
        return (self.first_day, -self.last_day.toordinal()) < (
            other.first_day, -other.last_day.toordinal())

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def human(self) -> str:
        """GOV.UK style: 28 July 2019, April 2023, 2018."""
        if self.day:
            return f"{self.day} {calendar.month_name[self.month]} {self.year}"
        if self.month:
            return f"{calendar.month_name[self.month]} {self.year}"
        return str(self.year)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict:
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2100},
            ],
            "description": "YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known",
        }


def parse_full_date(value: Any) -> dt.date:
    """A date known to the day (for example when a route's details were checked)."""
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else None
    typed = as_typed(text) if text and not _PARTIAL_DATE_RE.match(text) else None
    if typed and typed[2]:
        raise problem(Rule.DATE, f"{shown(text)} is not written as a date here; write {_iso(*typed)} "
                      "(year, month, day)")
    if typed:
        raise problem(Rule.DATE, f"{shown(text)} needs the day too; write it as year-month-day, like "
                      f"{_iso(typed[0], typed[1], 1)}")
    if text and not _PARTIAL_DATE_RE.match(text):
        raise problem(Rule.DATE, f"{shown(text)} is not a date; write it as year-month-day, like "
                      "2019-07-28")
    parsed = PartialDate.parse(value)
    if parsed.precision != "day":
        example = f"{parsed.year:04d}-{parsed.month or 1:02d}-01"
        raise problem(Rule.DATE, f"{shown(str(value))} needs the day too; write it as year-month-day, "
                      f"like {example}")
    return parsed.first_day


FullDate = Annotated[
    dt.date,
    BeforeValidator(parse_full_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]


_FY_RE = re.compile(r"^(\d{4})/(\d{2})\Z", re.ASCII)


def parse_financial_year(value: Any) -> str:
    """UK public-sector years run 1 April to 31 March and are written 2019/20."""
    text = str(value).strip()
    match = _FY_RE.match(text)
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        start = re.match(r"^(\d{4})", text)
        example = f"{start.group(1)}/{(int(start.group(1)) + 1) % 100:02d}" if start else "2019/20"
        raise problem(Rule.FINANCIAL_YEAR,
            f"{shown(text)} is not a financial year; write the first year and the next, like {example}",
        )
    return text


FinancialYear = Annotated[
    str,
    BeforeValidator(parse_financial_year),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}/\d{2}$"}),
]


def financial_year_of(day: dt.date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


_QUARTER_RE = re.compile(r"^Q([1-4]) (\d{4}/\d{2})\Z", re.ASCII)


def parse_quarter(value: Any) -> str:
    """A financial-year quarter as the reports write them: Q1 2023/24 is April to June 2023."""
    text = str(value).strip()
    match = _QUARTER_RE.match(text)
    if not match:
        raise problem(Rule.QUARTER,
                      f"{shown(text)} is not a quarter; write it like 'Q1 2023/24' (April to June 2023)")
    parse_financial_year(match.group(2))
    return text


Quarter = Annotated[
    str,
    BeforeValidator(parse_quarter),
    WithJsonSchema({"type": "string", "pattern": r"^Q[1-4] \d{4}/\d{2}$"}),
]


def quarter_of(day: dt.date) -> str:
    """The financial-year quarter a date falls in: 2023-07-20 is 'Q2 2023/24'."""
    number = ((day.month - 4) % 12) // 3 + 1
    return f"Q{number} {financial_year_of(day)}"


def quarter_bounds(quarter: str) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter such as 'Q4 2022/23' (January to March 2023)."""
    number, year = _QUARTER_RE.match(quarter).groups()
    start_year = int(year[:4])
    first_month = 4 + 3 * (int(number) - 1)
    if first_month > 12:
        first_month -= 12
        start_year += 1
    last_month = first_month + 2
    last = calendar.monthrange(start_year, last_month)[1]
    return dt.date(start_year, first_month, 1), dt.date(start_year, last_month, last)
