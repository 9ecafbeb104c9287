"""`make audit`: axe-core at 360 and 1280 px on every page of the shipped site (too slow for the
suite: about 0.8 s a page). Prints each page with a violation and exits 1 if there is any."""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, QuietHandler
from tests.browser.test_accessibility import axe_violations
from tests.conftest import PROJECT, SHIPPED_TODAY, build


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = Path(tempfile.mkdtemp(prefix="cspsite-audit-")) / "site"
    run = build(PROJECT / "data", site, today=SHIPPED_TODAY)
    if run.returncode:
        print(run.stdout + run.stderr)
        return 1
    pages = sorted(str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html")
                   if p.relative_to(site).parts[0] not in ("admin", "pagefind"))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    failing = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in (360, 1280):
            context = browser.new_context(viewport={"width": width, "height": 640}, service_workers="block")
            context.route("**/*", lambda route: route.abort() if not route.request.url.startswith(base)
                          else route.continue_())
            page = context.new_page()
            for path in pages:
                page.goto(base + ("" if path == "./" else path))
                found = axe_violations(page)
                if found:
                    failing += 1
                    print(f"{width}px /{path}: {found}")
            context.close()
        browser.close()
    server.shutdown()
    print(f"axe: {len(pages)} pages at 360 and 1280 px, {failing} with violations")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
