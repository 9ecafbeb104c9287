"""The cspsite command as staff and CI run it: exit codes and what it prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.model import RECORD_TYPES
from tests.conftest import FIXTURES, PROJECT


def cspsite(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", *args], cwd=cwd,
                          capture_output=True, text=True)


def test_five_mistakes_in_one_file_are_all_reported_at_once(golden):
    fixture = FIXTURES / "five-mistakes"
    run = cspsite("validate", "--today", "2023-08-01", cwd=fixture)
    assert run.returncode == 1
    assert len(run.stdout.strip().splitlines()) == 5
    assert all(line.startswith("data/funded-projects/test.yml:") for line in run.stdout.splitlines())
    golden(fixture / "expected-output.txt", run.stdout)


def test_clean_data_exits_0_with_a_count_per_record_type():
    run = cspsite("validate", "--today", "2023-08-01", cwd=FIXTURES / "minimal")
    assert run.returncode == 0, run.stdout + run.stderr
    for name, record_type in RECORD_TYPES.items():
        assert any(line.startswith(record_type.title) and f"({name})" in line
                   for line in run.stdout.splitlines()), name
    assert "OK: 20 records valid" in run.stdout


def test_missing_data_folder_is_a_plain_error(tmp_path: Path):
    run = cspsite("validate", "--data", "nowhere", cwd=tmp_path)
    assert run.returncode == 1
    assert "the data folder does not exist" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_misnamed_data_file_is_reported(minimal_data: Path):
    (minimal_data / "campaign.yml").write_text("- id: x\n")
    run = cspsite("validate", "--data", str(minimal_data), "--today", "2023-08-01",
                  cwd=minimal_data.parent)
    assert run.returncode == 1
    assert "data/campaign.yml:1: (file): this file is not read" in run.stdout


def test_new_campaign_appends_a_valid_draft_and_leaves_every_other_byte_alone(minimal_data: Path):
    campaigns = minimal_data / "campaigns.yml"
    before = campaigns.read_bytes()
    run = cspsite("new", "campaign", "--data", str(minimal_data), "--today", "2023-08-01", cwd=PROJECT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Added a draft campaign 'new-campaign-1'" in run.stdout
    after = campaigns.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert b"- id: new-campaign-1\n  visibility: draft" in after
    check = cspsite("validate", "--data", str(minimal_data), "--today", "2023-08-01", "--strict", cwd=PROJECT)
    assert check.returncode == 0, check.stdout
    second = cspsite("new", "campaigns", "--data", str(minimal_data), "--today", "2023-08-01", cwd=PROJECT)
    assert "'new-campaign-2'" in second.stdout


@pytest.mark.parametrize("kind", ["source", "area", "organisation", "priority", "action", "funding-pot",
                                  "funded-project", "route", "statistic"])
def test_new_gives_a_valid_draft_of_every_kind(minimal_data: Path, kind: str):
    run = cspsite("new", kind, "--data", str(minimal_data), "--today", "2023-08-01", cwd=PROJECT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_new_names_the_kinds_when_given_an_unknown_one(minimal_data: Path):
    run = cspsite("new", "meeting", "--data", str(minimal_data), cwd=PROJECT)
    assert run.returncode == 2 and "choose one of" in run.stderr and "campaign" in run.stderr


def test_validate_lists_the_coming_embargo_dates(minimal_data: Path):
    run = cspsite("validate", "--data", str(minimal_data), "--today", "2023-08-01", cwd=PROJECT)
    assert run.returncode == 0, run.stdout
    at = run.stdout.splitlines().index("Coming embargoes (1): published on the morning of each date")
    assert run.stdout.splitlines()[at + 1] == (
        f"  2099-01-01  funded-project  test-embargoed-project  ({minimal_data}/funded-projects/test.yml:20)")
    after = cspsite("validate", "--data", str(minimal_data), "--today", "2099-01-01", cwd=PROJECT)
    assert "Coming embargoes" not in after.stdout  # published that day
