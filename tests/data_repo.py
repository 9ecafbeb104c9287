"""A fixture git repository of data: three commits with known edits, shared by the diff and
changelog tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import FIXTURES

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


def make_data_repo(repo: Path) -> Path:
    """Commit 1: the minimal data. 2: an amount and a status change. 3: a campaign removed, a route
    added, a topic added to a list. Commits 2 and 3 carry a Public-summary trailer; 3's message
    also says what must never be published."""
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "minimal" / "data", repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "Add the test partnership's data", date="2023-07-01T09:00:00+01:00")

    edit(repo / "data/funded-projects/test.yml", "  amount: 8700\n", "  amount: 9200\n")
    edit(repo / "data/actions/test.yml", "  status: in progress\n", "  status: complete\n")
    git(repo, "commit", "-q", "-am", "Theatre grant raised to £9,200; training completed",
        "-m", "Public-summary: Theatre grant raised to £9,200; training completed",
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
        "-m", "Asked for by J. Bloggs on 0777 123 456.",
        "-m", "Public-summary: Awareness week removed; fraud line added",
        date="2023-09-01T11:00:00+01:00")
    return repo
