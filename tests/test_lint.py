"""The code style check runs with the tests, so CI enforces it too."""

import subprocess
import sys

from tests.conftest import PROJECT


def test_ruff_finds_nothing():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "macros", "tests"], cwd=PROJECT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
