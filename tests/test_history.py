"""Change summaries from git: a fixture repository with three data commits, known edits in each."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.history import diff

from .conftest import FIXTURES, PROJECT

GOLDEN = Path(__file__).parent / "golden" / "history"
GIT_ENV = {"GIT_AUTHOR_NAME": "Data Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Data Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str, date: str = "2023-08-01T10:00:00+01:00") -> str:
    env = dict(os.environ, **GIT_ENV, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Commit 1: the minimal data. 2: an amount and a status change. 3: a campaign removed, a route
    added, a topic added to a list."""
    repo = tmp_path_factory.mktemp("repo")
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "minimal" / "data", repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "Add the test partnership's data", date="2023-07-01T09:00:00+01:00")

    edit(repo / "data/funded-projects/test.yml", "  amount: 8700\n", "  amount: 9200\n")
    edit(repo / "data/actions/test.yml", "  status: in progress\n", "  status: completed\n")
    git(repo, "commit", "-q", "-am", "Theatre grant raised to £9,200; training completed",
        date="2023-08-01T10:00:00+01:00")

    campaigns = repo / "data/campaigns.yml"
    campaigns.write_text("[]\n", encoding="utf-8")
    routes = repo / "data/routes.yml"
    edit(routes, "  topics: [domestic-abuse, hate-crime]\n",
         "  topics: [domestic-abuse, hate-crime, fraud]\n")
    routes.write_text(routes.read_text(encoding="utf-8") + """
- id: test-fraud-line
  name: Testshire Fraud Line
  provider: test-council
  summary: Report a scam.
  topics: [fraud]
  urgency: non-emergency
  anonymity: not stated
  channels:
    - kind: phone
      number: 0300 123 2040
  area: test-csp
  what_happens_next: Your report is passed on.
  verified_on: 2023-09-01
  sources: [{document: test-report, section: "2.5"}]
""", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Remove the awareness week; add the fraud line",
        date="2023-09-01T11:00:00+01:00")
    return repo


def cspsite(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", "diff", *args, "--data", str(repo / "data")],
                          cwd=PROJECT, capture_output=True, text=True)


def test_diff_names_each_field_change_with_before_and_after(repo):
    [action, project] = sorted(diff(repo, "HEAD~2", "HEAD~1"), key=lambda c: c.record_type)
    assert (action.kind, action.record_id) == ("changed", "test-action-training")
    assert [(f.field, f.before, f.after) for f in action.fields] == [("status", "in progress", "completed")]
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
    assert run.returncode == 0, run.stderr
    assert "## Checks" in run.stdout and "Warnings (please check)" in run.stdout
    assert "[route-not-verified]" in run.stdout
