"""A site with many partnerships: site-wide lists become a choice of partnership, every partnership
gets its own pages, and the report finder adds a page per topic and partnership."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from macros.data.validate import load_dataset
from macros.site.large import LARGE_SITE, partnerships
from macros.tools.synth import as_of
from tests.conftest import PROJECT, build, html, page

AREAS = LARGE_SITE + 1
TODAY = as_of(2019, 1)  # synth's default first year; the data is fresh on this date


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[Path, Path]:
    data = tmp_path_factory.mktemp("large") / "data"
    run = subprocess.run([sys.executable, "-m", "macros.cli", "synth", "--areas", str(AREAS), "--years", "1",
                          "--seed", "3", "--out", str(data)], cwd=PROJECT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    site = data.parent / "site"
    built = build(data, site, today=TODAY.isoformat())
    assert built.returncode == 0, built.stdout + built.stderr
    return data, site


def test_site_wide_lists_become_a_choice_of_partnership_with_a_page_each(large):
    data, site = large
    dataset = load_dataset(data, TODAY)
    ids = [p.id for p in partnerships(dataset)]
    assert len(ids) == AREAS
    plan = page(site, "action-plan")
    assert "csp-action" not in plan and "choose a partnership" in plan.lower()
    for partnership in ids:
        assert f"areas/{partnership}/action-plan/" in plan
        own = page(site, f"areas/{partnership}/action-plan")
        items = [a for a in dataset.all("actions") if a.area == partnership]
        assert items and all(f"action-plan/{a.id}/" in own for a in items)
        others = [a for a in dataset.all("actions") if a.area != partnership]
        assert not any(f"action-plan/{a.id}/" in own for a in others)
        assert (site / "areas" / partnership / "funding" / "index.html").exists()


def test_the_areas_index_lists_every_partnership_under_its_county(large):
    data, site = large
    dataset = load_dataset(data, TODAY)
    index = html(site, "areas")
    order = {element: n for n, element in enumerate(index.iter())}
    for partnership in partnerships(dataset):
        county = index.get_element_by_id(f"county-{partnership.parent}")
        [link] = index.cssselect(f'a[href$="areas/{partnership.id}/"]')
        assert order[county] < order[link]


def test_each_topic_lists_national_routes_and_each_partnership_adds_its_own(large):
    data, site = large
    dataset = load_dataset(data, TODAY)
    national = page(site, "report/domestic-abuse")
    for partnership in partnerships(dataset):
        assert f"report/domestic-abuse/{partnership.id}/" in national
        local = html(site, f"report/domestic-abuse/{partnership.id}")
        shown = {route.get("data-area") for route in local.cssselect("[data-csp-route]")}
        assert partnership.id in shown or any(dataset.get("areas", a).parent == partnership.id for a in shown)
        foreign = {p.id for p in partnerships(dataset)} - {partnership.id}
        assert not shown & foreign
        # its area picker offers its own districts only
        own = {d.name for d in dataset.all("areas") if d.parent == partnership.id}
        assert {g.get("label").split(" (")[0] for g in local.cssselect("#csp-area optgroup")} == own


def test_a_national_topic_page_has_no_picker_of_every_town_and_help_comes_first(large):
    """The national page's choice of area is its list of partnerships: a picker of every district
    and town in the country would be thousands of options before the first route."""
    _, site = large
    national = html(site, "report/domestic-abuse")
    assert not national.cssselect("#csp-area")
    raw = (site / "report" / "domestic-abuse" / "index.html").read_bytes()
    first_route = re.search(rb"<article [^>]*\bclass=\"?csp-route[\s\">]", raw)
    assert first_route and raw.index(b"</article>", first_route.start()) <= 14 * 1024


def test_every_link_of_a_large_site_resolves(large):
    """Per-partnership pages link to their own tables' CSV files, charts and year pages."""
    from tests.site.test_build import broken_links

    assert broken_links(large[1]) == []


def test_no_page_is_over_100_kb(large):
    _, site = large
    sizes = sorted(((p.stat().st_size, p) for p in site.rglob("*.html")), reverse=True)
    assert sizes[0][0] <= 100_000, sizes[:3]


def test_national_charts_are_drawn_without_any_patch_and_stay_small(large):
    """A bar per campaign overflowed Vega's stack (bench/patched_build.py used to leave such charts
    out); past TIMELINE_BARS the national timeline counts campaigns per quarter instead."""
    data, site = large
    dataset = load_dataset(data, TODAY)
    assert not (PROJECT / "bench" / "patched_build.py").exists()
    campaigns = html(site, "campaigns")
    assert "choose a partnership" in campaigns.text_content().lower()
    [block] = campaigns.cssselect("div.csp-chart-block")
    assert block.cssselect('svg[role="img"]') and "Campaigns running each quarter" in block.text_content()
    assert len(lxml.html.tostring(block)) < 40_000
    starting = [int(row.cssselect("td")[-1].text.replace(",", "")) for row in block.cssselect("tbody tr")]
    assert sum(starting) == len(dataset.all("campaigns")) > 50
    assert (site / "data" / "charts" / "campaigns-timeline.csv").exists()
    assert html(site, "action-plan").cssselect('div.csp-chart-block svg[role="img"]')


def test_a_large_site_charts_all_partnerships_site_wide_and_each_on_its_own_pages(large):
    """Past five partnerships: one chart of all of them on the site-wide page, and each
    partnership's own chart (its caption says so) on its section page; every summary is its table's."""
    from tests.figures.chart_checks import charts_on, check_every_chart, funding_table_years, year_sums

    data, site = large
    dataset = load_dataset(data, TODAY)
    checked = check_every_chart(site)
    site_wide = [c for c in charts_on(site, site / "funding" / "index.html") if c["id"] == "funding-by-year"]
    projects = dataset.all("funded-projects")
    assert site_wide and f"in {len({p.area for p in projects})} areas" in site_wide[0]["caption"]
    assert sum(year_sums(site_wide[0]["rows"]).values()) == sum(p.amount for p in projects)
    for partnership in partnerships(dataset):
        path = site / "areas" / partnership.id / "funding" / "index.html"
        [own] = [c for c in charts_on(site, path) if c["id"] == f"funding-by-year-{partnership.id}"]
        assert f"of {partnership.name} only" in own["caption"]
        assert year_sums(own["rows"]) == funding_table_years(lxml.html.fromstring(path.read_text("utf-8")))
    assert {c["id"] for c in checked} >= {f"action-status-{p.id}" for p in partnerships(dataset)}
