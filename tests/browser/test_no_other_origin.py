"""A crawl of every page in a real browser: nothing is requested from any other origin."""

from __future__ import annotations

from pathlib import Path

from .searching import search


def test_no_page_requests_anything_from_another_origin(visit, shipped_site: Path):
    v = visit()
    # Every public page. The staff editor (admin/) is not one: it talks to the git host's API, by
    # design, and test_staff_editor.py records its requests against a local proxy.
    pages = sorted(p.parent.relative_to(shipped_site).as_posix() for p in shipped_site.rglob("index.html")
                   if p.relative_to(shipped_site).parts[0] != "admin")
    assert len(pages) > 250
    missing = []
    v.page.on("response", lambda response: response.status >= 400 and missing.append(response.url))
    for path in pages:
        v.open("" if path == "." else path + "/", wait_until="load")
    # The search fetches its code and index only when used: use it once, as a visitor would.
    assert search(v.page, "refuge").count() > 0
    assert v.foreign == [], f"requests to other origins: {sorted(set(v.foreign))[:10]}"
    assert missing == [], f"pages load files that are not there: {missing[:10]}"
