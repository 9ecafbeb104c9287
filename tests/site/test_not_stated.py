"""Issue 14: every fact a report omits is shown as "Not stated in the report" on its record's page,
statuses say when they were true (as at the report's date), and an editors' source says what the
editors checked. Golden files in tests/golden/not-stated/ hold each page as generated."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.data.validate import load_dataset
from macros.model.base import NOT_STATED
from macros.site import citation
from macros.site.pages import record_page
from tests.conftest import FIXTURES, GOLDEN_DIR

PAGES = {  # record -> the facts its report omits, each shown as not stated
    ("funded-projects", "test-unstated-grant"):
        ["Amount", "Awarded", "Financial year", "Funder", "Recipient"],
    ("actions", "test-action-unstated"): ["Plan", "Objective", "Led by"],
    ("campaigns", "test-undated-campaign"): ["When", "Status"],
    ("routes", "test-unstated-route"): ["Provided by"],
}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FIXTURES / "not-stated" / "data", dt.date(2023, 8, 1))


@pytest.fixture(autouse=True)
def no_build_under_way(monkeypatch):
    monkeypatch.setattr(citation, "_publisher", citation.Publisher())


def _facts(body: str) -> dict[str, str]:
    import lxml.html

    tree = lxml.html.fromstring(body)
    return {dt_.text_content().strip(): dt_.getnext().text_content().strip() for dt_ in tree.iter("dt")}


@pytest.mark.parametrize(("record_type", "record_id"), sorted(PAGES))
def test_each_missing_fact_is_shown_as_not_stated(dataset, golden, record_type, record_id):
    page = record_page(dataset, record_type, dataset.get(record_type, record_id))
    facts = _facts(page.body)
    assert {name: facts.get(name) for name in PAGES[record_type, record_id]} == {
        name: NOT_STATED for name in PAGES[record_type, record_id]}
    golden(GOLDEN_DIR / "not-stated" / f"{record_type}__{record_id}.md", page.markdown())


def test_a_status_is_shown_as_at_the_reports_date_not_as_current(dataset):
    page = record_page(dataset, "campaigns", dataset.get("campaigns", "test-yearless-week"))
    facts = _facts(page.body)
    assert facts["Status"] == "Upcoming as at 20 July 2023"
    assert facts["When"] == "26 - 30 June"


def test_an_editors_addition_says_what_they_checked_and_when(dataset):
    page = record_page(dataset, "routes", dataset.get("routes", "test-unstated-route"))
    import lxml.html

    text = " ".join(lxml.html.fromstring(page.body).text_content().split())
    assert ("Added by the site's editors, not taken from the report. What they checked: The helpline's "
            "number, against its own website. When: 21 November 2026.") in text


def test_a_channel_the_report_gives_no_kind_for_is_not_given_one(dataset):
    page = record_page(dataset, "routes", dataset.get("routes", "test-unstated-route"))
    assert "How to get in touch:" in page.body and "Phone" not in page.body


# --- several areas, towns, breakdowns, money without a project ---------------------------------

def _links_on_area_page(dataset, area_id: str) -> set[str]:
    import lxml.html

    page = record_page(dataset, "areas", dataset.get("areas", area_id))
    return {a.get("href") for a in lxml.html.fromstring(page.body).iter("a")}


def test_a_record_with_two_areas_appears_on_both_areas_pages(dataset):
    for area in ("test-district", "other-district"):
        assert "../../funding/test-joint-award/" in _links_on_area_page(dataset, area), area


def test_a_town_statistic_appears_on_the_towns_page_and_its_districts(dataset):
    for area in ("testford", "test-district"):
        assert "../../statistics/test-town-visits/" in _links_on_area_page(dataset, area), area
    assert "../../statistics/test-town-visits/" not in _links_on_area_page(dataset, "other-district")


def test_a_breakdown_the_report_gets_wrong_is_shown_with_its_discrepancy_note(dataset, golden):
    page = record_page(dataset, "statistics", dataset.get("statistics", "test-report-disagrees"))
    assert "The report gives 10 sessions in all, but its parts add up to 9." in page.body
    golden(GOLDEN_DIR / "not-stated" / "statistics__test-report-disagrees.md", page.markdown())


def test_money_split_by_district_for_a_period_is_shown(dataset, golden):
    page = record_page(dataset, "funded-projects", dataset.get("funded-projects", "test-joint-award"))
    facts = _facts(page.body)
    assert facts["Kind"] == "Award to a service"
    assert facts["Period"] == "for two years from June 2022"
    assert facts["Area"] == "Test District, Other District"
    golden(GOLDEN_DIR / "not-stated" / "funded-projects__test-joint-award.md", page.markdown())


def test_a_funding_total_counts_the_items_of_unstated_amount(dataset):
    from macros.site.links import Links
    from macros.site.views import VIEWS

    table = VIEWS["funding_table"].function(dataset, Links("../"))
    assert "and 1 of unstated amount" in table


def test_a_consultation_is_an_event_with_its_opening_closing_and_publication_dates(dataset, golden):
    page = record_page(dataset, "campaigns", dataset.get("campaigns", "test-consultation"))
    facts = _facts(page.body)
    assert (facts["Kind"], facts["When"], facts["Results published"], facts["Status"]) == (
        "Consultation", "1 May 2023 to 12 June 2023", "autumn 2023", "Running as at 20 July 2023")
    golden(GOLDEN_DIR / "not-stated" / "campaigns__test-consultation.md", page.markdown())


def _text(page) -> str:
    import lxml.html

    return " ".join(lxml.html.fromstring(page.body).text_content().split())


def test_membership_over_time_and_former_names_are_shown_with_their_dates(dataset):
    area = _text(record_page(dataset, "areas", dataset.get("areas", "test-csp")))
    assert "Testshire Police: chair, from April 2021" in area
    assert "Test District Council: vice chair, from Q2 2022/23 (July to September 2022)" in area
    assert "member, until 2022" in area
    police = _text(record_page(dataset, "organisations", dataset.get("organisations", "test-police")))
    assert "Testshire Constabulary (until 2020)" in police


def test_a_priority_year_says_whether_it_was_new_its_kind_and_each_sources_name(dataset):
    page = _text(record_page(dataset, "priorities", dataset.get("priorities", "test-criminal-exploitation")))
    assert "2021/22 (new that year)" in page and "Test partnership annual report calls it “CE”" in page
    focus = _text(record_page(dataset, "priorities", dataset.get("priorities", "test-area-of-focus")))
    assert "2022/23 (area of focus)" in focus
