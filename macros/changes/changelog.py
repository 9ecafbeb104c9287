"""The public record of change: every commit that changed published data, field by field.

Built from the git history of the data folder with history.py. Only records that were public at
both ends count: a draft that is published shows as added, a record taken down as removed, and
nothing about a draft or embargoed record ever appears. Without history (a download of the files,
or a shallow clone) there is no changelog, and the site says so instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from macros.changes.history import RecordChange, Snapshot, compare, git, snapshot_at
from macros.model import INTERNAL_FIELDS

RECORDS_LISTED = 20  # an import of thousands of records is counted, not listed record by record


@dataclass(frozen=True)
class Entry:
    """One commit that changed published records."""

    commit: str
    date: dt.datetime
    message: str
    changes: tuple[RecordChange, ...]

    @property
    def short(self) -> str:
        return self.commit[:7]

    @property
    def listed(self) -> tuple[RecordChange, ...]:
        return self.changes[:RECORDS_LISTED]

    @property
    def unlisted(self) -> dict[str, int]:
        """How many records past the first RECORDS_LISTED were added, changed or removed."""
        counts: dict[str, int] = {}
        for change in self.changes[RECORDS_LISTED:]:
            counts[change.kind] = counts.get(change.kind, 0) + 1
        return counts


@dataclass(frozen=True)
class Changelog:
    entries: tuple[Entry, ...]  # newest first
    unavailable: str | None = None  # why there is no changelog, in words for the page

    def last_changed(self) -> dict[tuple[str, str], Entry]:
        """The latest change that added or changed each record."""
        found: dict[tuple[str, str], Entry] = {}
        for entry in self.entries:
            for change in entry.changes:
                if change.kind != "removed":
                    found.setdefault((change.record_type, change.record_id), entry)
        return found


def unavailable(reason: str) -> Changelog:
    return Changelog((), reason)


def _is_public(fields: dict[str, str], today: dt.date) -> bool:
    if fields.get("visibility", "public") != "public":
        return False
    embargo = fields.get("embargo_until")
    return not embargo or dt.date.fromisoformat(str(embargo)[:10]) <= today


def public_only(snap: Snapshot, today: dt.date) -> Snapshot:
    """The records a visitor could see, without the fields that only say who may see them."""
    return {key: ({f: v for f, v in fields.items() if f not in INTERNAL_FIELDS}, name, path)
            for key, (fields, name, path) in snap.items() if _is_public(fields, today)}


def _repository(data_dir: Path) -> tuple[Path, str] | None:
    """The repository holding data_dir and the folder's path inside it, or None."""
    try:
        top = git(data_dir, "rev-parse", "--show-toplevel").decode().strip()
        prefix = git(data_dir, "rev-parse", "--show-prefix").decode().strip().rstrip("/")
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError):
        return None
    return Path(top), prefix


def build_changelog(data_dir: Path, today: dt.date) -> Changelog:
    found = _repository(Path(data_dir))
    if found is None:
        return unavailable("this copy of the site was built from files without their git history")
    repo, data = found
    if git(repo, "rev-parse", "--is-shallow-repository").decode().strip() == "true":
        return unavailable("this copy was built from a shallow clone, which holds only recent history")
    log = git(repo, "log", "--format=%H%x1f%P%x1f%cI%x1f%s", "--", data).decode()
    commits = [line.split("\x1f") for line in log.splitlines() if line]
    if not commits:
        return unavailable("the data folder has no committed history yet")
    snapshots: dict[str, Snapshot] = {}

    def at(revision: str | None) -> Snapshot:
        """The public records at a revision, read once per version of the data folder."""
        if revision is None:
            return {}
        has_data = _has(repo, revision, data)
        tree = git(repo, "rev-parse", f"{revision}:{data}").decode().strip() if has_data else ""
        if tree not in snapshots:
            snapshots[tree] = public_only(snapshot_at(repo, revision, data), today) if tree else {}
        return snapshots[tree]

    entries = []
    for sha, parents, date, subject in commits:
        first_parent = parents.split()[0] if parents else None
        changes = compare(at(first_parent), at(sha))
        if changes:  # a commit that touched only drafts or comments says nothing in public
            entries.append(Entry(sha, dt.datetime.fromisoformat(date), subject, tuple(changes)))
    return Changelog(tuple(entries))


def _has(repo: Path, revision: str, data: str) -> bool:
    return bool(git(repo, "ls-tree", "-d", "--name-only", revision, "--", data).strip())
