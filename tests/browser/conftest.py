"""Real headless-browser checks: Debian's Chromium driven by Playwright's Python package.

`make test` installs Chromium (`make browser`); Playwright never downloads a browser. The shipped
site is built once and served from 127.0.0.1; every request for any other origin is recorded and
answered locally, so a test can prove none was made and the exit button has somewhere to land.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CSPSITE_CHROMIUM", "/usr/bin/chromium")
# As root on a closed network: no sandbox, and none of Chromium's own calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><p>A neutral page"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(shipped_site: Path):
    handler = functools.partial(QuietHandler, directory=str(shipped_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if os.environ.get("CSPSITE_SKIP_BROWSER") == "1":
        pytest.skip("CSPSITE_SKIP_BROWSER=1: browser checks skipped on request")
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; run 'make browser' (apt-get install chromium) "
                    "or set CSPSITE_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A fresh browser context (no cache, no history) that records every other-origin request."""

    def __init__(self, browser, base_url: str, **options):
        self.base_url = base_url
        self.local = urlsplit(base_url).netloc
        self.foreign: list[str] = []
        self.context = browser.new_context(service_workers="block", **options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route):
        url = route.request.url
        if urlsplit(url).scheme in {"http", "https"} and urlsplit(url).netloc != self.local:
            self.foreign.append(url)
            return route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
        return route.continue_()

    def open(self, path: str = "", **options):
        self.page.goto(self.base_url + path, **options)
        return self.page


@pytest.fixture
def visit(browser, base_url):
    """visit(**context_options) -> Visit; closed after the test."""
    opened = []

    def make(**options) -> Visit:
        opened.append(Visit(browser, base_url, **options))
        return opened[-1]

    yield make
    for v in opened:
        v.context.close()
