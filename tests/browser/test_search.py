"""Site search in a real browser: it finds records from every area, also when the index is built in
parts (as for a large site) and the site is served from a sub-path, and it works from the keyboard."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections import defaultdict
from pathlib import Path

import pytest

from macros.build.search_index import _fragments
from macros.data.validate import load_dataset
from tests.browser.conftest import QuietHandler, Visit

from ..conftest import PROJECT, SHIPPED_TODAY
from .searching import found, rank_of, search


def one_priority_per_area(data: Path, today: str) -> list[tuple]:
    """(priority, its area's name) for a priority of each partnership or board."""
    dataset = load_dataset(data, dt.date.fromisoformat(today))
    areas = {area.id: area.name for area in dataset.all("areas")}
    firsts = {}
    for priority in dataset.all("priorities"):
        firsts.setdefault(priority.area, (priority, areas[priority.area]))
    return list(firsts.values())


def assert_each_area_is_found(page, priorities, by_id: int, by_name: int) -> None:
    """Each priority is found by its id within the first `by_id` results, and by its name with its
    area's (two areas have a "Hate Crime") within the first `by_name`."""
    for priority, area in priorities:
        address = f"/priorities/{priority.id}/"
        rank = rank_of(page, priority.id, address)
        assert rank is not None and rank <= by_id, (priority.id, rank)
        rank = rank_of(page, f"{priority.name} {area}", address)
        assert rank is not None and rank <= by_name, (priority.name, area, rank)


def test_search_finds_a_priority_of_each_area_by_name_and_by_id(visit):
    priorities = one_priority_per_area(PROJECT / "data", SHIPPED_TODAY)
    assert len({p.area for p, _ in priorities}) >= 3  # Western Suffolk, East Suffolk, the county board
    assert_each_area_is_found(visit().open("report/domestic-abuse/"), priorities, by_id=1, by_name=10)


def word_in_one_part(router: Path) -> tuple[str, str]:
    """A word only one part of the index holds (no other part has a word starting the same way,
    since Pagefind matches word stems and prefixes), and that part."""
    parts_by_start, word_by_start = defaultdict(set), {}
    for _, page in _fragments(router):
        for word in re.findall("[a-z]+", page["content"]):
            parts_by_start[word[:5]].add(page["url"].strip("/"))
            if len(word) >= 8:
                word_by_start.setdefault(word[:5], word)
    start = min(s for s in word_by_start if len(parts_by_start[s]) == 1)
    return word_by_start[start], parts_by_start[start].pop()


def build_in_parts(data: Path, site: Path, today: str, part_pages: int) -> None:
    env = dict(os.environ, CSPSITE_SEARCH_PARTITION_PAGES=str(part_pages))
    run = subprocess.run([sys.executable, "-m", "macros.cli", "build", "--data", str(data),
                          "--site-dir", str(site), "--today", today],
                         cwd=PROJECT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


@contextlib.contextmanager
def serving(root: Path):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="module")
def parted_site_under_a_sub_path(tmp_path_factory):
    """The shipped site with its index in parts of 40 pages, served at /csp/ as GitHub Pages serves
    a project site."""
    root = tmp_path_factory.mktemp("parted")
    build_in_parts(PROJECT / "data", root / "csp", SHIPPED_TODAY, part_pages=40)
    with serving(root) as address:
        yield root / "csp", address + "csp/"


def test_search_in_parts_from_a_sub_path_finds_each_area_and_loads_only_some_parts(
        browser, parted_site_under_a_sub_path):
    site, address = parted_site_under_a_sub_path
    total = len(list((site / "pagefind").glob("part-*")))
    assert total > 3
    visit = Visit(browser, address)
    parts = set()
    visit.page.on("request", lambda r: "/pagefind/part-" in r.url and parts.add(r.url.split("/")[5]))
    page = visit.open("priorities/es-vawg/")
    word, part = word_in_one_part(site / "pagefind")
    assert found(page, word)
    assert parts == {part}, f"only the part that holds {word!r} is loaded"
    priorities = one_priority_per_area(PROJECT / "data", SHIPPED_TODAY)
    # Parts load as results are wanted, and each part ranks its own pages, so the order is rougher:
    # a name of common words may need "Show more results".
    assert_each_area_is_found(page, priorities, by_id=1, by_name=60)
    links = search(page, "Crimestoppers")
    links.first.click()
    page.wait_for_url(address + "**")
    assert page.locator("h1").first.inner_text().startswith("Crimestoppers")
    assert visit.foreign == []
    visit.context.close()


def test_more_results_come_on_request_and_take_focus(visit):
    page = visit().open("")
    links = search(page, "Suffolk")
    assert links.count() == 10
    page.get_by_role("button", name="Show more results").click()
    page.wait_for_function("() => document.querySelectorAll('.csp-search__link').length > 10")
    assert page.evaluate("document.activeElement.textContent") == links.nth(10).inner_text()


def test_search_by_keyboard_slash_arrows_enter_and_escape(visit):
    page = visit().open("funding/")
    toggle = page.get_by_role("button", name="Search", exact=True)
    assert toggle.get_attribute("aria-expanded") == "false"
    links = search(page, "refuge", opener="/")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert links.count() > 0
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('csp-search__link')")
    page.keyboard.press("Escape")
    assert not page.locator("[data-csp-search]").is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "csp-search"
    page.keyboard.press("Enter")  # the button opens it again, with the same results
    assert links.first.is_visible()
    page.get_by_role("searchbox").press("Enter")  # Enter in the box goes to the first result
    assert page.evaluate("document.activeElement.classList.contains('csp-search__link')")


def test_search_status_says_when_nothing_matches(visit):
    page = visit().open("")
    search(page, "xkcdxkcd")
    status = page.locator("#csp-search-status")
    assert status.get_attribute("role") == "status" and status.inner_text() == "No results for “xkcdxkcd”."


def test_without_javascript_there_is_no_broken_search_box(visit):
    page = visit(java_script_enabled=False).open("")
    assert not page.get_by_role("button", name="Search", exact=True).is_visible()
    assert not page.get_by_role("searchbox").is_visible()
    assert page.get_by_role("link", name="Report something").first.is_visible()  # the navigation still works


def test_search_finds_a_record_of_each_area_of_a_synthetic_site_indexed_in_parts(browser, tmp_path):
    from macros.tools.synth import write

    synth = write(tmp_path / "data", partnerships=4, years=2, seed=7)
    today = synth.as_of.isoformat()
    build_in_parts(tmp_path / "data", tmp_path / "site", today, part_pages=100)
    assert len(list((tmp_path / "site" / "pagefind").glob("part-*"))) >= 4
    priorities = one_priority_per_area(tmp_path / "data", today)
    assert len({p.area for p, _ in priorities}) >= 4
    with serving(tmp_path / "site") as address:
        visit = Visit(browser, address)
        assert_each_area_is_found(visit.open(""), priorities, by_id=1, by_name=60)
        assert visit.foreign == []
        visit.context.close()
