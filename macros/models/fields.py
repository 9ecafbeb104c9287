"""Field types shared by every record: ids, references, money, dates, text, links, phones.

Each parser raises PydanticCustomError with a plain-English message that ends with the fix,
so the validator can print it as it stands.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import total_ordering
from typing import Annotated, Any

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import (
    AfterValidator,
    BeforeValidator,
    GetCoreSchemaHandler,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError, core_schema


def problem(kind: str, message: str, field: str | None = None) -> PydanticCustomError:
    """A validation error whose message is shown to staff unchanged.

    `field` names the field a whole-record check is about, so the error points at its line.
    """
    return PydanticCustomError(kind, message, {"field": field} if field else None)


# --- ids and references -------------------------------------------------------------------

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
ID_MAX_LENGTH = 80


def parse_id(value: Any) -> str:
    """An id is a permanent web address part: lower-case words joined by hyphens."""
    if not isinstance(value, str):
        raise problem("id", f"{value!r} is not an id; write lower-case words joined by hyphens")
    if len(value) > ID_MAX_LENGTH:
        raise problem("id", f"'{value}' is longer than {ID_MAX_LENGTH} characters; shorten it")
    if not _ID_RE.match(value):
        suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-record"
        raise problem(
            "id",
            f"'{value}' is not a valid id; use lower-case letters, digits and single hyphens, "
            f"for example '{suggestion}'",
        )
    return value


@dataclass(frozen=True)
class RefTo:
    """Marks a field as naming a record of another type; rules.py checks that it exists."""

    record_type: str


_ID_SCHEMA = WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH})
Id = Annotated[str, BeforeValidator(parse_id), _ID_SCHEMA]


def ref(record_type: str) -> Any:
    """The type of a field that names a record of `record_type` by id."""
    return Annotated[str, BeforeValidator(parse_id), _ID_SCHEMA, RefTo(record_type)]


AreaRef = ref("areas")
OrgRef = ref("organisations")
PriorityRef = ref("priorities")
SourceRef = ref("sources")
PotRef = ref("funding-pots")
CampaignRef = ref("campaigns")


# --- text ---------------------------------------------------------------------------------

_TEMPLATE_RE = re.compile(r"\{\{|\{%|\{#")
_HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def check_text(value: str) -> str:
    """Text from data is shown to the public: no template code, no HTML, no e-mail addresses."""
    if _TEMPLATE_RE.search(value):
        raise problem(
            "template_code",
            "contains '{{', '{%' or '{#', which are template code; "
            "remove them or write the words out",
        )
    tag = _HTML_RE.search(value)
    if tag:
        raise problem(
            "html",
            f"contains the HTML tag '{tag.group(0)}'; remove it and write plain text "
            "(in description fields use Markdown, such as **bold** or [a link](https://...))",
        )
    if EMAIL_RE.search(value):
        raise problem(
            "email_in_text",
            "contains an e-mail address; remove it. Publish contact details only in a "
            "route's channels, and only a team mailbox, never a person's address",
        )
    return value


PlainText = Annotated[str, AfterValidator(check_text)]
"""One line or a short passage shown exactly as written (never as Markdown)."""

_MARKDOWN_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")


def check_prose(value: str) -> str:
    """Prose may use Markdown, but its links must go to https pages or be tel:/mailto:."""
    check_text(value)
    for target in _MARKDOWN_LINK_RE.findall(value):
        if not target.startswith(("https://", "tel:", "mailto:")):
            raise problem("url", f"the link '{target}' must start with https://, tel: or mailto:")
    return value


Prose = Annotated[str, AfterValidator(check_prose), WithJsonSchema({
    "type": "string", "description": "Markdown allowed: paragraphs, **bold**, lists, links.",
})]
"""Longer text where a safe subset of Markdown is honoured."""


# --- money --------------------------------------------------------------------------------

_MONEY_RE = re.compile(r"^\d+(\.\d{1,2})?$")


def parse_money(value: Any) -> Decimal:
    """Amounts in pounds as plain numbers: 8700 or 8700.50, never '£8,700'."""
    if isinstance(value, bool):
        raise problem("money", f"{value!r} is not an amount of money; write a number like 8700")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)
    elif isinstance(value, (str, Decimal)):
        text = str(value).strip()
    else:
        raise problem("money", f"{value!r} is not an amount of money; write a number like 8700")
    if text.startswith("-"):
        raise problem("money", f"'{text}' is negative; amounts of money must be 0 or more")
    if not _MONEY_RE.match(text):
        cleaned = re.sub(r"[£,\s]|GBP", "", text, flags=re.IGNORECASE)
        cleaned = re.sub(r"\.0+$", "", cleaned)
        hint = (
            f"write {cleaned}"
            if _MONEY_RE.match(cleaned)
            else "write the amount in pounds as a plain number, like 8700 or 8700.50"
        )
        raise problem("money", f"'{text}' is not a plain amount of money; {hint}")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above already rules it out
        raise problem("money", f"'{text}' is not a number") from exc


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
        raise problem("number", f"{value!r} is not a number; write digits like 1343")
    text = repr(value) if isinstance(value, float) else str(value).strip()
    if not re.match(r"^-?\d+(\.\d+)?$", text):
        cleaned = re.sub(r"[,\s%£]", "", text)
        hint = f"write {cleaned}" if re.match(r"^-?\d+(\.\d+)?$", cleaned) else "write digits"
        raise problem("number", f"'{text}' is not a plain number; {hint}")
    return Decimal(text)


Number = Annotated[
    Decimal,
    BeforeValidator(parse_number),
    PlainSerializer(lambda d: int(d) if d == d.to_integral_value() else float(d), return_type=Any),
    WithJsonSchema({"type": "number"}),
]


# --- dates --------------------------------------------------------------------------------

_PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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
            raise problem("date", f"{value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
        text = str(value).strip()
        match = _PARTIAL_DATE_RE.match(text)
        if not match:
            raise problem(
                "date",
                f"'{text}' is not a date; write YYYY-MM-DD (2019-07-28), or YYYY-MM (2023-04) "
                "or YYYY (2018) when the report gives only the month or year",
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        if not 1900 <= year <= 2100:
            raise problem("date", f"'{text}' has the year {year}; check the year")
        if month is not None and not 1 <= month <= 12:
            raise problem("date", f"'{text}' has no month {month}; months run 01 to 12")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise problem(
                    "date",
                    f"'{text}' is not a real date: {calendar.month_name[month]} {year} "
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
    parsed = PartialDate.parse(value)
    if parsed.precision != "day":
        raise problem("date", f"'{value}' needs the day too; write YYYY-MM-DD")
    return parsed.first_day


FullDate = Annotated[
    dt.date,
    BeforeValidator(parse_full_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]


_FY_RE = re.compile(r"^(\d{4})/(\d{2})$")


def parse_financial_year(value: Any) -> str:
    """UK public-sector years run 1 April to 31 March and are written 2019/20."""
    text = str(value).strip()
    match = _FY_RE.match(text)
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        start = re.match(r"^(\d{4})", text)
        example = f"{start.group(1)}/{(int(start.group(1)) + 1) % 100:02d}" if start else "2019/20"
        raise problem(
            "financial_year",
            f"'{text}' is not a financial year; write the first year and the next, like {example}",
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


_QUARTER_RE = re.compile(r"^Q([1-4]) (\d{4}/\d{2})$")


def parse_quarter(value: Any) -> str:
    """A financial-year quarter as the reports write them: Q1 2023/24 is April to June 2023."""
    text = str(value).strip()
    match = _QUARTER_RE.match(text)
    if not match:
        raise problem(
            "quarter", f"'{text}' is not a quarter; write it like 'Q1 2023/24' (April to June 2023)"
        )
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


# --- links, e-mail and phone numbers -------------------------------------------------------

_PERSONAL_LOCAL_PART = re.compile(r"^[a-z]+[._-][a-z]+\d*$", re.IGNORECASE)


def looks_personal(address: str) -> bool:
    """firstname.lastname@ is a person; tradingstandards@ is a team mailbox."""
    return bool(_PERSONAL_LOCAL_PART.match(address.split("@", 1)[0]))


def parse_email(value: Any) -> str:
    text = str(value).strip()
    if not re.fullmatch(EMAIL_RE, text):
        raise problem("email", f"'{text}' is not an e-mail address")
    if looks_personal(text):
        raise problem(
            "personal_email",
            f"'{text}' looks like a person's e-mail address; publish a team mailbox instead "
            "(if it is one, set shared_mailbox: true on this channel)",
        )
    return text


def parse_link(value: Any) -> str:
    """Links go to https pages, or are tel: or mailto: links; http is not allowed."""
    text = str(value).strip()
    if text.startswith("https://") and len(text) > len("https://") and " " not in text:
        return text
    if text.startswith("tel:"):
        parse_phone(text[4:])
        return text
    if text.startswith("mailto:"):
        parse_email(text[7:])
        return text
    if text.startswith("http://"):
        raise problem("url", f"'{text}' is not secure; write https://{text[7:]}")
    if re.match(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/.*)?$", text, re.IGNORECASE):
        raise problem("url", f"'{text}' has no scheme; write https://{text}")
    raise problem("url", f"'{text}' is not a link; links start with https://, tel: or mailto:")


Link = Annotated[
    str,
    BeforeValidator(parse_link),
    WithJsonSchema({"type": "string", "pattern": "^(https://|tel:|mailto:)"}),
]


@dataclass(frozen=True)
class PhoneNumber:
    """A UK number, written GOV.UK style ('0800 977 5690') with a tel: link."""

    display: str
    e164: str

    @property
    def tel(self) -> str:
        return f"tel:{self.e164}"

    def __str__(self) -> str:
        return self.display

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_plain_validator_function(
            parse_phone, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict:
        return {"type": ["string", "integer"], "description": "A UK phone number, e.g. 0800 977 5690"}


def parse_phone(value: Any) -> PhoneNumber:
    if isinstance(value, PhoneNumber):
        return value
    text = str(value).strip()
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException as exc:
        raise problem("phone", f"'{text}' is not a phone number; write it like 0800 977 5690") from exc
    digits = re.sub(r"\D", "", text)
    if number.country_code == 44 and shortnumberinfo.is_valid_short_number(number):
        # 999, 101, 18000 and 116 123 are dialled as written; libphonenumber cannot group them.
        return PhoneNumber(display=" ".join(text.split()), e164=digits)
    if number.country_code != 44 or not phonenumbers.is_valid_number(number):
        raise problem(
            "phone",
            f"'{text}' is not a valid UK phone number; check the digits (UK numbers have "
            "11 digits starting with 0, like 0800 977 5690, or are short codes like 101)",
        )
    display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return PhoneNumber(display=display, e164=phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164))
