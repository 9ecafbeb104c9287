"""What `cspsite validate` prints for the mistakes staff make (issue 17), exactly: each case edits
a copy of the minimal fixture and compares the whole output, both streams, with its golden file
in tests/golden/messages/ (`pytest --update-golden` rewrites them; read the diff).

Every mistake is reported in the same run as every other (no rounds); a file that cannot be read
is one line, with one note saying what that left unchecked, and nothing else about it.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

import pytest

from macros.cli import main
from tests.conftest import FIXTURES, GOLDEN_DIR

TODAY = "2023-08-01"


def edit(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def validate_output(root: Path) -> str:
    out = io.StringIO()
    here = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main(["validate", "--data", "data", "--today", TODAY])
    finally:
        os.chdir(here)
    return f"{out.getvalue()}(exit {code})\n"


EDITS = {
    "colon-in-text": [("campaigns.yml", "  name: Test Awareness Week",
                       "  name: Safer nights out: Lowestoft town centre")],
    "field-indented-into-text": [("campaigns.yml", "  status: finished\n",
                                  "  description: >-\n    A week of events.\n    status: finished\n")],
    "tab": [("sources.yml", "  publisher: test-council", "\tpublisher: test-council")],
    "tab-and-a-second-mistake": [("sources.yml", "  publisher: test-council", "\tpublisher: test-council"),
                                 ("funded-projects/test.yml", "  amount: 420", "  amount: £420")],
    "key-without-a-name": [("organisations.yml", "  name: Test District Council\n",
                            "  name: Test District Council\n  : Testford\n")],
    "date-day-first": [("funded-projects/test.yml", "  award_date: 2019-07-28", "  award_date: 31/03/2025")],
    "date-in-words": [("campaigns.yml", "  start: 2023-06-26", "  start: 1 Dec 2026")],
    "date-in-words-where-the-day-is-needed": [("routes.yml", "  verified_on: 2023-07-20",
                                               "  verified_on: 1 Dec 2026")],
    "date-without-the-day": [("routes.yml", "  verified_on: 2023-07-20", "  verified_on: 2023-07")],
    "hashtag-pattern": [("campaigns.yml", '  hashtag: "#TestLooksCloser"', '  hashtag: "#Stop Hate"')],
    "identifier-pattern": [("organisations.yml", "  kind: police\n",
                            "  kind: police\n  identifier: charity 1108687\n")],
    "misplaced-field": [("areas.yml", "    meets: Every 3 months, online\n",
                         "    meets: Every 3 months, online\n  members: [test-council]\n")],
    "list-position": [("routes.yml", "      number: 0808 2000 247", "      number: 0808 2000")],
    "every-mistake-in-one-run": [
        ("organisations.yml", "- id: test-partnership",  # a duplicate id
         "- id: test-police\n  name: Testshire Police again\n  kind: polise\n"
         '  sources: [{document: test-report, section: "1.2"}]\n- id: test-partnership'),
        ("areas.yml", "    responsible_authorities: [test-council, test-police]",
         "    responsible_authorities: [test-council, test-polise]\n    meetings: monthly"),
        ("funding-pots.yml", "  allocated: 10000", "  allocated: 1000"),  # overspent by the projects
        ("funded-projects/test.yml", "  award_date: 2019-07-28", "  award_date: 2019-07-28x"),
    ],
    "premium-rate-number": [("routes.yml", "      number: 0808 2000 247", "      number: 0909 879 0000")],
}


@pytest.mark.parametrize("name", EDITS)
def test_message(name: str, tmp_path: Path, golden):
    shutil.copytree(FIXTURES / "minimal" / "data", tmp_path / "data")
    for file, old, new in EDITS[name]:
        edit(tmp_path / "data", file, old, new)
    golden(GOLDEN_DIR / "messages" / f"{name}.txt", validate_output(tmp_path))


@pytest.mark.parametrize("how", ["empty", "missing", "comments only"])
def test_an_empty_or_missing_sources_file_is_one_error_and_one_note(how: str, tmp_path: Path, golden):
    shutil.copytree(FIXTURES / "minimal" / "data", tmp_path / "data")
    sources = tmp_path / "data" / "sources.yml"
    if how == "missing":
        sources.unlink()
    else:
        sources.write_text("" if how == "empty" else "# the reports go here\n")
    golden(GOLDEN_DIR / "messages" / f"sources-{how.replace(' ', '-')}.txt", validate_output(tmp_path))


def test_a_tab_in_sources_gives_one_error_one_note_and_no_other_line(tmp_path: Path):
    shutil.copytree(FIXTURES / "minimal" / "data", tmp_path / "data")
    edit(tmp_path / "data", "sources.yml", "  publisher: test-council", "\tpublisher: test-council")
    lines = validate_output(tmp_path).splitlines()
    assert len(lines) == 3, lines  # the error, the note, the exit code this test adds
    assert lines[0].startswith("data/sources.yml:3: ") and "tab" in lines[0]
    assert "References to sources were not checked" in lines[1] and "data/sources.yml" in lines[1]
