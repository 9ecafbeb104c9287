"""cspsite synth: invented data that passes every check, is the same for a seed, and builds."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from statistics import mean

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.cli import main
from macros.data.problems import errors
from macros.data.validate import validate
from macros.tools.synth import as_of
from macros.tools.synth.base import GEOGRAPHIC
from tests.conftest import PROJECT, build, page

AREAS, YEARS, SEED = 4, 3, 11
DRAMA = (*GEOGRAPHIC, "0808 157 0", "0306 999 0")


def synth(out: Path, *extra: str, areas: int = AREAS, years: int = YEARS, seed: int = SEED,
          hash_seed: str = "0") -> subprocess.CompletedProcess:
    """Run the command in its own process, so nothing can depend on Python's per-process hashing."""
    return subprocess.run(
        [sys.executable, "-m", "macros.cli", "synth", "--areas", str(areas), "--years", str(years),
         "--seed", str(seed), "--out", str(out), *extra],
        cwd=PROJECT, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": hash_seed})


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("synth") / "data"
    run = synth(out)
    assert run.returncode == 0, run.stderr
    return out, run.stdout


@pytest.fixture(scope="module")
def data(made) -> Path:
    return made[0]


@pytest.fixture(scope="module")
def checked(made):
    """Validated as of the date the command prints."""
    data, printed = made
    day = dt.date.fromisoformat(re.search(r"--today (\d{4}-\d{2}-\d{2})", printed).group(1))
    return day, validate(data, day)


@pytest.fixture(scope="module")
def dataset(checked):
    return checked[1].dataset


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_it_validates_without_errors_or_warnings_as_of_the_date_it_prints(data: Path, checked):
    day, result = checked
    assert result.ok and not result.problems, "\n".join(map(str, result.problems[:20]))
    assert day == as_of(2019, YEARS) and day.isoformat() in (data / "README.md").read_text()


def test_on_any_later_date_there_are_warnings_but_never_errors(data: Path):
    result = validate(data, dt.date(2031, 1, 1))
    assert result.ok, "\n".join(map(str, errors(result.problems)))


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(data: Path, tmp_path: Path):
    assert synth(tmp_path / "same", hash_seed="12345").returncode == 0
    assert files(tmp_path / "same") == files(data)
    assert synth(tmp_path / "other", seed=SEED + 1).returncode == 0
    other = files(tmp_path / "other")
    assert other.keys() != files(data).keys() or other != files(data)


def test_each_partnership_year_has_about_the_records_asked_for(dataset):
    partnerships = [a for a in dataset.all("areas") if a.kind.value == "partnership"]
    assert len(partnerships) == AREAS
    assert len([a for a in dataset.all("areas") if a.kind.value == "county"]) >= 1
    home = {a.id: (a.parent if a.kind.value == "district" else a.id) for a in dataset.all("areas")}
    per = {kind: Counter(home[r.area] for r in dataset.all(kind))
           for kind in ("actions", "campaigns", "funded-projects")}
    active = Counter((p.area, h.year) for p in dataset.all("priorities") for h in p.history)
    points: Counter = Counter()
    for statistic in dataset.all("statistics"):
        points[home[statistic.area]] += len(statistic.points)
    for partnership in partnerships:
        assert 27 * YEARS <= per["actions"][partnership.id] <= 33 * YEARS
        assert 10 * YEARS <= per["campaigns"][partnership.id] <= 14 * YEARS
        assert 13 * YEARS <= per["funded-projects"][partnership.id] <= 17 * YEARS
        assert points[partnership.id] == 6 * YEARS
    assert 7 <= mean(active.values()) <= 9 and len(active) == AREAS * YEARS


def test_each_partnership_has_about_twenty_routes_and_national_ones_are_listed_once(dataset):
    from macros.site.views.related import area_and_ancestors

    routes = dataset.all("routes")
    for partnership in (a for a in dataset.all("areas") if a.kind.value == "partnership"):
        serving = set(area_and_ancestors(dataset, partnership.id))
        serving |= {a.id for a in dataset.all("areas") if a.parent == partnership.id}
        assert 16 <= sum(r.area in serving for r in routes) <= 26
    national = [r.name for r in routes if r.area == "england-and-wales"]
    assert national and len(national) == len(set(national))


def test_every_record_cites_a_report_and_no_contact_detail_could_reach_anyone(data: Path, dataset):
    for kind, records in dataset.records.items():
        if kind != "sources":
            assert all(r.sources and all(c.section for c in r.sources) for r in records), kind
    channels = [c for r in dataset.all("routes") for c in r.channels]
    numbers = [str(c.number) for c in channels if c.number]
    assert numbers and all(n.startswith(DRAMA) for n in numbers), numbers
    assert all(c.email.endswith(".example.org") for c in channels if c.email)
    text = "\n".join(p.read_text() for p in data.rglob("*.yml"))
    links = re.findall(r"https://[^\s\"/]+", text)
    assert links and all(link.endswith(".example.org") for link in links)


def test_it_refuses_a_folder_that_already_has_files(data: Path, capsys):
    assert main(["synth", "--areas", "1", "--years", "1", "--out", str(data)]) == 2
    assert "not empty" in capsys.readouterr().err


def test_a_small_synthetic_site_builds_in_strict_mode(tmp_path: Path):
    data = tmp_path / "data"
    assert synth(data, areas=2, years=2).returncode == 0
    dataset = validate(data, as_of(2019, 2)).dataset
    partnership = next(a for a in dataset.all("areas") if a.kind.value == "partnership")
    run = build(data, tmp_path / "site", today=as_of(2019, 2).isoformat())
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert partnership.name in page(tmp_path / "site", f"areas/{partnership.id}")
    assert partnership.name in page(tmp_path / "site", "priorities")


# Any text, with runs of spaces and every kind of line break among ordinary words.
TEXT = st.lists(st.one_of(st.text(st.characters(codec="utf-8"), max_size=12),
                          st.sampled_from(["word", "  ", " ", "\n", "\u2028", "\x85", "£8,700", "a: b"])),
                max_size=40).map("".join)


@given(st.lists(st.dictionaries(st.sampled_from(["id", "name", "summary", "section"]),
                                st.one_of(TEXT, st.integers(0, 10**6), st.lists(TEXT, max_size=3)),
                                min_size=1), min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_the_yaml_it_writes_reads_back_as_the_same_values(records):
    from macros.data.yaml_reader import read_yaml
    from macros.tools.yaml_write import dump_records

    read = read_yaml(dump_records(records, "a header"))
    assert [{k: (list(v) if isinstance(v, list) else v) for k, v in r.items()} for r in read] == records
