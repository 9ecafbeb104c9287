"""The search index in parts, as for a large site: every page in exactly one part, and a router
that knows each part's words (tests/browser/test_search.py searches it in a browser)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from macros.build.search_index import _fragments, index_site


def urls(bundle: Path) -> list[str]:
    return [fragment["url"] for _, fragment in _fragments(bundle)]


def test_a_large_index_is_split_into_parts_behind_a_router(minimal_site: Path, tmp_path: Path):
    whole = urls(minimal_site / "pagefind")
    assert json.loads((minimal_site / "pagefind" / "partitions.json").read_text()) == {}

    site = tmp_path / "site"
    shutil.copytree(minimal_site, site)
    shutil.rmtree(site / "pagefind")
    output = index_site(site, partition_pages=10)

    parts = json.loads((output / "partitions.json").read_text())
    folders = sorted(p.name for p in output.glob("part-*"))
    assert sorted(parts.values()) == [f"{name}/" for name in folders] and len(folders) >= 3
    in_parts = [url for folder in folders for url in urls(output / folder)]
    assert sorted(in_parts) == sorted(whole), "each page in exactly one part"
    assert all(len(urls(output / folder)) <= 10 for folder in folders)
    # The router's pages are the parts; the code and WebAssembly are shipped once, beside them.
    routes = dict(_fragments(output))
    assert {page_id: fragment["url"].strip("/") + "/" for page_id, fragment in routes.items()} == parts
    part_of = {url: folder for folder in folders for url in urls(output / folder)}
    skate_park = next(url for url in whole if "skate-park" in url)
    router_page = next(f for f in routes.values() if f["url"] == f"/{part_of[skate_park]}/")
    assert "skate" in router_page["content"].split()
    assert (output / "pagefind.js").exists() and not list(output.glob("part-*/pagefind.js"))


def test_words_in_neighbouring_cells_and_terms_stay_apart_in_the_index(minimal_site: Path):
    """The minifier leaves "<dt>Area</dt><dd>East" with no space; the index must not read "AreaEast"."""
    import lxml.html

    bundle = minimal_site / "pagefind"
    indexed = {fragment["url"]: fragment["content"].split() for _, fragment in _fragments(bundle)}
    checked = 0
    for url, words in indexed.items():
        doc = lxml.html.fromstring((minimal_site / url.strip("/") / "index.html").read_bytes())
        for term in doc.cssselect("[data-pagefind-body] dt, [data-pagefind-body] th"):
            last = (term.text_content().split() or [""])[-1]
            if last and term.getnext() is not None:
                checked += 1
                assert last in words, f"{url}: '{last}' ran into the next cell"
    assert checked > 20
