"""The data package says what every column is: its type (every date a `date`; a date known only to
the month or year also as its earliest and latest day) and a description from the models' own."""

from __future__ import annotations

import datetime as dt
import json

from macros.model import INTERNAL_FIELDS, RECORD_TYPES
from macros.model.fields import PartialDate
from macros.model.introspect import unwrap


def test_every_field_of_every_record_type_has_a_description_in_its_model():
    missing = [f"{name}.{field}" for name, kind in RECORD_TYPES.items()
               for field, info in kind.model.model_fields.items()
               if field not in INTERNAL_FIELDS and not (info.description or "").strip()]
    assert missing == [], "add Field(description=...) to these model fields: " + ", ".join(missing)


def test_every_column_is_described_and_every_date_is_typed(shipped_site):
    package = json.loads((shipped_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in package["resources"] if "schema" in r}
    assert set(tables) == set(RECORD_TYPES)
    dates = 0
    for name, kind in RECORD_TYPES.items():
        fields = {f["name"]: f for f in tables[name]["schema"]["fields"]}
        assert [f for f, about in fields.items() if not about["description"]] == [], name
        for field, info in kind.model.model_fields.items():
            if field in INTERNAL_FIELDS:
                continue
            if unwrap(info.annotation) is PartialDate:  # as reported, and as the period's two days
                assert fields[field]["type"] == "string", (name, field)
                assert fields[f"{field}_earliest"]["type"] == fields[f"{field}_latest"]["type"] == "date"
                dates += 2
            elif unwrap(info.annotation) is dt.date:  # a date known to the day
                assert fields[field]["type"] == "date", (name, field)
                dates += 1
    assert dates >= 10
    projects = {f["name"]: f for f in tables["funded-projects"]["schema"]["fields"]}
    assert projects["amount"]["description"] == RECORD_TYPES["funded-projects"].model.model_fields[
        "amount"].description


def test_a_partial_date_is_given_as_its_first_and_last_day(shipped_site):
    import csv
    import io

    text = (shipped_site / "data" / "funded-projects.csv").read_text(encoding="utf-8")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    refuge = rows["specialist-refuge-satellite-accommodation"]
    assert (refuge["award_date"], refuge["award_date_earliest"], refuge["award_date_latest"]) == (
        "2018", "2018-01-01", "2018-12-31")
