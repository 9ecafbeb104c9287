"""If mkdocs-material's instant navigation is switched on, the finder and the exit still work.

Instant navigation swaps pages without reloading, so scripts that only ran on page load would
be lost on the second page. This builds the shipped site with it on and walks a resident's path.
"""

from __future__ import annotations

import functools
import http.server
import re
import socket
import threading

import pytest

from tests.browser.conftest import QuietHandler

from ..conftest import PROJECT


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with socket.socket() as s:  # the port first: instant navigation needs site_url's origin
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    site = tmp_path_factory.mktemp("instant") / "site"
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(site),
                         site_url=f"http://127.0.0.1:{port}/")
    config.theme["features"].append("navigation.instant")
    build(config)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


def test_filters_and_exit_work_after_instant_navigation(browser, instant_site):
    context = browser.new_context()
    context.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="neutral"))
    page = context.new_page()
    full_loads = []
    page.on("load", lambda: full_loads.append(page.url))
    page.goto(instant_site)
    page.get_by_role("link", name="Find the right way to report it").click()
    page.get_by_role("link", name="Domestic abuse").click()
    page.wait_for_url("**/report/domestic-abuse/")
    assert full_loads == [instant_site], "instant navigation should not have reloaded the page"

    page.locator(".csp-filters summary").click()  # the filters fold away under "Narrow the list"
    page.get_by_role("checkbox", name="I want to stay anonymous").check()
    shown, total = map(int, re.findall(r"\d+", page.locator("[data-csp-count]").inner_text()))
    assert 0 < shown < total

    page.locator("body").click(position={"x": 5, "y": 300})
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.bbc.co.uk/**")
    page.go_back()
    assert not page.url.endswith("/report/domestic-abuse/")
    context.close()
