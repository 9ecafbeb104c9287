"""Change summaries from git: a fixture repository with three data commits, known edits in each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.changes.history import diff
from tests.conftest import GOLDEN_DIR, PROJECT
from tests.data_repo import edit, git, make_data_repo

GOLDEN = GOLDEN_DIR / "history"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return make_data_repo(tmp_path_factory.mktemp("repo"))


def cspsite(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", "diff", *args, "--data", str(repo / "data")],
                          cwd=PROJECT, capture_output=True, text=True)


def test_diff_names_each_field_change_with_before_and_after(repo):
    [action, project] = sorted(diff(repo, "HEAD~2", "HEAD~1"), key=lambda c: c.record_type)
    assert (action.kind, action.record_id) == ("changed", "test-action-training")
    assert [(f.field, f.before, f.after) for f in action.fields] == [("status", "in progress", "complete")]
    assert [(f.field, f.before, f.after) for f in project.fields] == [("amount", "8700", "9200")]


def test_diff_reports_removed_and_added_records_and_list_changes(repo):
    changes = {(c.kind, c.record_id): c for c in diff(repo, "HEAD~1", "HEAD")}
    assert set(changes) == {("removed", "test-awareness-week"), ("removed", "test-draft-campaign"),
                            ("added", "test-fraud-line"), ("changed", "test-emergency")}
    [topics] = changes["changed", "test-emergency"].fields
    assert (topics.field, topics.before, topics.after) == (
        "topics", "domestic-abuse, hate-crime", "domestic-abuse, hate-crime, fraud")


def test_a_revision_without_data_is_empty_so_everything_is_added(repo):
    empty = git(repo, "hash-object", "-t", "tree", "/dev/null").strip()
    assert {c.kind for c in diff(repo, empty, "HEAD~2")} == {"added"}


@pytest.mark.parametrize("markdown", [False, True], ids=["text", "markdown"])
def test_cspsite_diff_prints_the_expected_summary(repo, golden, markdown):
    run = cspsite(repo, "HEAD~2", "HEAD", *(["--markdown"] if markdown else []))
    assert run.returncode == 0, run.stderr
    golden(GOLDEN / f"diff-three-commits.{'md' if markdown else 'txt'}", run.stdout)


def test_cspsite_diff_without_revisions_shows_uncommitted_edits(repo):
    edit(repo / "data/funded-projects/test.yml", "  amount: 9200\n", "  amount: 9300\n")
    try:
        run = cspsite(repo)
        assert "amount: '9200' -> '9300'" in run.stdout and "the working tree" in run.stdout
    finally:
        git(repo, "checkout", "--", "data")
    assert "No records changed" in cspsite(repo).stdout


def test_cspsite_diff_explains_an_unknown_revision(repo):
    run = cspsite(repo, "no-such-branch")
    assert run.returncode == 1 and "git could not read that" in run.stderr
    assert "Traceback" not in run.stderr


def test_the_pull_request_summary_lists_problems_and_stale_content(repo):
    run = subprocess.run([sys.executable, "-m", "macros.cli", "diff", "HEAD~1", "HEAD", "--markdown",
                          "--checks", "--data", str(repo / "data"), "--today", "2024-08-01"],
                         cwd=PROJECT, capture_output=True, text=True)
    # The awareness week was published and is gone: the check fails (tests/changes/test_permanent_ids.py)
    assert run.returncode == 1, run.stderr
    assert "## Checks" in run.stdout and "Warnings (please check)" in run.stdout
    assert "[route-not-verified]" in run.stdout
    assert "the published campaign id 'test-awareness-week' is gone" in run.stdout
