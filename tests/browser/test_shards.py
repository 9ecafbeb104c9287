"""A site built in shards and merged (`cspsite build --shard K/N`, `cspsite merge`) is the site a
single build writes, on a synthetic site above the publish workflow's matrix threshold, and its
search finds a record built by each shard."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.build.shards import shard_of
from tests.browser.conftest import Visit
from tests.conftest import PROJECT, build

from .searching import rank_of
from .test_search import one_priority_per_area, serving

SHARDS = 3


def _threshold() -> int:
    text = (PROJECT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    return int(re.search(r"SHARD_ABOVE_PARTNERSHIPS: (\d+)", text).group(1))


def _cspsite(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", *args], cwd=PROJECT, capture_output=True,
                          text=True)


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    from macros.tools.synth import write

    root = tmp_path_factory.mktemp("shards")
    made = write(root / "data", partnerships=_threshold() + 1, years=1, seed=5)
    today = made.as_of.isoformat()
    single = build(root / "data", root / "single", today=today, engine="mkdocs")
    assert single.returncode == 0, single.stdout + single.stderr
    for k in range(1, SHARDS + 1):
        run = _cspsite("build", "--data", str(root / "data"), "--site-dir", str(root / f"shard-{k}"),
                       "--today", today, "--shard", f"{k}/{SHARDS}")
        assert run.returncode == 0, run.stdout + run.stderr
    merged = _cspsite("merge", *(str(root / f"shard-{k}") for k in range(1, SHARDS + 1)),
                      "--site-dir", str(root / "merged"), "--data", str(root / "data"), "--today", today)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    return root, today


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_merged_shards_are_the_single_build_byte_for_byte(sharded):
    root, _ = sharded
    single, merged = _files(root / "single"), _files(root / "merged")
    assert sorted(single) == sorted(merged)
    assert [name for name in single if single[name] != merged[name]] == []
    # each shard built only its share of the record pages
    pages = len([name for name in single if name.endswith("index.html")])
    for k in range(1, SHARDS + 1):
        assert len(list((root / f"shard-{k}").rglob("index.html"))) < pages


def test_search_on_the_merged_site_finds_a_record_from_each_shard(sharded, browser):
    root, today = sharded
    priorities = one_priority_per_area(root / "data", today)
    by_shard = {}
    for priority, area in priorities:
        by_shard.setdefault(shard_of(f"priorities/{priority.id}.md", SHARDS), (priority, area))
    assert sorted(by_shard) == list(range(1, SHARDS + 1))
    with serving(root / "merged") as address:
        visit = Visit(browser, address)
        page = visit.open("")
        for priority, _ in by_shard.values():
            rank = rank_of(page, priority.id, f"/priorities/{priority.id}/")
            assert rank == 1, (priority.id, rank)
        visit.context.close()
