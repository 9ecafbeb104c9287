"""The hostile corpus (tests/data/hostile/): every case refused with its file, line and a fix in
plain English, or accepted where that is right; never a traceback, never a hang.

All cases run in one worker process (tests/data/hostile/worker.py) under `ulimit -v 4000000`,
one after another, each timed: a case may use at most MAX_CPU_SECONDS of CPU (the issue allows
10 s of wall time with interpreter start-up; in-process a case takes about 0.1 s), and the whole
corpus at most TOTAL_SECONDS. A case that hangs is killed after CASE_TIMEOUT seconds (with the
worker's process group) and fails; the worker is started again for the cases after it.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.data.hostile import CASES
from tests.data.hostile.judge import Run, judge
from tests.processes import started

MAX_CPU_SECONDS = 3.0
CASE_TIMEOUT = 20.0
TOTAL_SECONDS = 300.0


def _run_all(workdir: Path) -> dict[str, Run]:
    results: dict[str, Run] = {}
    remaining = [case.name for case in CASES]
    deadline = time.monotonic() + TOTAL_SECONDS
    while remaining and time.monotonic() < deadline:
        running = None
        command = [sys.executable, "-m", "tests.data.hostile.worker", str(workdir), *remaining]
        with started(command, cwd=PROJECT, stdout=subprocess.PIPE, text=True) as worker:
            case_started = time.monotonic()
            while True:
                ready, _, _ = select.select([worker.stdout], [], [], 1.0)
                if running and time.monotonic() - case_started > CASE_TIMEOUT:
                    break
                if time.monotonic() > deadline:
                    break
                if not ready:
                    continue
                line = worker.stdout.readline()
                if not line:
                    break  # the worker ended (or died)
                if line.startswith("start "):
                    running, case_started = line.split(" ", 1)[1].strip(), time.monotonic()
                    continue
                found = json.loads(line)
                results[found["name"]] = Run(found["exit_code"], found["stdout"], found["stderr"],
                                             found["cpu_seconds"], Path(found["root"]))
                remaining.remove(found["name"])
                running = None
        if running:  # it hung, or the worker died in it
            why = f"killed after {time.monotonic() - case_started:.0f} s"
            results[running] = Run(None, "", why, CASE_TIMEOUT, workdir)
            remaining.remove(running)
    for name in remaining:
        results[name] = Run(None, "", "the corpus ran out of time first", 0.0, workdir)
    return results


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    return _run_all(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_case(case, runs):
    reasons = judge(case, runs[case.name], MAX_CPU_SECONDS)
    assert not reasons, f"{case.description}\n" + "\n".join(reasons)


def test_the_corpus_is_fast(runs):
    slowest = max(runs.items(), key=lambda item: item[1].cpu_seconds)
    total = sum(run.cpu_seconds for run in runs.values())
    assert total < TOTAL_SECONDS / 2, f"{total:.1f} s CPU in all; slowest {slowest[0]}"
