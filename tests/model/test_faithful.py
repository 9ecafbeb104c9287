"""Issue 14: a fact a report omits may be missing, and nothing in the shipped data is invented.

The schema never makes a may-be-missing field required; the shipped data holds no placeholder
record and none of the fact-check's twelve invented statements; every editors' source says what
was checked and when.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from macros.data.validate import validate
from macros.model.fields import PartialDate
from macros.model.sources import SourceKind
from tests.conftest import FIXTURES, PROJECT

TODAY = dt.date(2026, 11, 21)

# Every field the issue lists under "A fact may be missing", by schema file and its path.
MAY_BE_MISSING = {
    "funded-projects": [(), ["award_date", "financial_year", "funder", "recipient", "amount"]],
    "actions": [(), ["leads", "objective", "plan"]],
    "campaigns": [(), ["start", "end", "status"]],
    "routes": [("Channel",), ["kind"]],
    "funding-pots": [(), ["funder"]],
}


def _schema(name: str) -> dict:
    return json.loads((PROJECT / "schema" / f"{name}.json").read_text(encoding="utf-8"))


def _required(schema: dict, definition: tuple) -> set[str]:
    node = schema
    if definition:
        node = schema["$defs"][definition[0]]
    elif "items" in node:
        node = node["items"] if "$ref" not in node["items"] else schema["$defs"][
            node["items"]["$ref"].rsplit("/", 1)[1]]
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in node:
        refs = [n for n in node["anyOf"] if "$ref" in n]
        node = schema["$defs"][refs[0]["$ref"].rsplit("/", 1)[1]] if refs else node
    return set(node.get("required", []))


@pytest.mark.parametrize("name", sorted(MAY_BE_MISSING))
def test_the_schema_makes_no_may_be_missing_field_required(name):
    definition, fields = MAY_BE_MISSING[name]
    schema = _schema(name)
    node = schema["$defs"][definition[0]] if definition else None
    required = set(node.get("required", [])) if node else _required(schema, ())
    assert set(fields) <= set((node or {}).get("properties", {})) or required, name  # the test can fail
    assert required & set(fields) == set()


@pytest.fixture(scope="module")
def shipped():
    result = validate(PROJECT / "data", TODAY)
    assert result.ok, "\n".join(str(p) for p in result.problems)
    return result.dataset


PLACEHOLDER = re.compile(r"not named|unknown|\btbc\b|not known|unnamed|placeholder", re.IGNORECASE)


def test_no_shipped_record_has_a_placeholder_id_or_name(shipped):
    found = [(t, r.id) for t in shipped.records for r in shipped.all(t)
             for value in (r.id.replace("-", " "), getattr(r, "name", None), getattr(r, "title", None))
             if isinstance(value, str) and PLACEHOLDER.search(value)]
    assert found == []


def test_a_placeholder_record_is_refused_with_its_file_and_line(minimal_data):
    path = minimal_data / "organisations.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: funder-not-named\n  name: Funder not named\n"
                    "  kind: other\n  sources: [{document: test-report, section: '1'}]\n", encoding="utf-8")
    problems = [p for p in validate(minimal_data, TODAY).problems if p.rule.value == "placeholder"]
    assert [(p.path.rsplit("/", 1)[-1], p.field) for p in problems] == [("organisations.yml", "id")]
    assert "not stated in the report" in problems[0].message


def test_every_editors_source_says_what_was_checked_and_when(shipped):
    editors = [s for s in shipped.all("sources") if s.kind is SourceKind.editors]
    assert editors
    assert all(s.checked and s.checked_on for s in editors)


def test_an_editors_source_without_its_check_is_refused(minimal_data):
    path = minimal_data / "sources.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: editors-note\n  title: Editors' note\n"
                    "  kind: editors\n  publisher: test-council\n  date: 2026-11\n", encoding="utf-8")
    problems = [str(p) for p in validate(minimal_data, TODAY).problems if p.rule.value == "editors-source"]
    assert len(problems) == 1 and "add checked:" in problems[0] and "sources.yml:" in problems[0]


# --- the fact-check's findings, each a regression test on the shipped data --------------------

def test_no_action_item_carries_the_made_up_plan_period(shipped):
    assert {a.plan for a in shipped.all("actions")} == {"East Suffolk CSP Action Plan"}


def _campaign(shipped, rid):
    return shipped.get("campaigns", rid)


def test_campaign_statuses_are_the_reports_as_at_its_date(shipped):
    assert _campaign(shipped, "crimestoppers-domestic-abuse-campaign-2023").status.value == "upcoming"
    assert _campaign(shipped, "coastal-action-against-abuse").status.value == "running"
    assert _campaign(shipped, "coastal-action-against-abuse").end is None
    for undated in ("fearless-campaign", "modern-slavery-awareness-week-2023", "asb-week-of-action-2023",
                    "fraud-awareness-week-2023"):
        assert _campaign(shipped, undated).status is None, undated
    assert str(shipped.as_at(_campaign(shipped, "coastal-action-against-abuse"))) == "2023-07-20"


def test_the_partnership_took_part_where_the_report_says_so_and_did_not_organise(shipped):
    week = _campaign(shipped, "sexual-violence-awareness-week-2021")
    assert week.organisers == [] and week.participants == ["western-suffolk-csp"]


def test_no_priority_year_that_no_report_covers(shipped):
    years = {h.year for p in shipped.all("priorities") for h in p.history}
    assert "2019/20" not in years


def test_a_route_whose_channel_the_report_omits_has_no_channel_kind(shipped):
    for rid in ("anglia-care-trust-domestic-abuse-outreach", "leeway-idva", "suffolk-rape-crisis"):
        assert [c.kind for c in shipped.get("routes", rid).channels] == [None], rid


def test_weeks_the_report_dates_without_a_year_have_none(shipped):
    for rid in ("modern-slavery-awareness-week-2023", "itsnotok-2023", "fraud-awareness-week-2023"):
        campaign = _campaign(shipped, rid)
        assert not campaign.start.has_year and not campaign.end.has_year, rid
    week = _campaign(shipped, "modern-slavery-awareness-week-2023")
    assert week.start.human() == "26 June (year not stated)"


def test_the_undated_visit_has_no_month(shipped):
    point = shipped.get("statistics", "ask-for-angela-mystery-shop-venues").points[0]
    assert "May" not in point.period and str(point.as_of) == "2023-07-20"  # as at the report


def test_undated_action_updates_are_not_given_the_reports_month(shipped):
    dated = [(a.id, str(u.date)) for a in shipped.all("actions") for u in a.updates
             if u.date is not None and str(u.date) == "2023-07"]
    assert dated == []
    assert any(u.date is None and u.quarter is None for a in shipped.all("actions") for u in a.updates)


def test_the_fearless_route_cites_the_report_that_mentions_it_and_not_one_that_does_not(shipped):
    cited = [c.document for c in shipped.get("routes", "fearless").sources]
    assert "wsc-community-safety-2021" in cited and "esc-scrutiny-2023-07-20" not in cited


def test_vtr_is_not_expanded_without_a_source():
    text = "".join(p.read_text(encoding="utf-8") for p in (PROJECT / "data").rglob("*.yml"))
    assert "Vulnerable to Radicalisation" not in text


def test_the_reports_own_arithmetic_is_shown_as_a_discrepancy(shipped):
    pot = shipped.get("funding-pots", "es-core-funding")
    assert "£2,822" in pot.discrepancy and "less than £2,000" in pot.discrepancy
    assert pot.position == "There is less than £2,000 core funding left."  # the report's figure kept


def test_no_funded_project_carries_a_financial_year_the_reports_do_not_give(shipped):
    refuge = shipped.get("funded-projects", "specialist-refuge-satellite-accommodation")
    assert refuge.financial_year is None and str(refuge.award_date) == "2018"


# --- dates at the precision given -------------------------------------------------------------

@pytest.mark.parametrize(("text", "human", "first", "last"), [
    ("2019-07-28", "28 July 2019", "2019-07-28", "2019-07-28"),
    ("2023-04", "April 2023", "2023-04-01", "2023-04-30"),
    ("Q4 2022/23", "Q4 2022/23 (January to March 2023)", "2023-01-01", "2023-03-31"),
    ("2022/23", "financial year 2022/23", "2022-04-01", "2023-03-31"),
    ("autumn 2021", "autumn 2021", "2021-09-01", "2021-11-30"),
    ("winter 2021", "winter 2021", "2021-12-01", "2022-02-28"),
    ("from 2021-06", "from June 2021", "2021-06-01", "2021-06-30"),
    ("--06-26", "26 June (year not stated)", None, None),
])
def test_a_date_keeps_the_precision_the_report_gives(text, human, first, last):
    value = PartialDate.parse(text)
    assert (str(value), value.human()) == (text, human)
    bounds = (value.first_day, value.last_day)
    assert tuple(day.isoformat() if day else None for day in bounds) == (first, last)


def test_the_not_stated_fixture_validates():
    result = validate(FIXTURES / "not-stated" / "data", dt.date(2023, 8, 1))
    assert result.ok, "\n".join(str(p) for p in result.problems)


def test_a_breakdown_that_does_not_add_up_is_refused_with_file_and_line(minimal_data):
    path = minimal_data / "statistics.yml"
    text = path.read_text(encoding="utf-8")
    old = "      value: 34\n"
    assert old in text
    path.write_text(text.replace(old, old + "      breakdown:\n        - {label: online, value: 30}\n"
                                 "        - {label: in person, value: 3}\n", 1), encoding="utf-8")
    problems = [p for p in validate(minimal_data, TODAY).problems if p.rule.value == "parts-do-not-add-up"]
    assert len(problems) == 1
    line = text[:text.index(old)].count("\n") + 2  # the breakdown's own line
    assert (problems[0].path.rsplit("/", 1)[-1], problems[0].line) == ("statistics.yml", line)
    assert "adds up to 33, not the value 34" in problems[0].message and "discrepancy:" in problems[0].message


def test_a_discrepancy_note_lets_the_reports_own_figures_stand(minimal_data):
    path = minimal_data / "statistics.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      value: 34\n", "      value: 34\n      breakdown:\n"
                                 "        - {label: online, value: 30}\n"
                                 "      discrepancy: The report's parts add up to 30.\n", 1),
                    encoding="utf-8")
    problems = validate(minimal_data, TODAY).problems
    assert [p for p in problems if p.rule.value == "parts-do-not-add-up"] == []


def test_validate_warns_when_a_source_has_no_url(minimal_data):
    path = minimal_data / "sources.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  url: https://example.org/reports/test-23-001.pdf\n", ""), encoding="utf-8")
    warnings = [p for p in validate(minimal_data, TODAY).problems if p.rule.value == "no-url"]
    assert [(w.path.rsplit("/", 1)[-1], w.line, w.severity.value) for w in warnings] == [
        ("sources.yml", 2, "warning")]


def test_the_reports_risks_and_recommendations_are_held_on_their_sources(shipped):
    monitoring = shipped.get("sources", "wsc-oas-2019-06-13")
    assert monitoring.risks[0].level == "high to medium" and monitoring.risks[0].section == "5.1"
    assert monitoring.decisions[0].resolved is None  # the report does not say what was resolved
    assert str(shipped.get("sources", "msdc-council-2018-10-25").meeting.date) == "--09-20"


def test_new_priorities_and_money_without_an_amount_from_the_reports(shipped):
    fraud = shipped.get("priorities", "es-fraud")
    assert [h.year for h in fraud.history if h.new] == ["2022/23"]
    scheme = shipped.get("funded-projects", "home-office-modern-slavery-training-and-films")
    assert (scheme.kind.value, scheme.funder, scheme.amount, scheme.award_date) == (
        "scheme", "home-office", None, None)
