"""The funding explorer in a real browser: a page per financial year; filters and sorting change what
is shown and the total follows; without JavaScript every year's projects and total are there and add
up to the all-years total; axe finds nothing."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urljoin

import pytest

from macros.views.render import money

from .test_accessibility import axe_violations

ROWS = """() => [...document.querySelectorAll('[data-csp-row]')].filter(r => !r.hidden)
  .map(r => ({year: r.dataset.year, funder: r.dataset.funder, amount: r.dataset.amount}))"""


def pounds(text: str) -> Decimal:
    return Decimal(text.replace("£", "").replace(",", ""))


def total_shown(page) -> Decimal:
    return pounds(page.locator("[data-csp-total]").inner_text())


YEARS = "Funded projects by financial year"


def test_the_year_navigation_leads_to_each_year_and_the_filters_narrow_it_with_the_total(visit):
    page = visit().open("funding/")
    page.get_by_role("navigation", name=YEARS).get_by_role("link", name="2019/20", exact=True).click()
    assert page.get_by_role("navigation", name=YEARS).locator("[aria-current=page]").inner_text() == "2019/20"
    everything = page.evaluate(ROWS)
    assert len(everything) > 2 and {r["year"] for r in everything} == {"2019/20"}
    assert total_shown(page) == sum(Decimal(r["amount"]) for r in everything)
    page.get_by_label("Priority", exact=True).select_option(index=1)
    shown = page.evaluate(ROWS)
    assert shown and len(shown) < len(everything)
    assert total_shown(page) == sum(Decimal(r["amount"]) for r in shown)
    status = page.locator("[data-csp-count]").inner_text()
    assert f"Showing {len(shown)} of {len(everything)} projects" in status
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


def test_without_javascript_each_years_page_has_its_projects_and_total_and_they_add_up(visit):
    page = visit(java_script_enabled=False).open("funding/")
    assert not page.get_by_label("Funder", exact=True).is_visible()
    links = page.get_by_role("navigation", name=YEARS).get_by_role("link")
    years = [urljoin(page.url, links.nth(i).get_attribute("href")) for i in range(links.count())]
    projects, total = 0, Decimal(0)
    for url in [page.url, *years]:  # the newest year is funding/ itself
        page.goto(url)
        rows = page.locator("[data-csp-row]")
        assert rows.count() and all(rows.nth(i).is_visible() for i in range(rows.count()))
        amounts = [Decimal(rows.nth(i).get_attribute("data-amount")) for i in range(rows.count())]
        assert total_shown(page) == sum(amounts)
        projects, total = projects + len(amounts), total + sum(amounts)
    assert projects >= 16
    scope = page.locator(".csp-totals-scope").inner_text()
    assert f"{projects} projects" in scope and money(total) in scope


@pytest.mark.parametrize("path", ["funding/", "funding/years/2019-20/", "data/", "changes/",
                                  "sources/esc-scrutiny-2023-07-20/",
                                  "funding/es-alterego-county-lines-theatre-production-2019/"])
def test_axe_finds_no_violations_on_the_journalists_pages(visit, path):
    page = visit().open(path)
    if path.startswith("funding/years/"):
        page.get_by_label("Funder", exact=True).select_option(index=1)
        page.get_by_role("button", name="Amount").click()
    assert axe_violations(page) == []
