"""`cspsite new` (issue 17): a skeleton cannot be published until it is filled in, it names the
partnership and source it was given (never an arbitrary one), and shows the optional fields."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import GOLDEN_DIR, PROJECT
from tests.data_repo import edit

TODAY = "2023-08-01"
SECOND = """- id: other-csp
  name: Other Community Safety Partnership
  kind: partnership
  parent: shire
  sources: [{document: test-report, section: "1.2"}]
"""


def cspsite(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", *args, "--today", TODAY], cwd=PROJECT,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


def test_a_skeleton_made_public_fails_validation_naming_each_field_to_fill(minimal_data: Path, golden):
    assert cspsite("new", "funded-project", "--data", str(minimal_data)).returncode == 0
    path = minimal_data / "funded-projects" / "test.yml"
    edit(path, "  visibility: draft  # delete this line when no TODO is left, to publish it\n", "")
    run = cspsite("validate", "--data", str(minimal_data))
    assert run.returncode == 1
    lines = "\n".join(line.replace(str(minimal_data), "data") for line in run.stdout.splitlines()) + "\n"
    golden(GOLDEN_DIR / "messages" / "skeleton-made-public.txt", lines)


def test_a_filled_in_skeleton_publishes(minimal_data: Path):
    assert cspsite("new", "campaign", "--data", str(minimal_data)).returncode == 0
    path = minimal_data / "campaigns.yml"
    text = path.read_text(encoding="utf-8")
    record = text[text.index("- id: new-campaign-1"):]
    draft = "  visibility: draft  # delete this line when no TODO is left, to publish it\n"
    filled = (record.replace(draft, "")
              .replace("TODO the campaign's name", "Safer nights out").replace("  # TODO\n", "\n")
              .replace("TODO the section, paragraph or table it is in", "Section 3.1"))
    path.write_text(text.replace(record, filled), encoding="utf-8")
    run = cspsite("validate", "--data", str(minimal_data))
    assert run.returncode == 0, run.stdout


def test_with_two_partnerships_new_says_which_to_give_then_uses_it(minimal_data: Path):
    areas = minimal_data / "areas.yml"
    areas.write_text(areas.read_text(encoding="utf-8") + SECOND, encoding="utf-8")
    before = (minimal_data / "campaigns.yml").read_bytes()
    run = cspsite("new", "campaign", "--data", str(minimal_data))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip() == ("cspsite new: say which partnership the record belongs to: "
                                  "--partnership ID (one of: test-csp, other-csp)")
    assert (minimal_data / "campaigns.yml").read_bytes() == before  # nothing written
    run = cspsite("new", "campaign", "--partnership", "other-csp", "--source", "test-report",
                  "--data", str(minimal_data))
    assert run.returncode == 0, run.stderr
    assert "  area: other-csp\n" in (minimal_data / "campaigns.yml").read_text(encoding="utf-8")
    wrong = cspsite("new", "campaign", "--partnership", "nowhere", "--data", str(minimal_data))
    assert wrong.returncode == 1 and "there is no partnership with id 'nowhere'" in wrong.stderr


def test_the_optional_fields_come_as_comments(minimal_data: Path):
    assert cspsite("new", "route", "--data", str(minimal_data)).returncode == 0
    text = (minimal_data / "routes.yml").read_text(encoding="utf-8")
    record = text[text.index("- id: new-route-1"):]
    assert "  # Optional: delete the '# ' before a field to use it.\n" in record
    for field in ("languages", "notes", "embargo_until", "replaces", "closed_on"):
        assert f"\n  # {field}:" in record, field
    assert "\n  # name:" not in record  # required fields are written, not commented
