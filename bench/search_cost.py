"""What a search costs a visitor: compressed bytes fetched from opening the search to the first result.

Headless Chromium (Debian's, driven by Playwright) opens a page of the site served from 127.0.0.1
and waits for its load event; from then on every response is counted, whatever the search engine
asks for (mkdocs-material's search_index.json, or Pagefind's files under /pagefind/). The
search is opened as a visitor would, the query typed, and counting stops when the first result
appears. Bodies are measured gzipped (level 6), as a server that compresses would send them,
or as they are when that is smaller (Pagefind's files are already compressed).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The site's own search (overrides/partials/csp-search.html), or mkdocs-material's.
TOGGLES = "[data-csp-search-toggle]:visible, label.md-header__button[for=__search]:visible"
INPUTS = "[data-csp-search-input], .md-search__input, input[type=search]"
RESULTS = ("[data-csp-search-results] li, .csp-search__results li, .md-search-result__item, "
           ".pagefind-ui__result")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def on_the_wire(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, compresslevel=6, mtime=0)))


def search_cost(site: Path, query: str, start_page: str = "about/", timeout_s: float = 180) -> dict:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            page.goto(base + start_page, wait_until="load")
            responses = []
            page.on("response", lambda response: responses.append(response))
            started = time.monotonic()
            toggle = page.locator(TOGGLES).first
            if toggle.count():
                toggle.click()
            field = page.locator(INPUTS).first
            field.wait_for(state="visible", timeout=10_000)
            field.click()
            field.press_sequentially(query, delay=60)  # a quick typist, one key at a time
            page.locator(RESULTS).first.wait_for(state="visible", timeout=timeout_s * 1000)
            seconds = time.monotonic() - started
            fetched = []
            for response in list(responses):
                try:
                    body = response.body()
                except Exception:  # a request still in flight or aborted: it delivered nothing yet
                    continue
                path = response.url.removeprefix(base)
                fetched.append({"path": path, "bytes": len(body), "compressed": on_the_wire(body)})
            first = page.locator(RESULTS).first.inner_text()[:120]
            browser.close()
    finally:
        server.shutdown()
    fetched.sort(key=lambda f: -f["compressed"])
    paths = [f["path"] for f in fetched]
    engine = ("Pagefind" if any(p.startswith("pagefind/") for p in paths)
              else "mkdocs-material" if any("search_index" in p for p in paths) else "unknown")
    return {"query": query, "start_page": start_page, "engine": engine,
            "compressed_bytes": sum(f["compressed"] for f in fetched),
            "uncompressed_bytes": sum(f["bytes"] for f in fetched),
            "requests": len(fetched), "seconds_to_first_result": round(seconds, 2),
            "first_result": " ".join(first.split()), "largest_requests": fetched[:8]}
