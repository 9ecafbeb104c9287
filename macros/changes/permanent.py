"""Permanent ids: an address the site served stays served.

A record's id is its address (/routes/<id>/). Between the published version (the pull request's
base) and the change, every address of a public record, and every old address that redirected
to one, must still be there: as a record's id, or in the `replaces:` of the record it was renamed
to (whose page the old address then redirects to). A record that is no longer wanted is kept and
closed (`closed_on`), never deleted. `cspsite diff BASE HEAD --checks` fails otherwise.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from macros.changes.history import git
from macros.data.load import RawRecord, load_folder
from macros.data.problems import Problem
from macros.model import RECORD_TYPES, record_path
from macros.model.catalogue import Rule


@dataclass(frozen=True)
class Served:
    """(type, id) -> where it is written ('data/...', line), for every address a version serves,
    and the files it could not read (whose records are unknown, not gone)."""

    addresses: dict[tuple[str, str], tuple[str, int]]
    unreadable: frozenset[str]


def _replaced(raw: RawRecord) -> list[str]:
    value = raw.data.get("replaces")
    value = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [v for v in value if isinstance(v, str)]


def is_public(raw: RawRecord, today: dt.date) -> bool:
    embargo = raw.data.get("embargo_until")
    try:
        embargoed = embargo is not None and dt.date.fromisoformat(str(embargo)) > today
    except ValueError:
        embargoed = False
    return raw.data.get("visibility", "public") in (None, "public") and not embargoed


def served(data_dir: Path, today: dt.date, public_only: bool, shown_as: str = "data") -> Served:
    """The addresses of the records (public ones only, if asked) and the old ids they replace."""
    loaded = load_folder(data_dir)

    def shown(path: str) -> str:
        with contextlib.suppress(ValueError):
            return f"{shown_as}/{Path(path).resolve().relative_to(data_dir.resolve()).as_posix()}"
        return path

    found: dict[tuple[str, str], tuple[str, int]] = {}
    for raw in loaded.records:
        record_id = raw.data.get("id")
        if not isinstance(record_id, str) or (public_only and not is_public(raw, today)):
            continue
        found[(raw.record_type, record_id)] = (shown(raw.path), raw.line)
        for index, old in enumerate(_replaced(raw)):
            line = raw.line_of(("replaces", index) if isinstance(raw.data["replaces"], list)
                               else ("replaces",))
            found.setdefault((raw.record_type, old), (shown(raw.path), line))
    unreadable = frozenset(shown(p) for paths in loaded.unreadable.values() for p in paths)
    return Served(found, unreadable)


@contextlib.contextmanager
def data_at(repo: Path, revision: str | None, data: str = "data") -> Iterator[Path | None]:
    """The data folder as it is at a git revision (None: the working tree); None if it has none."""
    if revision is None:
        yield repo / data
        return
    if not git(repo, "ls-tree", "-d", "--name-only", revision, "--", data).strip():
        yield None
        return
    archive = git(repo, "archive", "--format=tar", revision, "--", data)
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp) / data


def broken_addresses(before: Served, after: Served, today: dt.date) -> list[Problem]:
    """An error for each address served before and not after (unless its file cannot be read now)."""
    problems = []
    for (record_type, record_id), (path, line) in sorted(before.addresses.items()):
        if (record_type, record_id) in after.addresses or path in after.unreadable:
            continue
        noun = RECORD_TYPES[record_type].noun.replace("-", " ")
        problems.append(Problem(
            path, line, "id",
            f"the published {noun} id '{record_id}' is gone, so its address "
            f"/{record_path(record_type, record_id)} would stop working. If you renamed it, add "
            f"'replaces: {record_id}' to the renamed record (the old address then redirects to it); "
            f"to take it down, keep the record and set closed_on: {today.isoformat()}; otherwise "
            "put it back",
            Rule.ID_GONE, record=(record_type, record_id)))
    return problems


def check_permanent_ids(repo: Path, base: str, head: str | None, data: str = "data",
                        today: dt.date | None = None) -> list[Problem]:
    """The addresses the base version published that the head version no longer serves."""
    today = today or dt.date.today()
    with data_at(repo, base, data) as folder:
        if folder is None:
            return []
        before = served(folder, today, public_only=True, shown_as=data)
    with data_at(repo, head, data) as folder:
        after = served(folder, today, public_only=False, shown_as=data) if folder else Served({}, frozenset())
    return broken_addresses(before, after, today)
