"""Incremental builds: a rebuild copies unchanged generated pages from the page cache, and gives
the same bytes as a build from nothing, after an edit of each record type and on another date."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, build

# One plain text field per record type (the minimal fixture has a file, or folder, of each).
FIELD = re.compile(r"^(  (?:name|title|metric|activity): )([A-Za-z][^\n]*)$", re.MULTILINE)


def _edit_one_record_of_each_type(data: Path) -> list[str]:
    edited = []
    for path in sorted(data.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        changed, count = FIELD.subn(r"\1\2 (edited)", text, count=1)
        assert count == 1, f"no plain name, title, metric or activity field in {path}"
        path.write_text(changed, encoding="utf-8")
        edited.append(path.relative_to(data).as_posix())
    return edited


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _counts(run) -> tuple[int, int]:
    [(hits, rendered)] = re.findall(r"Generated pages: (\d+) from the page cache, (\d+) rendered",
                                    run.stdout + run.stderr)
    return int(hits), int(rendered)


@pytest.fixture(scope="module")
def edited_builds(tmp_path_factory):
    """A cold build; an edit of each record type; the warm rebuild on a later date and a cold build
    of the same data and date with an empty cache."""
    tmp_path = tmp_path_factory.mktemp("page-cache")
    minimal_data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal" / "data", minimal_data)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("CSPSITE_PAGE_CACHE", str(tmp_path / "cache"))
        return _builds(tmp_path, minimal_data, monkeypatch)


def _builds(tmp_path: Path, minimal_data: Path, monkeypatch):
    first = build(minimal_data, tmp_path / "first", today="2023-08-01")
    assert first.returncode == 0, first.stdout + first.stderr
    unchanged = build(minimal_data, tmp_path / "unchanged", today="2023-08-01")
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
    edited = _edit_one_record_of_each_type(minimal_data)
    warm = build(minimal_data, tmp_path / "warm", today="2023-09-15")
    assert warm.returncode == 0, warm.stdout + warm.stderr
    monkeypatch.setenv("CSPSITE_PAGE_CACHE", str(tmp_path / "empty-cache"))
    cold = build(minimal_data, tmp_path / "cold", today="2023-09-15")
    assert cold.returncode == 0, cold.stdout + cold.stderr
    return tmp_path, edited, first, unchanged, warm, cold


def test_a_warm_build_after_edits_and_on_another_date_is_byte_identical_to_a_cold_one(edited_builds):
    tmp_path, edited, first, unchanged, warm, cold = edited_builds
    assert len(edited) == 10  # every record type
    warm_files, cold_files = _files(tmp_path / "warm"), _files(tmp_path / "cold")
    assert sorted(warm_files) == sorted(cold_files)
    assert [name for name in warm_files if warm_files[name] != cold_files[name]] == []
    assert b"(edited)" in warm_files["funding/test-skate-park-event/index.html"]


def test_a_rebuild_renders_only_the_pages_that_changed(edited_builds):
    tmp_path, edited, first, unchanged, warm, cold = edited_builds
    hits, rendered = _counts(first)
    assert hits == 0 and rendered > 10
    assert _counts(unchanged) == (rendered, 0)  # nothing changed: every page from the cache
    assert _files(tmp_path / "unchanged") == _files(tmp_path / "first")
    warm_hits, warm_rendered = _counts(warm)
    assert 0 < warm_rendered < rendered and warm_hits + warm_rendered == rendered
