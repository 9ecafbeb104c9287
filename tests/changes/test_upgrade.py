"""Past states read with today's loader: a format change migrated on read keeps the history.

The history reader calls macros.data.upgrade.upgrade on every record of every past state. Here
an invented format change stands in for a real one: amounts used to be written `grant:`, and
today's model says `amount:`. Without a migration the old states do not validate and their
history is lost; with one written in the hook, it reads as before.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from macros.changes.changelog import build_changelog
from macros.data import upgrade as hook
from macros.data.yaml_reader import LineMap
from tests.conftest import FIXTURES
from tests.data_repo import edit, git


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def make_old_format_repo(repo: Path) -> Path:
    """1 and 2 in the old format (`grant:`); 3 moves to today's (`amount:`)."""
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "minimal" / "data", repo / "data")
    projects = repo / "data/funded-projects/test.yml"
    _replace(projects, "  amount:", "  grant:")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "Start", date="2023-07-01T09:00:00+01:00")
    edit(projects, "  grant: 8700\n", "  grant: 9200\n")
    git(repo, "commit", "-q", "-am", "Raise", date="2023-08-01T09:00:00+01:00")
    _replace(projects, "  grant:", "  amount:")
    git(repo, "commit", "-q", "-am", "Today's format", date="2023-09-01T09:00:00+01:00")
    return repo


def _grant_to_amount(raw, record_type):
    if record_type != "funded-projects" or "grant" not in raw:
        return raw
    moved = LineMap((("amount" if k == "grant" else k), v) for k, v in raw.items())
    moved.key_lines = {("amount" if k == "grant" else k): n for k, n in raw.key_lines.items()}
    moved.block_fields = getattr(raw, "block_fields", {})
    return moved


@pytest.fixture
def repo(tmp_path) -> Path:
    return make_old_format_repo(tmp_path / "repo")


def test_the_hook_is_the_identity_while_no_format_has_changed():
    raw = LineMap({"id": "x"})
    assert hook.upgrade(raw, "routes") is raw


def test_without_a_migration_an_old_format_state_is_not_read(repo):
    entries = build_changelog(repo / "data", dt.date(2023, 10, 1)).entries
    assert len(entries) == 1  # only today's format validates: the earlier history is gone


def test_a_migration_in_the_hook_keeps_the_history_of_an_old_format_readable(repo, monkeypatch):
    monkeypatch.setattr(hook, "upgrade", _grant_to_amount)
    entries = build_changelog(repo / "data", dt.date(2023, 10, 1)).entries
    assert [e.title for e in entries] == ["Changed the amount of County Lines theatre production",
                                          "Added 17 records"]  # the format change itself changes nothing
    [field] = entries[0].changes[0].fields
    assert (field.label, field.before_shown, field.after_shown) == ("Amount", "£8,700", "£9,200")
