"""Issue 14: open data and 360Giving state no date, year or organisation the data does not hold.

Every exported date has the data's own precision; a partial date goes to 360Giving as the first
day of its period inside the record's financial year, marked approximate; a grant missing a fact
the standard requires is left out, and the file's description lists it with the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from pydantic import BaseModel

from macros.data.validate import load_dataset
from macros.exports import grants360, ical, records
from macros.model import RECORD_TYPES
from macros.model.fields import PartialDate
from tests.conftest import FIXTURES, PROJECT

FIXTURE = FIXTURES / "not-stated" / "data"


@pytest.fixture(scope="module", params=["fixture", "shipped"])
def dataset(request):
    if request.param == "fixture":
        return load_dataset(FIXTURE, dt.date(2023, 8, 1))
    return load_dataset(PROJECT / "data", dt.date(2026, 11, 21))


@pytest.fixture(scope="module")
def fixture():
    return load_dataset(FIXTURE, dt.date(2023, 8, 1))


def _giving(dataset) -> dict:
    return json.loads(grants360.package(dataset, "XE-TEST", "https://example.org/", "Test",
                                        dt.date(2026, 1, 1)))


def test_a_grant_missing_a_required_fact_is_left_out_and_listed_with_why(fixture):
    package = _giving(fixture)
    ids = {g["id"] for g in package["grants"]}
    assert "360G-XE-TEST-test-unstated-grant" not in ids
    assert ("test-unstated-grant (no stated amount or award date or funder or recipient)"
            in package["description"])


def test_a_partial_date_is_the_first_day_of_its_period_inside_the_financial_year_and_approximate(fixture):
    grants = {g["id"].removeprefix("360G-XE-TEST-"): g for g in _giving(fixture)["grants"]}
    assert grants["test-quarter-grant"]["awardDate"] == "2023-01-01"
    assert grants["test-year-grant"]["awardDate"] == "2019-04-01"  # 2019 inside 2019/20
    for key in ("test-quarter-grant", "test-year-grant"):
        assert "Approximate date" in grants[key]["description"], key


def test_every_360giving_date_is_inside_the_period_the_data_gives(dataset):
    for grant in _giving(dataset)["grants"]:
        project = dataset.get("funded-projects", grant["id"].removeprefix("360G-XE-TEST-"))
        day = dt.date.fromisoformat(grant["awardDate"])
        assert project.award_date.first_day <= day <= project.award_date.last_day, project.id
        assert ("Approximate date" in grant["description"]) == project.award_date.approximate, project.id


def _dates(model, value, path=""):
    """(path, value) of every PartialDate in a record, nested lists and models included."""
    if isinstance(value, PartialDate):
        yield path, value
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _dates(model, item, f"{path}[{i}]")
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _dates(model, getattr(value, name), f"{path}.{name}" if path else name)


def _at(dumped, path: str):
    import re

    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        dumped = dumped[int(part[1:-1])] if part.startswith("[") else dumped[part]
    return dumped


def test_every_exported_date_has_the_datas_own_precision(dataset):
    checked = 0
    for name in RECORD_TYPES:
        exported = json.loads(records.json_text(dataset, name))
        table = list(csv.DictReader(io.StringIO(records.csv_text(dataset, name))))
        for record, dumped, row in zip(dataset.all(name), exported, table, strict=True):
            for path, value in _dates(record, record):
                assert _at(dumped, path) == str(value), (name, record.id, path)
                checked += 1
                if "." not in path and "[" not in path and path in row:
                    # the CSV writer quotes a cell that starts like a formula ('--06-26): same value
                    assert row[path].removeprefix("'") == str(value), (name, record.id, path)
                    for column, bound in ((f"{path}_earliest", value.first_day),
                                          (f"{path}_latest", value.last_day)):
                        if column in row:  # a year-less date has no bounds: left empty, not guessed
                            assert row[column] == (bound.isoformat() if bound else ""), (record.id, column)
    assert checked > 10


def test_the_calendar_leaves_out_events_whose_report_gives_no_dated_start(fixture):
    text = ical.calendar(fixture, "Test", "https://example.org/", dt.date(2023, 8, 1)).decode()
    assert "Undated campaign" not in text and "Week without a year" not in text
    assert "Test Awareness Week" in text
