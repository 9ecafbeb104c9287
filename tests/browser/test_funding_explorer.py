"""The funding explorer in a real browser: filters and sorting change what is shown and the total
follows; without JavaScript every project and the full total are there; lists of many years are a
page a year; axe finds nothing."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from macros.site.render import money

from .test_accessibility import axe_violations

ROWS = """() => [...document.querySelectorAll('[data-csp-row]')].filter(r => !r.hidden)
  .map(r => ({year: r.dataset.year, funder: r.dataset.funder, amount: r.dataset.amount}))"""


def pounds(text: str) -> Decimal:
    """The figure of '£526,527' or '£526,527 and 1 of unstated amount'."""
    return Decimal(re.match(r"£([0-9,]+(?:\.[0-9]+)?)", text.strip()).group(1).replace(",", ""))


def stated(rows) -> Decimal:
    return sum(Decimal(r["amount"]) for r in rows if r["amount"])


def total_shown(page) -> Decimal:
    return pounds(page.locator("[data-csp-total]").inner_text())


def test_filtering_by_year_and_funder_narrows_the_rows_and_the_total_follows(visit):
    page = visit().open("funding/")  # Suffolk's 16 projects fit one page: every year, filtered here
    everything = page.evaluate(ROWS)
    assert total_shown(page) == stated(everything)
    page.get_by_label("Financial year", exact=True).select_option("2019/20")
    shown = page.evaluate(ROWS)
    assert shown and len(shown) < len(everything) and {r["year"] for r in shown} == {"2019/20"}
    assert total_shown(page) == stated(shown)
    status = page.locator("[data-csp-count]").inner_text()
    assert f"Showing {len(shown)} of {len(everything)} projects" in status
    funder = page.get_by_label("Funder", exact=True)
    funder.select_option(index=1)
    both = page.evaluate(ROWS)
    assert {r["funder"] for r in both} <= {funder.input_value()} and {r["year"] for r in both} <= {"2019/20"}
    page.get_by_role("button", name="Show all").click()  # the form resets, then the rows follow
    page.wait_for_function(f"() => ({ROWS})().length === {len(everything)}")
    assert total_shown(page) == stated(everything)


def test_sorting_by_amount_orders_the_rows_both_ways(visit):
    page = visit().open("funding/")
    button = page.get_by_role("button", name="Amount")
    button.click()
    amounts = [Decimal(r["amount"]) for r in page.evaluate(ROWS) if r["amount"]]
    assert amounts == sorted(amounts)
    assert page.locator("th[aria-sort='ascending']").inner_text().startswith("Amount")
    button.click()
    amounts = [Decimal(r["amount"]) for r in page.evaluate(ROWS) if r["amount"]]
    assert amounts == sorted(amounts, reverse=True)


def test_without_javascript_every_project_and_the_full_total_are_there(visit):
    page = visit(java_script_enabled=False).open("funding/")
    assert not page.get_by_label("Financial year", exact=True).is_visible()
    rows = page.locator("[data-csp-row]")
    assert rows.count() >= 16 and all(rows.nth(i).is_visible() for i in range(rows.count()))
    written = [rows.nth(i).get_attribute("data-amount") for i in range(rows.count())]
    amounts = [Decimal(a) for a in written if a]
    assert total_shown(page) == sum(amounts)
    if "" in written:  # a project of unstated amount is counted, never taken as £0
        assert f"and {written.count('')} of unstated amount" in page.locator("[data-csp-total]").inner_text()
    scope = page.locator(".csp-totals-scope").inner_text()
    assert f"{rows.count()} projects" in scope and money(sum(amounts)) in scope


def test_the_year_navigation_leads_to_an_earlier_year_and_marks_it(visit):
    """Statistics run back to 2011, a page a year; the newest is the section's own page."""
    years = "Statistics by financial year"
    page = visit().open("statistics/")
    newest = page.get_by_role("navigation", name=years).locator("[aria-current=page]").inner_text()
    page.get_by_role("navigation", name=years).get_by_role("link", name="2019/20", exact=True).click()
    assert page.url.endswith("/statistics/years/2019-20/")
    assert page.get_by_role("navigation", name=years).locator("[aria-current=page]").inner_text() == "2019/20"
    assert newest != "2019/20" and page.get_by_role("link", name=newest, exact=True).is_visible()


@pytest.mark.parametrize("path", ["funding/", "statistics/years/2019-20/", "data/", "changes/",
                                  "sources/esc-scrutiny-2023-07-20/",
                                  "funding/es-alterego-county-lines-theatre-production-2019/"])
def test_axe_finds_no_violations_on_the_journalists_pages(visit, path):
    page = visit().open(path)
    if path == "funding/":
        page.get_by_label("Financial year", exact=True).select_option("2019/20")
        page.get_by_role("button", name="Amount").click()
    assert axe_violations(page) == []


def _shown_table(page) -> list[list[str]]:
    """The rows shown, as a reader reads them (source links left out), amount as its number."""
    return page.evaluate("""() => [...document.querySelectorAll('[data-csp-row]')].filter(r => !r.hidden)
      .map(r => [...r.children].map((cell, i) => {
        if (i === r.children.length - 1) return r.dataset.amount;
        const copy = cell.cloneNode(true);
        copy.querySelectorAll('.csp-cite, .csp-visually-hidden').forEach(e => e.remove());
        return copy.textContent.replace(/\\s+/g, ' ').trim();
      }).concat([r.querySelector('a[href]').href]))""")


def test_a_filtered_address_shows_those_rows_and_the_filters_follow_into_the_address(visit):
    page = visit().open("funding/")
    funder = page.get_by_label("Funder", exact=True)
    funder_id = next(r["funder"] for r in page.evaluate(ROWS) if r["year"] == "2019/20" and r["funder"])
    page.goto(page.url + f"?year=2019%2F20&funder={funder_id}")
    shown = page.evaluate(ROWS)
    assert shown and {(r["year"], r["funder"]) for r in shown} == {("2019/20", funder_id)}
    assert page.get_by_label("Financial year", exact=True).input_value() == "2019/20"
    assert funder.input_value() == funder_id
    assert total_shown(page) == stated(shown)
    page.get_by_label("Financial year", exact=True).select_option("")  # the address follows the form
    assert "year=" not in page.url and f"funder={funder_id}" in page.url
    page.reload()
    again = page.evaluate(ROWS)
    assert {r["funder"] for r in again} == {funder_id} and len(again) >= len(shown)
    page.goto(page.url.split("?")[0] + "?funder=nobody-at-all")  # an unknown value filters nothing
    assert funder.input_value() == "" and len(page.evaluate(ROWS)) >= 16


def test_the_downloaded_csv_of_a_filtered_view_is_the_rows_shown(visit):
    import csv
    import io

    page = visit(accept_downloads=True).open("funding/?year=2019%2F20")
    shown = _shown_table(page)
    assert shown and all(row[6] == "2019/20" for row in shown)
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download these rows (CSV)").click()
    download = waiting.value
    assert download.suggested_filename == "funded-projects-2019-20.csv"
    text = open(download.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Date", "Project", "Funder", "Recipient", "Area", "Priorities", "Financial year",
                       "Amount", "Page"]
    assert rows[1:] == shown


def test_every_total_links_to_the_view_of_the_rows_it_adds_up(visit):
    page = visit().open("funding/")
    totals = page.locator("table[data-csp-totals] td[data-value] a")
    assert totals.count() >= 10
    for i in range(totals.count()):
        page = visit().open("funding/")
        link = page.locator("table[data-csp-totals] td[data-value] a").nth(i)
        expected = pounds(link.inner_text())
        link.click()
        page.wait_for_load_state()
        assert "?" in page.url and page.url.endswith("#funding-explorer")
        shown = page.evaluate(ROWS)
        assert shown and stated(shown) == expected == total_shown(page), page.url
