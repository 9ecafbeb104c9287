"""What changed in data/ between two versions: records added, removed, and changed field by field.

Each version is read with `git archive`, so no checkout is touched. `cspsite diff` prints it for
staff and for the pull-request summary; the public changelog will be built from it too.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.data.load import load_folder
from macros.model import RECORD_TYPES

TYPE_ORDER = list(RECORD_TYPES)


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class RecordChange:
    kind: str  # "added", "removed" or "changed"
    record_type: str
    record_id: str
    name: str
    path: str
    fields: tuple[FieldChange, ...] = ()


def plain(value: Any) -> Any:
    """YAML values as plain Python: dicts, lists and text."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"  # as written in YAML
    return None if value is None else str(value)


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """{'channels[1].number': '101', 'topics': 'fraud, hate-crime'}: one entry per field people edit."""
    if isinstance(value, dict):
        out: dict[str, str] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else key))
        return out
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return {prefix: ", ".join("" if v is None else v for v in value)}
        out = {}
        for index, item in enumerate(value, start=1):
            out.update(flatten(item, f"{prefix}[{index}]"))
        return out
    return {prefix: "" if value is None else value}


class Snapshot(dict):
    """(type, id) -> (fields, name, path) for every record, and the files that could not be read
    (as 'data/...'): their records are unknown, not removed."""

    unreadable: frozenset[str] = frozenset()


def _shown(path: str, data_dir: Path, shown_as: str) -> str:
    try:
        return f"{shown_as}/{Path(path).resolve().relative_to(data_dir.resolve()).as_posix()}"
    except ValueError:
        return path


def snapshot(data_dir: Path, shown_as: str = "data") -> Snapshot:
    """Every record under data_dir, flattened; a file that cannot be read is named in
    `unreadable` (validate says why), so that its records are not taken for removed ones."""
    loaded = load_folder(data_dir)
    found = Snapshot()
    found.unreadable = frozenset(_shown(path, data_dir, shown_as)
                                 for paths in loaded.unreadable.values() for path in paths)
    for raw in loaded.records:
        data = plain(raw.data)
        record_id = data.get("id")
        if not isinstance(record_id, str):
            continue
        name = RECORD_TYPES[raw.record_type].label(data)
        found[(raw.record_type, record_id)] = (flatten(data), name, _shown(raw.path, data_dir, shown_as))
    return found


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def snapshot_at(repo: Path, revision: str | None, data: str = "data") -> Snapshot:
    """The data at a git revision, or in the working tree when revision is None."""
    if revision is None:
        return snapshot(repo / data, data)
    listed = git(repo, "ls-tree", "-d", "--name-only", revision, "--", data).strip()
    if not listed:
        return Snapshot()  # no data/ in that revision yet
    archive = git(repo, "archive", "--format=tar", revision, "--", data)
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        return snapshot(Path(tmp) / data, data)


def compare(before: Snapshot, after: Snapshot) -> list[RecordChange]:
    """The records added, removed and changed; none from a file either side could not read."""
    changes = []
    unknown_after = getattr(after, "unreadable", frozenset())
    unknown_before = getattr(before, "unreadable", frozenset())
    for key in sorted(before.keys() | after.keys(), key=lambda k: (TYPE_ORDER.index(k[0]), k[1])):
        record_type, record_id = key
        if key not in before:
            fields, name, path = after[key]
            if path not in unknown_before:
                changes.append(RecordChange("added", record_type, record_id, name, path))
        elif key not in after:
            fields, name, path = before[key]
            if path not in unknown_after:
                changes.append(RecordChange("removed", record_type, record_id, name, path))
        else:
            old, new = before[key][0], after[key][0]
            fields = tuple(FieldChange(f, old.get(f), new.get(f)) for f in sorted(old.keys() | new.keys())
                           if old.get(f) != new.get(f))
            if fields:
                changes.append(RecordChange("changed", record_type, record_id, after[key][1],
                                            after[key][2], fields))
    return changes


def diff(repo: Path, base: str | None, head: str | None, data: str = "data") -> list[RecordChange]:
    return compare(snapshot_at(repo, base, data), snapshot_at(repo, head, data))
