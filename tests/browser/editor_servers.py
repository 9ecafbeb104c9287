"""What the staff editor's browser test runs against: a throwaway git repository with the data one
record per file, decap-server (the editor's local git proxy, in git mode) on a clone of it, and the
built /admin/ served from 127.0.0.1. Every process started here is stopped, children included.

decap-server commits everything in its work tree (`git add .`) and checks branches out in it, so it
only ever runs on a fresh clone made for it, never on a working copy.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from macros.tools.cms_files import EditorSettings, rendered
from macros.tools.split import split
from tests.conftest import PROJECT

PROXY = PROJECT / "node_modules" / "decap-server" / "dist" / "index.js"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def _identity(repo: Path, name: str) -> None:
    for key, value in (("user.name", name), ("user.email", "editor@example.invalid"),
                       ("commit.gpgsign", "false")):
        git(repo, "config", key, value)


def make_clone(tmp: Path, data: Path) -> Path:
    """A repository holding `data` split one record per file, and the clone decap-server will use."""
    origin = tmp / "origin"
    shutil.copytree(data, origin / "data")
    split(origin / "data")
    (origin / ".gitignore").write_text("site/\n")
    git(tmp, "init", "-q", "-b", "main", str(origin))
    _identity(origin, "Council")
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "The records, one file each")
    clone = tmp / "clone"
    git(tmp, "clone", "-q", str(origin), str(clone))
    _identity(clone, "Staff editor")
    return clone


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, log: Path, seconds: float = 30) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopped: {log.read_text()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"decap-server did not listen on {port} within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    """Stop a process started in a session of its own, and everything it started (git, say)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class Editor:
    url: str  # the editor's page, /admin/
    clone: Path  # the repository decap-server commits to
    proxy: subprocess.Popen


@contextlib.contextmanager
def editor_servers(tmp: Path, built_admin: Path, data: Path) -> Iterator[Editor]:
    """The built /admin/ (its forms pointed at this run's proxy port), and decap-server on a clone."""
    clone = make_clone(tmp, data)
    port = _free_port()  # not decap-server's default 8081: colleagues may be running one
    site = tmp / "site"
    shutil.copytree(built_admin, site / "admin")
    for name, text in rendered(EditorSettings(), proxy_port=port).items():
        (site / "admin" / name).write_text(text, encoding="utf-8")
    log = tmp / "decap-server.log"
    env = dict(os.environ, MODE="git", GIT_REPO_DIRECTORY=str(clone), PORT=str(port), BIND_HOST="127.0.0.1")
    with log.open("w") as out:
        proxy = subprocess.Popen(["node", str(PROXY)], env=env, cwd=clone, stdout=out,
                                 stderr=subprocess.STDOUT, start_new_session=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _wait_for(port, proxy, log)
        yield Editor(f"http://127.0.0.1:{server.server_port}/admin/", clone, proxy)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
        stop(proxy)
