"""The funding explorer in a real browser: filters and sorting change what is shown and the total
follows; without JavaScript every project and the full total are there; lists of many years are a
page a year; axe finds nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from macros.site.render import money

from .test_accessibility import axe_violations

ROWS = """() => [...document.querySelectorAll('[data-csp-row]')].filter(r => !r.hidden)
  .map(r => ({year: r.dataset.year, funder: r.dataset.funder, amount: r.dataset.amount}))"""


def pounds(text: str) -> Decimal:
    return Decimal(text.replace("£", "").replace(",", ""))


def total_shown(page) -> Decimal:
    return pounds(page.locator("[data-csp-total]").inner_text())


def test_filtering_by_year_and_funder_narrows_the_rows_and_the_total_follows(visit):
    page = visit().open("funding/")  # Suffolk's 16 projects fit one page: every year, filtered here
    everything = page.evaluate(ROWS)
    assert total_shown(page) == sum(Decimal(r["amount"]) for r in everything)
    page.get_by_label("Financial year", exact=True).select_option("2019/20")
    shown = page.evaluate(ROWS)
    assert shown and len(shown) < len(everything) and {r["year"] for r in shown} == {"2019/20"}
    assert total_shown(page) == sum(Decimal(r["amount"]) for r in shown)
    status = page.locator("[data-csp-count]").inner_text()
    assert f"Showing {len(shown)} of {len(everything)} projects" in status
    funder = page.get_by_label("Funder", exact=True)
    funder.select_option(index=1)
    both = page.evaluate(ROWS)
    assert {r["funder"] for r in both} <= {funder.input_value()} and {r["year"] for r in both} <= {"2019/20"}
    page.get_by_role("button", name="Show all").click()  # the form resets, then the rows follow
    page.wait_for_function(f"() => ({ROWS})().length === {len(everything)}")
    assert total_shown(page) == sum(Decimal(r["amount"]) for r in everything)


def test_sorting_by_amount_orders_the_rows_both_ways(visit):
    page = visit().open("funding/")
    button = page.get_by_role("button", name="Amount")
    button.click()
    amounts = [Decimal(r["amount"]) for r in page.evaluate(ROWS)]
    assert amounts == sorted(amounts)
    assert page.locator("th[aria-sort='ascending']").inner_text().startswith("Amount")
    button.click()
    amounts = [Decimal(r["amount"]) for r in page.evaluate(ROWS)]
    assert amounts == sorted(amounts, reverse=True)


def test_without_javascript_every_project_and_the_full_total_are_there(visit):
    page = visit(java_script_enabled=False).open("funding/")
    assert not page.get_by_label("Financial year", exact=True).is_visible()
    rows = page.locator("[data-csp-row]")
    assert rows.count() >= 16 and all(rows.nth(i).is_visible() for i in range(rows.count()))
    amounts = [Decimal(rows.nth(i).get_attribute("data-amount")) for i in range(rows.count())]
    assert total_shown(page) == sum(amounts)
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
