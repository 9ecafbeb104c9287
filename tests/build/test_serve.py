"""`cspsite serve` is a live preview: saving a data file rebuilds the page staff are looking at; a
data error shows in the browser over the last good build; Ctrl-C stops it quietly (issue 17)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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


def test_serve_shows_a_data_error_in_the_browser_keeps_the_last_good_build_and_stops_on_ctrl_c(
        tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal" / "data", data)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # In a process group of its own, stopped with its children should the test fail half-way.
    with started([sys.executable, "-m", "macros.cli", "serve", "--data", str(data), "--today",
                  "2023-08-01", "--dev-addr", f"127.0.0.1:{port}"],
                 cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        url = f"http://127.0.0.1:{port}/funding/"
        assert wait_for(url, "County Lines theatre production")
        path = data / "funded-projects" / "test.yml"
        good = path.read_text()
        path.write_text(good.replace("  amount: 8700\n", "  amount: £8,700\n"))
        assert wait_for(url, "The site was not rebuilt: the data has errors"), "no error in the browser"
        page = fetch(url)
        assert "amount: &#x27;£8,700&#x27; is not a plain amount of money; write 8700 [money]" in page
        assert "County Lines theatre production" in page  # the last good build, under the banner
        path.write_text(good.replace("County Lines theatre production", "Theatre on tour"))
        assert wait_for(url, "Theatre on tour"), "the page was not rebuilt after the data was fixed"
        assert "the data has errors" not in fetch(url)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
        assert process.returncode == 0, err
        assert "Traceback" not in err + out and "Stopped." in out
        time.sleep(1)
        with pytest.raises(ProcessLookupError):  # nothing of its process group is left running
            os.killpg(process.pid, 0)
