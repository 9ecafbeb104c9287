"""What was published, and when: the states of data/ along the first-parent history of the
published branch, each read and checked with today's loader and rules (so a format that has
since changed is read in today's shape, as upgrades of the loader read it), and its records as
the public saw them on that day.

Only a state that passes today's validation counts: the publishing workflow validates before it
builds, so a state that fails was never the site. The inner commits of a merged branch are not
on the first-parent line, so a value that only ever lived in a branch (a draft made public in a
commit that could not have built, a personal e-mail the validator refused) is never read.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from macros.changes.fields import leaves
from macros.changes.history import Snapshot, flatten, git, plain
from macros.data.validate import validate
from macros.model import INTERNAL_FIELDS, RECORD_TYPES

PUBLISHED_BRANCH_ENV = "CSPSITE_PUBLISHED_BRANCH"
DEFAULT_BRANCH = "main"  # the branch the publishing workflow builds (.github/workflows/publish.yml)


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.datetime
    message: str  # the whole message; only its Public-summary trailer may be published


@dataclass(frozen=True)
class State:
    """The public records at one commit, or None when that state does not validate."""

    commit: Commit
    records: Snapshot | None


def published_tip(repo: Path) -> str:
    """The newest published commit this checkout knows: where HEAD meets the published branch
    (HEAD itself on that branch; the fork point on a pull request's branch), else HEAD."""
    branch = os.environ.get(PUBLISHED_BRANCH_ENV, DEFAULT_BRANCH)
    for ref in (f"refs/heads/{branch}", f"refs/remotes/origin/{branch}"):
        try:
            git(repo, "rev-parse", "--verify", "--quiet", ref)
            return git(repo, "merge-base", "HEAD", ref).decode().strip()
        except subprocess.CalledProcessError:
            continue
    return "HEAD"


def first_parent_commits(repo: Path, data: str, tip: str) -> list[Commit]:
    """The commits on the first-parent line to `tip` that changed `data`, oldest first."""
    log = git(repo, "log", "--first-parent", "--format=%H%x1f%cI%x1f%B%x1e", tip, "--", data).decode()
    commits = []
    for record in log.split("\x1e"):
        if record.strip():
            sha, date, message = record.strip("\n").split("\x1f", 2)
            commits.append(Commit(sha, dt.datetime.fromisoformat(date), message.strip()))
    return commits[::-1]


def public_records(data_dir: Path, day: dt.date, shown_as: str = "data") -> Snapshot | None:
    """The records the public could see on `day`, flattened field by field (without the fields
    that only say who may see them), each field named as staff see it and shown as readers see
    it then (a reference by the name it had that day); None when the data does not validate.
    It is read as a past state: upgraded to today's format first (data/upgrade.py)."""
    result = validate(data_dir, day, past=True)
    if not result.ok:
        return None
    found: Snapshot = {}
    dataset = result.dataset
    names = {(t, r.id): RECORD_TYPES[t].label(r) for t in RECORD_TYPES for r in dataset.all(t)}
    for record_type, info in RECORD_TYPES.items():
        for record in dataset.all(record_type):
            data = plain(record.model_dump(mode="json", exclude=set(INTERNAL_FIELDS)))
            path, _ = dataset.positions[(record_type, record.id)]
            try:
                shown = f"{shown_as}/{Path(path).resolve().relative_to(data_dir.resolve()).as_posix()}"
            except ValueError:
                shown = path
            found[(record_type, record.id)] = (
                flatten(data), names[(record_type, record.id)], shown,
                leaves(info.model, data, record, lambda t, i: names.get((t, i))))
    return found


def state_at(repo: Path, commit: Commit, data: str) -> State:
    archive = git(repo, "archive", "--format=tar", commit.sha, "--", data)
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        return State(commit, public_records(Path(tmp) / data, commit.date.date(), data))


def published_states(repo: Path, data: str) -> list[State]:
    """Every state of `data` on the published branch's first-parent line, oldest first; a state
    whose tree was seen before is read once."""
    states, seen = [], {}
    for commit in first_parent_commits(repo, data, published_tip(repo)):
        try:
            tree = git(repo, "rev-parse", f"{commit.sha}:{data}").decode().strip()
        except subprocess.CalledProcessError:  # the data folder was deleted in this commit
            states.append(State(commit, {}))
            continue
        key = (tree, commit.date.date())
        if key not in seen:
            seen[key] = state_at(repo, commit, data).records
        states.append(State(commit, seen[key]))
    return states
