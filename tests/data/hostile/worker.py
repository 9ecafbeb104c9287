"""Run hostile cases one after another in this process: build each in a folder, run
`cspsite validate` on it (the CLI's main(), in this process: no interpreter start per case),
and print one JSON line per case with its output, exit code and CPU time.

    python -m tests.data.hostile.worker WORKDIR NAME...

Before each case it prints `start NAME`, so the parent knows which case was running if this
process hangs or dies (the parent kills it and starts a new one for the cases after). Its address
space is limited as `ulimit -v 4000000` does, so a case that would need more memory fails here.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import shutil
import sys
import time
import traceback
from pathlib import Path

MEMORY_BYTES = 4_000_000 * 1024  # ulimit -v 4000000
TODAY = "2023-08-01"  # the fixture has no warning on this day


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_case(case, workdir: Path) -> dict:
    from macros.cli import main

    root = workdir / case.name
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    case.build(root)
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(root)
    start = _cpu()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["validate", "--data", "data", "--today", TODAY])
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
            except BaseException:  # noqa: BLE001 - a crash is what this looks for
                traceback.print_exc()
                code = 99
    finally:
        cpu = _cpu() - start
        os.chdir(here)
        shutil.rmtree(root, ignore_errors=True)
    return {"name": case.name, "exit_code": code, "stdout": out.getvalue(), "stderr": err.getvalue(),
            "cpu_seconds": cpu, "root": str(root)}


def main(argv: list[str]) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    from tests.data.hostile import CASES

    workdir, names = Path(argv[0]), set(argv[1:])
    import macros.cli  # noqa: F401 - imported once, before the first case is timed

    for case in CASES:
        if case.name not in names:
            continue
        print(f"start {case.name}", flush=True)
        began = time.monotonic()
        result = run_case(case, workdir)
        result["seconds"] = time.monotonic() - began
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
