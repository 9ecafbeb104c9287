"""The benchmark runs end to end at a tiny size and reports every figure (timings are not judged)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT

BENCH = PROJECT / "bench"
sys.path.insert(0, str(BENCH))

from report import COLUMNS, TARGETS  # noqa: E402


def test_a_tiny_benchmark_writes_every_figure_as_json_and_markdown(tmp_path: Path):
    command = [sys.executable, str(BENCH / "benchmark.py"), "--sizes", "1", "--years", "1", "--no-browser",
               "--no-hugo", "--out", str(tmp_path)]
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
    # The charts' cost: a cold build (empty chart cache), a warm one, and altair's and pandas' share.
    assert measured["warm_build"]["returncode"] == 0 and measured["warm_build"]["time_per_page_ratio"] > 0
    assert measured["chart_cost"]["charts"] > 0 and measured["chart_cost"]["import_seconds"] > 0

    # A rebuild after a one-record edit renders only some pages; Zensical builds the same data.
    edited = measured["edited_rebuild"]
    assert edited["returncode"] == 0 and 0 < edited["pages_rendered"] < edited["pages_from_cache"]
    assert measured["zensical"]["returncode"] == 0
    assert measured["zensical"]["html_pages"] == measured["html_pages"]

    table = (tmp_path / "RESULTS.md").read_text()
    assert "## Engines, rebuilds and shards" in table and "warm rebuild after a one-record edit" in table
    header = next(line for line in table.splitlines() if line.startswith("| Partnerships"))
    assert [cell.strip() for cell in header.strip("|").split("|")] == COLUMNS
    row = next(line for line in table.splitlines() if line.startswith("| 1 x 1 |"))
    assert len(row.strip("|").split("|")) == len(COLUMNS)
    assert "not measured" in row and "`" in row  # the search column says why it is empty; the page is named
    assert all(target["about"] in table for target in TARGETS.values())
    costs = table.split("## What altair and pandas cost")
    assert len(costs) == 2 and "| 1 x 1 |" in costs[1]


def test_a_failed_build_is_recorded_as_failed_with_its_log_and_is_not_measured(tmp_path: Path):
    from measure import site_stats
    from report import markdown

    failed = {"seconds": 41.0, "returncode": 1, "timed_out": False, "peak_rss_bytes": 300 * 1024**2,
              "log_tail": "ERROR - Error reading page 'campaigns.md': something broke"}
    run = {"partnerships": 300, "years": 5, "seed": 1, "records": 100_000, "commit": "abc1234",
           "build": failed, "built": False, "measured": False, "search": None, "stock": None,
           "seconds_per_page": None, **site_stats(tmp_path / "missing")}
    machine = {"cpus": 2, "memory_bytes": 2**30, "python": "3.11", "load_average_at_start": [0.0]}
    results = {"started": "2026-01-01T00:00:00+00:00", "commit": "abc1234", "targets": TARGETS, "runs": [run],
               "machine": machine}
    table = markdown(results)
    row = next(line for line in table.splitlines() if line.startswith("| 300 x 5 |"))
    assert "failed after 41 s (exit 1)" in row and "patched" not in table
    assert "missed (failed after 41 s (exit 1))" in table  # the 300 x 5 build-time target
    assert "something broke" in table
