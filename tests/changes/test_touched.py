"""Warnings about records a change did not touch are counted, not repeated, and a file that
cannot be read is not taken for the removal of its records (issue 17)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.data_repo import edit, git, make_data_repo

LATER = "2025-01-01"  # every route is stale by then: one warning per route


@pytest.fixture
def repo(tmp_path) -> Path:
    (tmp_path / "repo").mkdir()
    repo = make_data_repo(tmp_path / "repo")
    git(repo, "checkout", "-q", "-b", "my-change")
    return repo


def cspsite(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", *args, "--data", str(repo / "data")],
                          cwd=PROJECT, capture_output=True, text=True)


def test_validate_shows_warnings_only_about_the_records_the_change_touched(repo):
    edit(repo / "data/routes.yml", "  name: Police emergency", "  name: Police emergency (999)")
    run = cspsite(repo, "validate", "--today", LATER)
    warned = [line for line in run.stdout.splitlines() if "[route-not-verified]" in line]
    assert len(warned) == 1 and "routes.yml:" in warned[0]  # the emergency route, edited
    assert "2 warnings about records this change did not touch not shown" in run.stdout
    every = cspsite(repo, "validate", "--today", LATER, "--all-warnings")
    assert sum("[route-not-verified]" in line for line in every.stdout.splitlines()) == 3
    assert "not shown" not in every.stdout


def test_outside_git_every_warning_is_shown(tmp_path):
    import shutil

    from tests.conftest import FIXTURES

    shutil.copytree(FIXTURES / "minimal" / "data", tmp_path / "data")
    run = cspsite(tmp_path, "validate", "--today", LATER)
    assert sum("[route-not-verified]" in line for line in run.stdout.splitlines()) == 2
    assert "not shown" not in run.stdout


def test_the_pull_request_summary_counts_the_warnings_it_does_not_repeat(repo):
    edit(repo / "data/routes.yml", "  name: Police emergency", "  name: Police emergency (999)")
    git(repo, "commit", "-q", "-am", "Rename")
    run = cspsite(repo, "diff", "main", "HEAD", "--markdown", "--checks", "--today", LATER)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("[route-not-verified]") == 1
    assert "And 2 warnings about records this change did not touch" in run.stdout


def test_a_file_that_cannot_be_read_is_not_a_removal_of_its_records(repo):
    edit(repo / "data/sources.yml", "  publisher: test-council", "\tpublisher: test-council")
    run = cspsite(repo, "diff", "main", "--markdown", "--checks", "--today", "2023-08-01")
    assert "Removed" not in run.stdout and "No records changed" in run.stdout
    assert "data/sources.yml could not be read" in run.stdout
    assert "sources.yml:3" in run.stdout and "[tab]" in run.stdout
    assert "unresolved-reference" not in run.stdout
