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


SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
_FY_TEXT = re.compile(r"^(\d{4})/(\d{2})\Z", re.ASCII)
_QUARTER_TEXT = re.compile(r"^Q([1-4]) (\d{4})/(\d{2})\Z", re.ASCII)
_SEASON_TEXT = re.compile(r"^(spring|summer|autumn|winter) (\d{4})\Z", re.IGNORECASE | re.ASCII)
_YEARLESS_TEXT = re.compile(r"^--(\d{2})(?:-(\d{2}))?\Z", re.ASCII)  # ISO 8601: --06-26, --06
_FORMS = ("write it as 2019-07-28 (a day), 2023-04 (a month), 2018 (a year), Q4 2022/23 (a quarter), "
          "2022/23 (a financial year), autumn 2021 (a season), --06-26 (a day whose year the report does "
          "not give), or put 'from ' before any of these")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date at the precision a report gives it, as one typed value.

    A day "2019-07-28", a month "2023-04", a year "2018", a financial-year quarter "Q4 2022/23", a
    financial year "2022/23", a season "autumn 2021", a day or month without a year "--06-26" (a
    week the report dates without its year), and "from June 2021" ("from 2021-06"), where the
    period begins then and its end is not given. Ordering is by first day (a date without a year
    sorts last); `first_day` and `last_day` are None when the year is not given.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    period: str | None = None  # "quarter", "financial year" or "season"; None for calendar dates
    index: int = 0  # the quarter's number, or the season's first month
    from_: bool = False

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise problem(Rule.DATE, f"{shown(value)} is not a date; {_FORMS}")
        text = str(value).strip()
        if text.lower().startswith("from "):
            inner = cls.parse(text[5:].strip())
            return cls(inner.year, inner.month, inner.day, inner.period, inner.index, True)
        if match := _FY_TEXT.match(text):
            return cls(cls._fy_start(text, match.group(1), match.group(2)), period="financial year")
        if match := _QUARTER_TEXT.match(text):
            start = cls._fy_start(text, match.group(2), match.group(3))
            return cls(start, period="quarter", index=int(match.group(1)))
        if match := _SEASON_TEXT.match(text):
            return cls(int(match.group(2)), period="season", index=SEASONS[match.group(1).lower()][0])
        if match := _YEARLESS_TEXT.match(text):
            month, day = int(match.group(1)), int(match.group(2)) if match.group(2) else None
            longest = calendar.monthrange(2000, month)[1] if 1 <= month <= 12 else 0
            if not longest or day is not None and not 1 <= day <= longest:
                raise problem(Rule.DATE, f"{shown(text)} is not a real day of the year; write --MM-DD, "
                              "like --06-26 for 26 June")
            return cls(None, month, day)
        match = _PARTIAL_DATE_RE.match(text)
        if not match:
            typed = as_typed(text)
            if typed:
                parts = "year, month, day" if typed[2] else "year, month"
                raise problem(Rule.DATE, f"{shown(text)} is not written as a date here; write "
                              f"{_iso(*typed)} ({parts})")
            raise problem(Rule.DATE, f"{shown(text)} is not a date; {_FORMS}")
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

    @staticmethod
    def _fy_start(text: str, first: str, second: str) -> int:
        if (int(first) + 1) % 100 != int(second):
            raise problem(Rule.FINANCIAL_YEAR, f"{shown(text)} is not a financial year; write the first "
                          f"year and the next, like {first}/{(int(first) + 1) % 100:02d}")
        return int(first)

    def _key(self):
        first, last = self.first_day, self.last_day
        return (first or dt.date.max, -(last or dt.date.max).toordinal(), self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        # "2023" sorts before "2023-04", which sorts before "2023-04-01"... by first day, then span
        return self._key() < other._key()

    @property
    def precision(self) -> str:
        """day, month, year, quarter, financial year or season (a date without its year: day or month)."""
        return self.period or ("day" if self.day else "month" if self.month else "year")

    @property
    def has_year(self) -> bool:
        return self.year is not None

    @property
    def approximate(self) -> bool:
        """True unless it is one known day."""
        return self.precision != "day" or self.from_ or self.year is None

    @property
    def first_day(self) -> dt.date | None:
        if self.year is None:
            return None
        if self.period == "financial year":
            return dt.date(self.year, 4, 1)
        if self.period == "quarter":
            return quarter_bounds(self._quarter)[0]
        if self.period == "season":
            return dt.date(self.year, self.index, 1)
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date | None:
        if self.year is None:
            return None
        if self.period == "financial year":
            return dt.date(self.year + 1, 3, 31)
        if self.period == "quarter":
            return quarter_bounds(self._quarter)[1]
        if self.period == "season":
            end = SEASONS[self._season][1]
            return _month_end(self.year + (end < self.index), end)
        if self.day:
            return self.first_day
        if self.month:
            return _month_end(self.year, self.month)
        return dt.date(self.year, 12, 31)

    @property
    def _quarter(self) -> str:
        return f"Q{self.index} {self.year}/{(self.year + 1) % 100:02d}"

    @property
    def _season(self) -> str:
        return next(name for name, (first, _) in SEASONS.items() if first == self.index)

    def __str__(self) -> str:
        """The form it is written in the data (and in exports)."""
        prefix = "from " if self.from_ else ""
        if self.period == "financial year":
            return f"{prefix}{self.year}/{(self.year + 1) % 100:02d}"
        if self.period == "quarter":
            return f"{prefix}Q{self.index} {self.year}/{(self.year + 1) % 100:02d}"
        if self.period == "season":
            return f"{prefix}{self._season} {self.year}"
        if self.year is None:
            return prefix + f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        return prefix + "-".join([f"{self.year:04d}", *([f"{self.month:02d}"] if self.month else []),
                                  *([f"{self.day:02d}"] if self.day else [])])

    def human(self) -> str:
        """GOV.UK style: 28 July 2019, April 2023, 2018, Q4 2022/23 (January to March 2023),
        financial year 2022/23, autumn 2021, 26 June (year not stated), from June 2021."""
        prefix = "from " if self.from_ else ""
        if self.period == "quarter":
            return f"{prefix}{self._quarter} ({self.first_day:%B} to {self.last_day:%B %Y})"
        if self.period == "financial year":
            return f"{prefix}financial year {str(self).removeprefix(prefix)}"
        if self.period == "season":
            return str(self)
        if self.year is None:
            day = f"{self.day} " if self.day else ""
            return f"{prefix}{day}{calendar.month_name[self.month]} (year not stated)"
        if self.day:
            return f"{prefix}{self.day} {calendar.month_name[self.month]} {self.year}"
        if self.month:
            return f"{prefix}{calendar.month_name[self.month]} {self.year}"
        return f"{prefix}{self.year}"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict:
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^(from )?(\d{4}(-\d{2}(-\d{2})?)?|\d{4}/\d{2}|"
                                             r"Q[1-4] \d{4}/\d{2}|(spring|summer|autumn|winter) \d{4}|"
                                             r"--\d{2}(-\d{2})?)$"},
                {"type": "integer", "minimum": 1900, "maximum": 2100},
            ],
            "description": "YYYY-MM-DD, YYYY-MM or YYYY; Q4 2022/23; 2022/23; autumn 2021; --MM-DD when "
                           "the report gives no year; 'from ' before any of them for an open-ended period",
        }


def date_order(value: PartialDate | None) -> tuple:
    """A sort key for an optional date: dated values by first day, then those without a year or
    without any date (a fact the report does not give), last."""
    return (value is None or not value.has_year, value._key() if value is not None else ())


UNDATED = "Not dated"  # the group, in lists by year, of records whose report gives no date


def financial_year_or_undated(value: PartialDate | None) -> str:
    first = value.first_day if value is not None else None
    return financial_year_of(first) if first else UNDATED


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
