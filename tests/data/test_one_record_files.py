"""The loader reads both layouts: list files, and a record in a file of its own
(data/<type>/<id>.yml, as the staff editor writes them). Messages name file and line in both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from macros.data.problems import errors
from macros.data.validate import validate
from macros.tools.split import split

TODAY = dt.date(2023, 8, 1)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_one_record_files_and_list_files_load_side_by_side(minimal_data: Path):
    split(minimal_data, ["campaigns"])
    funded = minimal_data / "funded-projects"
    write(funded / "test-mural.yml", "id: test-mural\ntitle: A mural\n"
          "amount: 10\naward_date: 2019-09\nfinancial_year: 2019/20\nfunder: test-council\n"
          "pot: test-core-funding\narea: test-csp\nsources: [{document: test-report, section: '2.6'}]\n")
    result = validate(minimal_data, TODAY)
    assert errors(result.problems) == []
    assert result.counts["campaigns"] == 2 and result.counts["funded-projects"] == 4


def test_a_mistake_in_a_one_record_file_names_that_file_and_line(minimal_data: Path):
    split(minimal_data)
    path = minimal_data / "campaigns" / "test-awareness-week.yml"
    path.write_text(path.read_text().replace("start: 2023-06-26", "start: 2023-02-30"))
    [problem] = errors(validate(minimal_data, TODAY).problems)
    assert problem.path.endswith("data/campaigns/test-awareness-week.yml")
    assert (problem.line, problem.field, problem.rule) == (5, "start", "date")
    assert path.read_text().splitlines()[4] == "start: 2023-02-30"


def test_an_id_that_differs_from_its_file_name_is_an_error_at_the_id(minimal_data: Path):
    split(minimal_data)
    path = minimal_data / "organisations" / "test-police.yml"
    renamed = path.read_text().replace("id: test-police", "id: test-constabulary")
    path.write_text("# Renamed by mistake\n" + renamed)
    found = [p for p in errors(validate(minimal_data, TODAY).problems) if p.rule == "file-name"]
    assert [(p.line, p.field) for p in found] == [(2, "id")]
    assert "rename the file to test-constabulary.yml" in found[0].message
    assert found[0].path.endswith("organisations/test-police.yml")


def test_a_single_record_is_allowed_only_in_its_types_folder(minimal_data: Path):
    sources = minimal_data / "sources.yml"
    sources.write_text(sources.read_text()[2:].replace("\n  ", "\n"))  # one mapping, not a list
    [problem] = [p for p in errors(validate(minimal_data, TODAY).problems) if p.rule == "yaml-syntax"]
    assert (problem.path, problem.line) == (str(minimal_data / "sources.yml"), 1)
    assert "should be a list of records" in problem.message


def test_a_field_cleared_in_a_form_counts_as_left_out(minimal_data: Path):
    """The editor writes '' for a box typed in and cleared: an optional field is then absent, and
    a required one is reported missing, never published empty."""
    split(minimal_data)
    path = minimal_data / "funded-projects" / "test-theatre.yml"
    path.write_text(path.read_text() + 'recipient_note: ""\ndescription: ""\n')
    result = validate(minimal_data, TODAY)
    assert errors(result.problems) == []
    project = next(r for r in result.dataset.all("funded-projects") if r.id == "test-theatre")
    assert project.recipient_note is None and project.description is None
    path.write_text(path.read_text().replace("title: County Lines theatre production", 'title: ""'))
    [problem] = errors(validate(minimal_data, TODAY).problems)
    assert (problem.field, problem.rule, problem.line) == ("title", "missing", 2)
