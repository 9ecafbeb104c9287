"""Build the site's search index with Pagefind, after mkdocs has written the HTML.

Pagefind splits its index into chunks that the browser fetches only for the words typed, but
every search first downloads a table of all indexed pages: about 5 bytes a page compressed, so
half a megabyte at 100,000 pages. Past PARTITION_PAGES pages the site is therefore indexed in
parts, each its own Pagefind index under pagefind/part-NNN/, and pagefind/ itself holds a small
router index: one pseudo-page per part listing every distinct word in it. The browser searches
the router first and loads only the parts that can match (overrides/assets/javascripts/search.js).
Only what overrides/main.html marks with data-pagefind-body is indexed: the article.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

OUTPUT = "pagefind"
PARTS = "partitions.json"  # router page id -> the part it stands for; {} when there are no parts
PARTITION_PAGES = int(os.environ.get("CSPSITE_SEARCH_PARTITION_PAGES", "1000"))
BODY = b"data-pagefind-body"
# Pagefind runs together the text of adjacent cells and list items that have no whitespace
# between them, as minified HTML has ("<dt>Area</dt><dd>East" would be indexed as "AreaEast").
_BETWEEN_BLOCKS = re.compile(
    r"(</(?:t[dhr]|d[dt]|li|p|div|h[1-6]|caption|figcaption|summary|blockquote)>|<br\s*/?>)(?=<)")
# Heading permalinks ("¶") are not words.
EXCLUDE = ".headerlink"
# search.js uses only Pagefind's API; its ready-made interfaces are not published.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")
# A part is only ever merged into the router's Pagefind, which brings the code and WebAssembly.
RUNTIME = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")


def _executable() -> str:
    from pagefind.service import get_executable  # the binary comes from the pagefind-bin wheel

    executable = get_executable()
    if executable is None:
        raise PluginError("Pagefind is not installed; run 'make install' to build the search index.")
    return str(executable)


def _pagefind(source: Path, output: Path) -> None:
    run = subprocess.run(
        [_executable(), "--site", str(source), "--output-path", str(output),
         "--exclude-selectors", EXCLUDE, "--force-language", "en", "--quiet"],
        capture_output=True, text=True)
    if run.returncode != 0:
        raise PluginError(f"Pagefind could not index the site:\n{run.stdout}{run.stderr}")
    for pattern in UNUSED:
        for path in output.glob(pattern):
            path.unlink()


def _indexed_pages(site_dir: Path) -> list[Path]:
    return sorted(p.relative_to(site_dir) for p in site_dir.rglob("*.html") if BODY in p.read_bytes())


def _fragments(bundle: Path):
    """Pagefind's record of each page it indexed: url, title and the text it read."""
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        yield path.stem, json.loads(data[data.index(b"{"):])


def readable_by_search(page_html: str) -> str:
    """A page with one space back between blocks, where the minifier took all whitespace out (a
    space there is never rendered, so the page looks the same); hooks.py applies it to every page."""
    return _BETWEEN_BLOCKS.sub(r"\1 ", page_html)


def _link_for_indexing(site_dir: Path, pages: list[Path], target: Path) -> None:
    """One part's pages gathered in a folder of its own, as hard links: nothing is copied."""
    for page in pages:
        (target / page).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site_dir / page, target / page)
        except OSError:  # another file system: copy instead
            shutil.copyfile(site_dir / page, target / page)


def _router_page(bundle: Path) -> str:
    """Every distinct word of one part, once each. Title words go in a heading, which Pagefind
    ranks higher, so for a common word the parts with pages titled by it are loaded first."""
    titles: set[str] = set()
    words: set[str] = set()
    for _, fragment in _fragments(bundle):
        titles.update(w.lower() for w in fragment["meta"].get("title", "").split())
        titles.add(fragment["url"].rstrip("/").rsplit("/", 1)[-1])  # ids are indexed from an attribute
        words.update(w.lower() for w in fragment["content"].split())
    heading, text = (html.escape(" ".join(sorted(group))) for group in (titles, words - titles))
    return (f"<!doctype html><html lang='en'><body data-pagefind-body><h1>{heading}</h1><p>{text}</p>"
            "</body></html>")


def index_site(site_dir: Path, partition_pages: int = PARTITION_PAGES) -> Path:
    """Write the search index into site_dir/pagefind/ and return that folder."""
    output = site_dir / OUTPUT
    pages = _indexed_pages(site_dir)
    groups = [pages[start:start + partition_pages] for start in range(0, len(pages), partition_pages)]
    if len(groups) <= 1:  # Pagefind reads the site where it is: only pages marked as body count
        _pagefind(site_dir, output)
        (output / PARTS).write_text("{}\n", encoding="utf-8")
        return output
    with tempfile.TemporaryDirectory(prefix="cspsite-search-", dir=site_dir.parent) as scratch:
        scratch = Path(scratch)
        for number, group in enumerate(groups):
            part = f"part-{number:03d}"
            _link_for_indexing(site_dir, group, scratch / part)
            _pagefind(scratch / part, output / part)
            for pattern in RUNTIME:
                for path in (output / part).glob(pattern):
                    path.unlink()
            (scratch / "router" / part).mkdir(parents=True)
            (scratch / "router" / part / "index.html").write_text(_router_page(output / part))
        _pagefind(scratch / "router", output)
    parts = {page_id: fragment["url"].strip("/") + "/" for page_id, fragment in _fragments(output)}
    (output / PARTS).write_text(json.dumps(parts, sort_keys=True) + "\n", encoding="utf-8")
    return output
