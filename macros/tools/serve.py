"""`cspsite serve`: a live preview that shows a data error in the browser and keeps the last good
build on screen.

Each change to the data, the pages or mkdocs.yml rebuilds the site (mkdocs' own build, in this
process, so the second build on is quicker) into a fresh folder; only a build that succeeds
replaces the one being served. While the data has errors every page carries a banner listing
them, exactly as `cspsite validate` does, over the last good build (or an error page if there has
been none). Open pages reload themselves after each build, by asking this server (the same
origin) for the build number. Ctrl-C stops it and removes its folders.
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

RELOAD_PATH = "/__cspsite/reload.js"
EPOCH_PATH = "/__cspsite/build"
RELOAD_JS = b"""(function () {
  var seen = null;
  function check() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (n) {
      if (seen !== null && n !== seen) { location.reload(); }
      seen = n;
    }).catch(function () {}).finally(function () { setTimeout(check, 1000); });
  }
  check();
})();
""" % EPOCH_PATH.encode()


@dataclass
class Preview:
    """What is being served: the last good build, and the problems of the latest, if it failed."""

    root: Path | None = None
    problems: str | None = None
    epoch: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def banner(problems: str) -> str:
    return ('<div role="alert" class="csp-serve-error" style="background:#d4351c;color:#fff;'
            'padding:1rem;font:1rem/1.4 sans-serif"><strong>The site was not rebuilt: the data has '
            'errors.</strong> This is the last build that worked. Fix these, save, and the page '
            f'reloads:<pre style="white-space:pre-wrap;color:#fff;background:none">{html.escape(problems)}'
            '</pre></div>')


def error_page(problems: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Data errors</title></head>'
            f'<body>{banner(problems)}<script src="{RELOAD_PATH}"></script></body></html>')


class Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, format, *args):  # noqa: A002 -- the standard library's name
        pass

    def translate_path(self, path: str) -> str:
        self.directory = str(self.preview.root or tempfile.gettempdir())
        return super().translate_path(path)

    def _send(self, body: bytes, kind: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 -- the standard library's name
        with self.preview.lock:
            root, problems, epoch = self.preview.root, self.preview.problems, self.preview.epoch
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == RELOAD_PATH:
            return self._send(RELOAD_JS, "text/javascript")
        if path == EPOCH_PATH:
            return self._send(str(epoch).encode(), "text/plain")
        if root is None:
            return self._send(error_page(problems or "The first build is under way.").encode(),
                              "text/html; charset=utf-8", 500 if problems else 503)
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            file = file / "index.html"
        if file.suffix != ".html" or not file.is_file():
            return super().do_GET()
        page = file.read_text(encoding="utf-8")
        extra = (banner(problems) if problems else "") + f'<script src="{RELOAD_PATH}"></script>'
        at = page.lower().find("<body")
        at = page.find(">", at) + 1 if at >= 0 else 0
        self._send((page[:at] + extra + page[at:]).encode(), "text/html; charset=utf-8")

    do_HEAD = do_GET


def _fingerprint(paths: list[Path]) -> tuple:
    found = []
    for base in paths:
        items = base.rglob("*") if base.is_dir() else [base]
        for p in items:
            with contextlib.suppress(OSError):
                if p.is_file():
                    stat = p.stat()
                    found.append((str(p), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def build_once(config_file: Path, site_dir: Path) -> str | None:
    """One strict mkdocs build into site_dir; None when it worked, else what went wrong, in words."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        build(config)
    except (MkDocsException, SystemExit) as error:
        # mkdocs logs the error and raises Abort('Aborted with a PluginError!') from it: the
        # error's own words are in its context.
        cause = error.__context__ if isinstance(error.__context__, MkDocsException) else error
        return str(cause).split("\n\nThe site was not built")[0].strip() or "the build failed"
    finally:
        _stop_workers()
    return None


def _stop_workers() -> None:
    from macros.build.state import current_state

    state = current_state(required=False)
    if state is not None:
        state.drawer.stop()


def serve(config_file: Path, watched: list[Path], host: str, port: int, say=print) -> int:
    """Build, serve and rebuild on change until Ctrl-C; returns the exit code (0)."""
    import logging

    # mkdocs' warnings (a broken link in a page, say) in the terminal, as 'mkdocs build' prints them
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        shown = logging.StreamHandler()
        shown.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(shown)
        logger.setLevel(logging.WARNING)
    # Ctrl-C, and a polite stop (SIGTERM), end the loop below cleanly, even where the shell
    # started this with SIGINT ignored (a background job).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    preview = Preview()
    handler = type("BoundHandler", (Handler,), {"preview": preview})
    work = Path(tempfile.mkdtemp(prefix="cspsite-serve-"))
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        thread.start()
        say(f"Serving at http://{host}:{server.server_address[1]}/ (it rebuilds when you save; "
            "Ctrl-C stops)")
        seen = None
        while True:
            now = _fingerprint(watched)
            if now != seen:
                time.sleep(0.3)  # an editor saving several files: let it finish
                seen = _fingerprint(watched)
                _rebuild(config_file, work, preview, say)
            time.sleep(0.5)
    except KeyboardInterrupt:
        say("Stopped.")
        return 0
    finally:
        server.shutdown()
        server.server_close()
        _stop_workers()
        shutil.rmtree(work, ignore_errors=True)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _rebuild(config_file: Path, work: Path, preview: Preview, say) -> None:
    started = time.monotonic()
    target = work / f"build-{preview.epoch + 1}"
    problems = build_once(config_file, target)
    seconds = time.monotonic() - started
    with preview.lock:
        old = preview.root
        if problems is None:
            preview.root, preview.problems = target, None
        else:
            preview.problems = problems
        preview.epoch += 1
    if problems is None:
        say(f"Built in {seconds:.1f} s.")
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    else:
        shutil.rmtree(target, ignore_errors=True)
        say(f"Not rebuilt ({seconds:.1f} s): see the errors above, shown in the browser too; the last "
            "good build is still served.")


def environment(data_dir: Path, today: str | None) -> None:
    """What `cspsite build` sets for mkdocs, set in this process for the builds it runs."""
    from macros.build.state import DATA_ENV, TODAY_ENV

    os.environ[DATA_ENV] = str(data_dir.resolve())
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if today:
        os.environ[TODAY_ENV] = today
