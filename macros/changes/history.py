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

from macros.changes.fields import leaves
from macros.data.load import load_folder
from macros.data.upgrade import upgraded
from macros.model import RECORD_TYPES

TYPE_ORDER = list(RECORD_TYPES)


@dataclass(frozen=True)
class FieldChange:
    field: str  # where it is written: 'channels[2].hours'
    before: str | None  # as written
    after: str | None
    name: str = ""  # as staff see it: 'Hours of the 2nd channel'
    before_shown: str | None = None  # as readers see it: '£8,700', 'April 2023', a record's name
    after_shown: str | None = None
    short: str = ""  # the field alone, for a sentence: 'hours'
    item: tuple[str, str, str] | None = None  # in a list item added or removed: (kind, path, noun)

    @property
    def label(self) -> str:
        return self.name or self.field


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
    """(type, id) -> (fields, name, path, leaves) for every record (leaves: each field's names and
    value as shown, fields.Leaf), and the files that could not be read (as 'data/...'): their
    records are unknown, not removed."""

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
    records = [(raw, plain(raw.data)) for raw in upgraded(loaded.records)]
    records = [(raw, data) for raw, data in records if isinstance(data.get("id"), str)]
    named = {(raw.record_type, data["id"]): RECORD_TYPES[raw.record_type].label(data)
             for raw, data in records}
    for raw, data in records:
        model = RECORD_TYPES[raw.record_type].model
        found[(raw.record_type, data["id"])] = (
            flatten(data), named[(raw.record_type, data["id"])], _shown(raw.path, data_dir, shown_as),
            leaves(model, data, names=lambda t, i: named.get((t, i))))
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


def _field_change(field: str, before: tuple, after: tuple) -> FieldChange:
    """One field's change, with its names and values as shown when the snapshots carry them."""
    old = before[3].get(field) if len(before) > 3 else None
    new = after[3].get(field) if len(after) > 3 else None
    named = new or old
    item = None
    if new is not None and old is None:
        item = _whole_item("added", new.items, before[0])
    elif old is not None and new is None:
        item = _whole_item("removed", old.items, after[0])
    return FieldChange(field, before[0].get(field), after[0].get(field),
                       named.name if named else "", old.shown if old else None,
                       new.shown if new else None, named.short if named else "", item)


def _whole_item(kind: str, items: tuple, other: dict) -> tuple[str, str, str] | None:
    """The outermost list item holding a field that the other side has nothing of: an item
    added (or removed) whole, such as a new point of a statistic."""
    for path, noun in items:
        if not any(key.startswith((path + ".", path + "[")) or key == path for key in other):
            return (kind, path, noun)
    return None


def compare(before: Snapshot, after: Snapshot) -> list[RecordChange]:
    """The records added, removed and changed; none from a file either side could not read."""
    changes = []
    unknown_after = getattr(after, "unreadable", frozenset())
    unknown_before = getattr(before, "unreadable", frozenset())
    for key in sorted(before.keys() | after.keys(), key=lambda k: (TYPE_ORDER.index(k[0]), k[1])):
        record_type, record_id = key
        if key not in before:
            fields, name, path = after[key][:3]
            if path not in unknown_before:
                changes.append(RecordChange("added", record_type, record_id, name, path))
        elif key not in after:
            fields, name, path = before[key][:3]
            if path not in unknown_after:
                changes.append(RecordChange("removed", record_type, record_id, name, path))
        else:
            old, new = before[key][0], after[key][0]
            # A field absent and a field left empty read the same ("(none)"), so neither is a change.
            fields = tuple(_field_change(f, before[key], after[key]) for f in sorted(old.keys() | new.keys())
                           if (old.get(f) or "") != (new.get(f) or ""))
            if fields:
                changes.append(RecordChange("changed", record_type, record_id, after[key][1],
                                            after[key][2], fields))
    return _renamed(changes, before, after)


def _renamed(changes: list[RecordChange], before: Snapshot, after: Snapshot) -> list[RecordChange]:
    """A record given a new id that `replaces:` its old one is one record changed (its id among
    its fields), not one removed and another added."""
    removed = {(c.record_type, c.record_id) for c in changes if c.kind == "removed"}
    pairs: dict[tuple[str, str], tuple[str, str]] = {}  # new key -> old key
    for change in changes:
        if change.kind != "added":
            continue
        key = (change.record_type, change.record_id)
        for old_id in (after[key][0].get("replaces") or "").split(", "):
            old = (change.record_type, old_id.strip())
            if old in removed and old not in pairs.values():
                pairs[key] = old
                break
    if not pairs:
        return changes
    out = []
    for change in changes:
        key = (change.record_type, change.record_id)
        if key in pairs.values():
            continue
        if key in pairs:
            old, new = before[pairs[key]], after[key]
            fields = tuple(_field_change(f, old, new) for f in sorted(old[0].keys() | new[0].keys())
                           if old[0].get(f) != new[0].get(f))
            change = RecordChange("changed", change.record_type, change.record_id, new[1], new[2], fields)
        out.append(change)
    return out


def diff(repo: Path, base: str | None, head: str | None, data: str = "data") -> list[RecordChange]:
    return compare(snapshot_at(repo, base, data), snapshot_at(repo, head, data))
