"""The benchmark runs end to end at a tiny size and reports every figure (timings are not judged)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import PROJECT

BENCH = PROJECT / "bench"
sys.path.insert(0, str(BENCH))

from report import COLUMNS, TARGETS  # noqa: E402


def test_a_tiny_benchmark_writes_every_figure_as_json_and_markdown(tmp_path: Path):
    command = [sys.executable, str(BENCH / "benchmark.py"), "--sizes", "1", "--years", "1", "--no-browser",
               "--out", str(tmp_path)]
    run = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    results = json.loads((tmp_path / "results.json").read_text())
    assert set(results["targets"]) == set(TARGETS)
    [measured] = results["runs"]
    assert measured["partnerships"] == 1 and measured["years"] == 1 and measured["built"]
    assert measured["build"]["seconds"] > 0 and measured["build"]["peak_rss_bytes"] > 10 * 1024**2
    assert measured["html_pages"] > 100 and measured["total_bytes"] > measured["largest_page"]["bytes"] > 0
    assert measured["largest_page"]["path"].endswith(".html")
    assert measured["stock"]["html_pages"] == measured["html_pages"]
    assert measured["time_per_page_ratio"] > 0
    assert measured["search"] is None  # --no-browser

    table = (tmp_path / "RESULTS.md").read_text()
    header = next(line for line in table.splitlines() if line.startswith("| Partnerships"))
    assert [cell.strip() for cell in header.strip("|").split("|")] == COLUMNS
    row = next(line for line in table.splitlines() if line.startswith("| 1 x 1 |"))
    assert len(row.strip("|").split("|")) == len(COLUMNS)
    assert "not measured" in row and "`" in row  # the search column says why it is empty; the page is named
    assert all(target["about"] in table for target in TARGETS.values())
