"""`cspsite split` moves each record to its own file and changes no value: the data loads as the
same records before and after, on the fixture and on the shipped data (in a copy)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest

from macros.data.load import load_data
from macros.data.validate import validate
from macros.model import RECORD_TYPES
from macros.tools.split import SplitError, split
from tests.conftest import PROJECT, SHIPPED_TODAY
from tests.test_cli import cspsite

TODAY = dt.date(2023, 8, 1)
SHIPPED = dt.date.fromisoformat(SHIPPED_TODAY)


def records(data: Path) -> Counter:
    raws, problems = load_data(data)
    assert problems == []
    return Counter((raw.record_type, repr(raw.data)) for raw in raws)


def test_every_record_gets_a_file_named_by_its_id_with_the_same_values(minimal_data: Path):
    before = records(minimal_data)
    counts = validate(minimal_data, TODAY).counts
    ids = sorted(f"{raw.record_type}/{raw.data['id']}.yml" for raw in load_data(minimal_data)[0])
    plan = split(minimal_data)
    assert records(minimal_data) == before
    assert sum(plan.moved.values()) == len(ids) == 20
    assert sorted(p.relative_to(minimal_data).as_posix() for p in minimal_data.rglob("*.yml")) == ids
    assert validate(minimal_data, TODAY).counts == counts


def test_a_record_is_cut_out_as_written_comments_and_quotes_kept(minimal_data: Path):
    campaigns = minimal_data / "campaigns.yml"
    campaigns.write_text("# yaml-language-server: $schema=../schema/campaigns.json\n"
                         "# Campaigns the reports name.\n\n" + campaigns.read_text().replace(
                             "- id: test-draft-campaign", "# Not yet announced.\n- id: test-draft-campaign"))
    split(minimal_data)
    week = (minimal_data / "campaigns" / "test-awareness-week.yml").read_text()
    assert week.startswith('id: test-awareness-week\nname: Test Awareness Week\n'
                           'hashtag: "#TestLooksCloser"\n')
    assert "priorities: [test-criminal-exploitation]\n" in week and "Not yet" not in week
    draft = (minimal_data / "campaigns" / "test-draft-campaign.yml").read_text()
    assert draft.startswith("# Not yet announced.\nid: test-draft-campaign\n")
    readme = (minimal_data / "campaigns" / "README.md").read_text()
    assert "Campaigns the reports name." in readme and "yaml-language-server" not in readme


def test_the_shipped_data_splits_into_a_file_per_record_that_loads_and_validates_the_same(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    before = records(data)
    counts = validate(data, SHIPPED).counts
    run = cspsite("split", "--data", str(data), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert records(data) == before
    assert validate(data, SHIPPED).counts == counts
    assert not list(data.glob("*.yml")), "no list file is left"
    assert len(list(data.rglob("*.yml"))) == sum(counts.values())
    again = cspsite("split", "--data", str(data), cwd=tmp_path)
    assert again.returncode == 0 and "Nothing to split" in again.stdout


def test_only_the_types_asked_for_are_split(minimal_data: Path):
    split(minimal_data, ["campaigns", "funded-projects"])
    assert not (minimal_data / "campaigns.yml").exists()
    assert not (minimal_data / "funded-projects" / "test.yml").exists()
    assert (minimal_data / "routes.yml").exists() and (minimal_data / "actions" / "test.yml").exists()


def test_a_record_without_a_valid_id_stops_the_split_before_anything_is_written(minimal_data: Path):
    path = minimal_data / "funded-projects" / "test.yml"
    path.write_text(path.read_text().replace("- id: test-theatre", "- id: Test Theatre"))
    snapshot = {p: p.read_bytes() for p in minimal_data.rglob("*") if p.is_file()}
    with pytest.raises(SplitError, match=r"test.yml:\d+: this record has no valid id"):
        split(minimal_data)
    assert {p: p.read_bytes() for p in minimal_data.rglob("*") if p.is_file()} == snapshot


def test_two_records_with_one_id_stop_the_split(minimal_data: Path):
    path = minimal_data / "organisations.yml"
    path.write_text(path.read_text().replace("- id: test-partnership", "- id: test-police"))
    with pytest.raises(SplitError, match="already exists"):
        split(minimal_data)
    assert path.exists() and not (minimal_data / "organisations").exists()


def test_unknown_types_are_named(minimal_data: Path):
    run = cspsite("split", "--data", str(minimal_data), "--types", "campaign", cwd=minimal_data.parent)
    assert run.returncode == 1 and "not record types: campaign" in run.stderr
    assert all(name in run.stderr for name in RECORD_TYPES)


def test_after_the_split_cspsite_new_gives_the_draft_a_file_of_its_own(minimal_data: Path):
    split(minimal_data)
    run = cspsite("new", "campaign", "--data", str(minimal_data), "--today", "2023-08-01", cwd=PROJECT)
    assert run.returncode == 0, run.stdout + run.stderr
    path = minimal_data / "campaigns" / "new-campaign-1.yml"
    assert f"at {path}:1." in run.stdout
    assert path.read_text().startswith("id: new-campaign-1\nvisibility: draft")
    assert validate(minimal_data, TODAY).ok


def test_the_split_is_no_change_to_the_records_history_or_changelog(tmp_path: Path):
    from macros.changes.history import diff
    from tests.data_repo import git

    repo = tmp_path / "repo"
    git(tmp_path, "init", "-q", "-b", "main", str(repo))
    shutil.copytree(PROJECT / "tests" / "fixtures" / "minimal" / "data", repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-qm", "list files")
    split(repo / "data")
    git(repo, "add", "-A", "data")
    git(repo, "commit", "-qm", "one file per record")
    assert diff(repo, "HEAD~1", "HEAD") == []
    path = repo / "data" / "funded-projects" / "test-theatre.yml"
    path.write_text(path.read_text().replace("amount: 8700", "amount: 9200"))
    [change] = diff(repo, "HEAD", None)
    assert (change.record_id, change.path, change.fields[0].after) == (
        "test-theatre", "data/funded-projects/test-theatre.yml", "9200")
