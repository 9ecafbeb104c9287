"""Property tests for the parsers staff depend on: money, dates, phone numbers, ids."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from macros.model.fields import (
    ID_PATTERN,
    PartialDate,
    financial_year_of,
    parse_financial_year,
    parse_id,
    parse_money,
    parse_phone,
    parse_quarter,
    quarter_bounds,
)

pence = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(pence)
def test_money_round_trips_plain_amounts(amount: Decimal):
    assert parse_money(str(amount)) == amount


@given(st.integers(min_value=0, max_value=10**9))
def test_money_accepts_whole_pounds_as_yaml_integers(pounds: int):
    assert parse_money(pounds) == Decimal(pounds)


@given(st.integers(min_value=1000, max_value=10**9))
def test_money_with_pound_sign_and_commas_is_refused_with_the_fix(pounds: int):
    with pytest.raises(PydanticCustomError) as caught:
        parse_money(f"£{pounds:,}")
    assert f"write {pounds}" in caught.value.message()


@given(st.integers(min_value=1, max_value=10**6))
def test_negative_money_is_refused(pounds: int):
    with pytest.raises(PydanticCustomError, match="negative"):
        parse_money(-pounds)


@given(st.text(max_size=12))
def test_money_parser_never_crashes(text: str):
    try:
        assert parse_money(text) >= 0
    except PydanticCustomError:
        pass


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_full_dates_round_trip(day: dt.date):
    parsed = PartialDate.parse(day.isoformat())
    assert parsed.first_day == parsed.last_day == day
    assert str(parsed) == day.isoformat()


@given(st.integers(1900, 2100), st.integers(1, 12))
def test_month_dates_span_their_month(year: int, month: int):
    parsed = PartialDate.parse(f"{year}-{month:02d}")
    assert parsed.precision == "month"
    assert parsed.first_day == dt.date(year, month, 1)
    assert parsed.last_day.month == month and (parsed.last_day + dt.timedelta(days=1)).day == 1


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(29, 31))
def test_impossible_days_are_refused(year: int, month: int, day: int):
    text = f"{year}-{month:02d}-{day:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        with pytest.raises(PydanticCustomError, match="not a real date"):
            PartialDate.parse(text)
    else:
        assert PartialDate.parse(text).first_day == dt.date(year, month, day)


@given(st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_date_is_inside_its_financial_year(day: dt.date):
    year = financial_year_of(day)
    assert parse_financial_year(year) == year
    start = int(year[:4])
    assert dt.date(start, 4, 1) <= day <= dt.date(start + 1, 3, 31)


@given(st.integers(1, 4), st.integers(1990, 2090))
def test_quarters_are_three_months_of_their_financial_year(number: int, start: int):
    text = f"Q{number} {start}/{(start + 1) % 100:02d}"
    first, last = quarter_bounds(parse_quarter(text))
    assert financial_year_of(first) == financial_year_of(last) == text[3:]
    assert (last.year * 12 + last.month) - (first.year * 12 + first.month) == 2


@given(st.from_regex(r"0800[0-9]{7}", fullmatch=True))
def test_freephone_numbers_format_govuk_style_and_link(digits: str):
    try:
        number = parse_phone(digits)
    except PydanticCustomError:
        return
    assert number.display.replace(" ", "") == digits
    assert number.tel == "tel:+44" + digits[1:]
    assert parse_phone(number.display) == number


@given(st.text(alphabet="0123456789 +()-", max_size=16))
def test_phone_parser_never_crashes(text: str):
    try:
        parse_phone(text)
    except PydanticCustomError:
        pass


@pytest.mark.parametrize("text, display, tel", [
    ("0800 977 5690", "0800 977 5690", "tel:+448009775690"),
    ("08009775690", "0800 977 5690", "tel:+448009775690"),
    ("101", "101", "tel:101"),
    ("999", "999", "tel:999"),
    ("18000", "18000", "tel:18000"),
])
def test_known_numbers(text, display, tel):
    number = parse_phone(text)
    assert (number.display, number.tel) == (display, tel)


@pytest.mark.parametrize("text", ["020 7946 000", "07700 90012345", "+1 202 555 0143", "phone us"])
def test_invalid_uk_numbers_are_refused(text):
    with pytest.raises(PydanticCustomError):
        parse_phone(text)


@given(st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda s: len(s) <= 80))
def test_valid_ids_are_kept(record_id: str):
    assert parse_id(record_id) == record_id


@given(st.text(min_size=1, max_size=40).filter(lambda s: s != s.lower() or " " in s))
def test_bad_ids_are_refused_with_a_valid_suggestion(text: str):
    with pytest.raises(PydanticCustomError) as caught:
        parse_id(text)
    message = caught.value.message()
    if "for example" in message:
        suggestion = message.split("for example '")[1].rstrip("'")
        assert parse_id(suggestion) == suggestion


@given(st.lists(st.sampled_from(["2018", "2019-03", "2019-03-05", "2019-04", "2023", "2023-04-01"]),
                min_size=2))
def test_partial_dates_of_any_precision_sort_by_their_first_day(texts):
    dates = sorted(PartialDate.parse(t) for t in texts)
    assert [d.first_day for d in dates] == sorted(d.first_day for d in dates)
