"""What a first visit to a report topic page costs on a cheap phone, and how soon help appears.

Budget (issue 4): at most 150 KB compressed in all on a first visit, and the emergency panel and
the first route inside the first 14 KB of the HTML, the size of a first round trip. Search
(issue 7): nothing of it until someone opens it, then at most 300 KB before the first result.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from .searching import search

TOPIC_PAGE = "report/domestic-abuse/"
FIRST_VISIT_BUDGET = 150 * 1024
FIRST_ROUND_TRIP = 14 * 1024
SEARCH_BUDGET = 300 * 1024


def compressed(body: bytes) -> int:
    """Bytes on the wire from a server that gzips (level 6, the usual default)."""
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def test_a_first_visit_to_a_topic_page_is_within_150_kb_compressed(visit):
    v = visit()
    responses = []
    v.page.on("response", lambda response: responses.append(response))
    v.open(TOPIC_PAGE, wait_until="networkidle")
    v.page.wait_for_timeout(500)  # anything started late, such as a worker's fetch
    sizes = {r.url.removeprefix(v.base_url): compressed(r.body()) for r in responses if r.ok}
    total = sum(sizes.values())
    report = "\n".join(f"{size:>8,} {url}" for url, size in sorted(sizes.items(), key=lambda i: -i[1]))
    print(f"\nFirst visit to /{TOPIC_PAGE}: {total:,} bytes compressed in {len(sizes)} files\n{report}")
    assert TOPIC_PAGE in sizes and any(url.endswith(".css") for url in sizes)
    assert total <= FIRST_VISIT_BUDGET, report


def _first(html: bytes, tag: bytes) -> int | None:
    """Where the first tag like this starts (the minifier drops quotes it does not need)."""
    match = re.search(tag, html)
    return match.start() if match else None


def test_the_emergency_panel_and_first_route_arrive_in_the_first_14_kb(shipped_site: Path):
    checked = 0
    for page in sorted((shipped_site / "report").glob("*/index.html")):
        html, topic_dir = page.read_bytes(), page.parent
        route = _first(html, rb"<article [^>]*\bclass=\"?csp-route[\s\">]")
        if route is None:
            continue  # Cover your tracks lists no routes
        checked += 1
        panel = _first(html, rb"<section [^>]*\bclass=\"?csp-emergency[\s\">]")
        route_end = html.index(b"</article>", route)
        print(f"{topic_dir.name}: panel at byte {panel:,}, first route ends at byte {route_end:,}")
        assert _first(html[:FIRST_ROUND_TRIP], rb"<a [^>]*\bhref=\"?tel:999[\s\">]") is not None
        assert route_end <= FIRST_ROUND_TRIP, f"{topic_dir.name}: first route ends at byte {route_end:,}"
    assert checked >= 10


def test_search_loads_nothing_until_opened_then_little_before_the_first_result(visit):
    v = visit()
    responses = []
    v.page.on("response", lambda response: responses.append(response))
    page = v.open(TOPIC_PAGE, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [r.url for r in responses if "/pagefind/" in r.url]
    assert not [r.url for r in responses if "search_index" in r.url], "mkdocs-material's whole-site index"
    links = search(page, "Crimestoppers", opener="/")
    assert "Crimestoppers" in links.first.inner_text()
    sizes = {r.url.removeprefix(v.base_url): compressed(r.body()) for r in responses if "/pagefind/" in r.url}
    report = "\n".join(f"{size:>8,} {url}" for url, size in sorted(sizes.items(), key=lambda i: -i[1]))
    print(f"\nSearch, opened to first result: {sum(sizes.values()):,} bytes compressed\n{report}")
    assert 0 < sum(sizes.values()) <= SEARCH_BUDGET, report
