"""Tests stop every process they start, children included (tests/processes.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.processes import started

# A parent that starts a child which ignores SIGTERM, prints its pid and sleeps, as `cspsite
# serve` starts `mkdocs serve`.
CHILD = ("import signal, time, os; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
         "print(os.getpid(), flush=True); time.sleep(600)")
GRANDPARENT = f"""
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", {CHILD!r}], stdout=sys.stdout)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is dead, only not yet reaped
        return stat.read().split()[2] != "Z"


def test_a_started_process_is_stopped_with_its_children():
    with started([sys.executable, "-c", GRANDPARENT], stdout=subprocess.PIPE, text=True) as parent:
        child = int(parent.stdout.readline())
        assert _alive(child)
    deadline = time.monotonic() + 15
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(child), "the child outlived the test"
