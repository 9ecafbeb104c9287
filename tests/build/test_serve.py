"""`cspsite serve` is a live preview: saving a data file rebuilds the page staff are looking at."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import FIXTURES, PROJECT
from tests.processes import started


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 45) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_data_file_changes(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal" / "data", data)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # In a process group of its own, stopped with its mkdocs child (which outlived the test before).
    with started([sys.executable, "-m", "macros.cli", "serve", "--data", str(data), "--today",
                  "2023-08-01", "--dev-addr", f"127.0.0.1:{port}"],
                 cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        url = f"http://127.0.0.1:{port}/funding/"
        assert wait_for(url, "County Lines theatre production")
        path = data / "funded-projects" / "test.yml"
        path.write_text(path.read_text().replace("County Lines theatre production", "Theatre on tour"))
        assert wait_for(url, "Theatre on tour"), "the page was not rebuilt after the data changed"
