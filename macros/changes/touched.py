"""Which records a change touches, so that warnings about the others are counted, not repeated.

A warning (a route not checked for six months, an action with no recent update) is worth
reading once; every later run, whatever it changed, would repeat it. `cspsite validate` and the
pull-request summary show the warnings about records added or changed since the merge base
with the published branch, and count the rest (`cspsite validate --all-warnings` lists them).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from macros.changes.history import RecordChange, compare, git, snapshot_at
from macros.changes.published import published_tip
from macros.data.problems import Problem, Severity


@dataclass(frozen=True)
class Shown:
    """The problems to show, and how many warnings about untouched records were left out."""

    problems: list[Problem]
    hidden_warnings: int


def touched_records(changes: list[RecordChange]) -> set[tuple[str, str]]:
    return {(c.record_type, c.record_id) for c in changes if c.kind != "removed"}


def only_touched(problems: list[Problem], touched: set[tuple[str, str]] | None) -> Shown:
    """Every error; the warnings about touched records (all of them when touched is None)."""
    if touched is None:
        return Shown(problems, 0)
    shown = [p for p in problems if p.severity is not Severity.warning or p.record is None
             or p.record in touched]
    return Shown(shown, len(problems) - len(shown))


def touched_since_published(data_dir: Path) -> set[tuple[str, str]] | None:
    """The records added or changed in the working tree since the merge base with the published
    branch; None outside git, or when there is no published branch to compare with."""
    data_dir = Path(data_dir).resolve()
    try:
        repo = Path(git(data_dir, "rev-parse", "--show-toplevel").decode().strip())
        base = published_tip(repo)
        if base == "HEAD":
            return None
        data = data_dir.relative_to(repo.resolve()).as_posix()
        return touched_records(compare(snapshot_at(repo, base, data), snapshot_at(repo, None, data)))
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError, ValueError):
        return None
