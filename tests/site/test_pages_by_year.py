"""Lists that grow with the years show one year (or action plan) per page, so no page passes 100 KB.

Two synthetic sites, each with enough years that one page per list would pass 100 KB: one
partnership (site-wide pages) and LARGE_SITE + 1 partnerships (a page per partnership and section).
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest

from macros.data.validate import load_dataset
from macros.model.fields import financial_year_of
from macros.site.large import LARGE_SITE, partnerships
from macros.site.views import funding
from macros.tools.synth import as_of
from tests.conftest import PROJECT, build

LIMIT = 100_000


def _site(tmp_path_factory, areas: int, years: int) -> tuple[Path, Path, object]:
    data = tmp_path_factory.mktemp(f"years{areas}x{years}") / "data"
    run = subprocess.run([sys.executable, "-m", "macros.cli", "synth", "--areas", str(areas), "--years",
                          str(years), "--seed", "5", "--out", str(data)], cwd=PROJECT, capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    today = as_of(2019, years)
    site = data.parent / "site"
    built = build(data, site, today=today.isoformat())
    assert built.returncode == 0, built.stdout + built.stderr
    return data, site, load_dataset(data, today)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return _site(tmp_path_factory, 1, 5)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return _site(tmp_path_factory, LARGE_SITE + 1, 3)


def _doc(site: Path, path: str):
    return lxml.html.fromstring((site / path / "index.html").read_bytes())


def _year_pages(site: Path, section: str) -> dict[str, object]:
    """Every page reachable from a section's page through its year navigation, by site path."""
    start = _doc(site, section)
    nav = start.xpath('//nav[@class="csp-years"]')
    assert len(nav) == 1, f"{section}: expected one year navigation"
    found = {section: start}
    for href in nav[0].xpath(".//a/@href"):
        path = posixpath.normpath(posixpath.join(section, href)).strip("/") + "/"
        found[path] = _doc(site, path)
    return found


def _current(doc) -> list[str]:
    marked = doc.xpath('//nav[@class="csp-years"]//*[@aria-current="page"]')
    return [" ".join(e.text_content().split()) for e in marked]


def _linked_ids(doc, prefix: str) -> set[str]:
    """Record ids a page links to under /<prefix>/<id>/ (year pages live under <prefix>/years/)."""
    ids = set()
    for href in doc.xpath("//article//a/@href"):
        match = re.search(rf"(?:^|/){prefix}/([a-z0-9-]+)/$", href)
        if match and match.group(1) != "years":
            ids.add(match.group(1))
    return ids


def _check_sizes(site: Path) -> None:
    sizes = sorted(((p.stat().st_size, str(p.relative_to(site))) for p in site.rglob("*.html")), reverse=True)
    assert sizes[0][0] <= LIMIT, sizes[:5]


def test_no_page_of_a_one_partnership_site_with_five_years_is_over_100_kb(small):
    _check_sizes(small[1])


def test_no_page_of_a_many_partnership_site_is_over_100_kb(large):
    _check_sizes(large[1])


def _reaches_every_year(site: Path, section: str, prefix: str, records, year_of) -> None:
    """Each year has a page, reachable from the section's page, holding exactly that year's records;
    the section's own page is the newest year, marked as the current page."""
    pages = _year_pages(site, section)
    years = sorted({year_of(r) for r in records}, reverse=True)
    assert len(pages) == len(years) >= 3
    assert _current(pages[section])[0].startswith(years[0])
    seen = set()
    for path, doc in pages.items():
        current = _current(doc)
        assert len(current) == 1, f"{path}: one year is marked as current"
        year = next(y for y in years if current[0].startswith(y))
        expected = {r.id for r in records if year_of(r) == year}
        assert _linked_ids(doc, prefix) >= expected, f"{path} misses some of {year}"
        seen |= expected
        assert "&lt;div" not in lxml.html.tostring(doc, encoding="unicode"), f"{path}: escaped markup"
    assert seen == {r.id for r in records}


def test_every_year_of_the_site_wide_lists_is_reachable_from_the_list(small):
    _, site, dataset = small
    _reaches_every_year(site, "action-plan/", "action-plan", dataset.all("actions"), lambda a: a.plan)
    _reaches_every_year(site, "funding/", "funding", dataset.all("funded-projects"),
                        lambda p: p.financial_year)
    _reaches_every_year(site, "campaigns/", "campaigns", dataset.all("campaigns"),
                        lambda c: financial_year_of(c.start.first_day))


def test_every_year_of_each_partnerships_lists_is_reachable_from_its_section(large):
    _, site, dataset = large
    for partnership in partnerships(dataset)[:2]:
        base, mine = f"areas/{partnership.id}/", partnership.id
        _reaches_every_year(site, base + "action-plan/", "action-plan",
                            [a for a in dataset.all("actions") if a.area == mine], lambda a: a.plan)
        # Its projects fit on one page (15 a year for 3 years): every year together, with a year filter.
        projects = [p for p in dataset.all("funded-projects") if p.area == mine]
        assert len({p.financial_year for p in projects}) == 3 and len(projects) <= funding.PER_PAGE
        whole = _doc(site, base + "funding/")
        assert not whole.xpath('//nav[@class="csp-years"]')
        assert _linked_ids(whole, "funding") >= {p.id for p in projects}
        assert len(whole.xpath('//select[@name="year"]/option')) == 1 + 3


def _money(text: str) -> Decimal:
    return Decimal(re.sub(r"[£,\s]", "", text))


def test_each_years_funding_total_adds_up_and_matches_its_row_of_the_all_years_totals(small):
    _, site, dataset = small
    for path, doc in _year_pages(site, "funding/").items():
        table = doc.xpath('//table[tfoot//*[@data-csp-total]]')[0]
        year = _current(doc)[0]
        assert year in table.xpath("string(caption)"), "the table says which year it shows"
        shown = sum((Decimal(v) for v in table.xpath(".//tbody/tr/@data-amount")), Decimal(0))
        expected = sum((p.amount for p in dataset.all("funded-projects") if p.financial_year == year),
                       Decimal(0))
        total = table.xpath("string(.//tfoot//*[@data-csp-total])")
        assert shown == expected == _money(total), path
        by_year = doc.xpath('//table[@data-csp-totals="financial_year"]')[0]
        row = by_year.xpath(f'.//tr[@data-key="{year}"]//td[@data-value]/@data-value')
        assert Decimal(row[0]) == expected, "the all-years table's row for the year shown agrees"
        assert doc.xpath('//a[contains(@href, "data/funded-projects.csv")]'), "the all-years CSV is offered"
