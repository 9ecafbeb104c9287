"""Processes a test starts, and stops with every child they started.

Each runs in a new process group (session); stopping it signals the whole group, so a child such
as `mkdocs serve` under `cspsite serve` cannot outlive the test. tests/test_processes.py checks it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator


def stop_group(process: subprocess.Popen, grace: float = 10) -> None:
    """SIGTERM to the process's group, then SIGKILL to what is left of it after `grace` seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
        # the leader is gone; its children may not be: they keep the group alive
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        grace = 2
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=grace)


@contextlib.contextmanager
def started(command: list[str], **options) -> Iterator[subprocess.Popen]:
    """Popen(command) in a group of its own, stopped with its children when the block ends."""
    process = subprocess.Popen(command, start_new_session=True, **options)
    try:
        yield process
    finally:
        stop_group(process)
