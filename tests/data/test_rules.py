"""Each validation rule, tripped by one mistake in a copy of the minimal fixture.

Every case names the file, the line (found by the text that should be on it), the field and
the rule the validator must report, so a staff member is sent to the right place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.data.problems import errors, warnings
from macros.data.validate import validate

TODAY = dt.date(2023, 8, 1)


@dataclass
class Case:
    file: str
    old: str
    new: str
    field: str
    rule: str
    line_text: str  # the expected line is the first line of the broken file containing this
    says: str = ""  # part of the message
    reported_in: str = ""  # when the mistake shows in another file (a reference to it)

    def apply(self, data: Path) -> Path:
        path = data / self.file
        text = path.read_text()
        assert self.old in text, f"fixture no longer contains {self.old!r}"
        path.write_text(text.replace(self.old, self.new, 1))
        return path


CASES = {
    "unknown field": Case("priorities.yml", "  summary:", "  sumary:", "sumary", "unknown-field",
                          "  sumary:", "did you mean 'summary'"),
    "missing field": Case("organisations.yml", "  kind: police\n", "", "kind", "missing",
                          "- id: test-police", "add 'kind:'"),
    "wrong type": Case("areas.yml", "  towns: [Testford, Exampleton]", "  towns: Testford",
                       "towns", "wrong-type", "  towns:", "should be a list"),
    "duplicate id": Case("organisations.yml", "- id: test-partnership", "- id: test-police", "id",
                         "duplicate-id", "- id: test-police\n  name: Test Community", "already used"),
    "unresolved reference": Case("funded-projects/test.yml", "  pot: test-core-funding",
                                 "  pot: test-core-fundin", "pot", "unresolved-reference",
                                 "  pot: test-core-fundin\n", "did you mean 'test-core-funding'"),
    "money with pound sign": Case("funded-projects/test.yml", "  amount: 8700", "  amount: £8,700",
                                  "amount", "money", "  amount: £8,700", "write 8700"),
    "negative money": Case("funding-pots.yml", "  allocated: 10000", "  allocated: -5",
                           "allocated", "money", "  allocated: -5", "negative"),
    "impossible date": Case("campaigns.yml", "  start: 2023-06-26", "  start: 2023-02-30", "start",
                            "date", "  start:", "February 2023 has 28 days"),
    "end before start": Case("campaigns.yml", "  end: 2023-06-30", "  end: 2023-06-01", "end",
                             "end-before-start", "  end:", "before start"),
    "insecure url": Case("sources.yml", "  report_number: TEST/23/001",
                         "  report_number: TEST/23/001\n  url: http://example.org/report", "url",
                         "url", "  url:", "write https://example.org/report"),
    "invalid phone": Case("routes.yml", '      number: "999"\n      hours',
                          '      number: "020 7946 000"\n      hours', "channels[1].number", "phone",
                          "020 7946 000", "not a valid UK phone number"),
    "personal e-mail": Case("routes.yml", "  area: nation\n",
                            "    - kind: email\n      email: jane.smith@testshire.gov.uk\n  area: nation\n",
                            "channels[3].email", "personal-email", "jane.smith", "team mailbox"),
    "e-mail in text": Case("routes.yml", "  summary: If someone is in danger now.",
                           "  summary: Write to jane.smith@testshire.gov.uk", "summary",
                           "email-in-text", "  summary:", "e-mail address"),
    "template code {{": Case("priorities.yml", "Formerly known as County Lines.",
                             "Formerly {{ 7*7 }} County Lines.", "summary", "template-code",
                             "  summary:", "template code"),
    "template code {%": Case("actions/test.yml", "  activity: Deliver training",
                             "  activity: Deliver {% if x %} training", "activity",
                             "template-code", "  activity:", "template code"),
    "unsafe link in prose": Case("priorities.yml", "Formerly known as County Lines.",
                                 "See [this](javascript:alert(1)).", "summary", "url",
                                 "  summary:", "must start with https://"),
    "html tag": Case("organisations.yml", "  name: Testshire Police", "  name: Testshire <b>Police</b>",
                     "name", "html", "<b>Police", "HTML tag '<b>'"),
    "pot overspent by projects": Case("funding-pots.yml", "  allocated: 10000", "  allocated: 9000",
                                      "allocated", "pot-overspent", "  allocated:", "£9,220"),
    "pot spent more than allocated": Case("funding-pots.yml", "  as_of: 2023-07",
                                          "  spent: 20000\n  as_of: 2023-07", "spent", "overspent",
                                          "  spent:", "more than the £10,000 allocated"),
    "financial year does not match date": Case("funded-projects/test.yml", "  financial_year: 2019/20",
                                               "  financial_year: 2020/21", "financial_year",
                                               "financial-year", "  financial_year: 2020/21",
                                               "write financial_year: 2019/20"),
    "quarter": Case("actions/test.yml", "quarter: Q1 2023/24", "quarter: Quarter 1", "updates[1].quarter",
                    "quarter", "quarter: Quarter 1", "Q1 2023/24"),
    "bad id": Case("funded-projects/test.yml", "- id: test-theatre", "- id: Test Theatre", "id", "id",
                   "- id: Test Theatre", "'test-theatre'"),
    "area parent of wrong kind": Case("areas.yml", "  kind: district\n  parent: test-csp",
                                      "  kind: district\n  parent: shire", "parent", "area-parent",
                                      "  parent: shire\n  towns", "must be a partnership"),
    "public record names a draft": Case("funding-pots.yml", "  name: Core funding",
                                        "  visibility: draft\n  name: Core funding", "pot",
                                        "unpublished-reference", "  pot: test-core-funding",
                                        "not published", "funded-projects/test.yml"),
    "yaml syntax": Case("campaigns.yml", "  status: finished", "  status: finished\n   bad: x",
                        "(file)", "indentation", "   bad: x", "indented differently"),
    "field written twice": Case("campaigns.yml", "  status: finished",
                                "  status: finished\n  status: upcoming", "(record)", "duplicate-field",
                                "  status: upcoming", "'status' appears twice"),
}


def line_of(path: Path, text: str) -> int:
    content = path.read_text()
    return content[: content.index(text)].count("\n") + 1


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_rule_names_file_line_and_field(minimal_data: Path, case: Case):
    assert validate(minimal_data, TODAY).ok, "the minimal fixture must start valid"
    path = case.apply(minimal_data)
    if case.reported_in:
        path = minimal_data / case.reported_in
    result = validate(minimal_data, TODAY)
    assert not result.ok
    found = [p for p in errors(result.problems) if p.rule == case.rule]
    assert found, f"expected a {case.rule} error, got: {[str(p) for p in result.problems]}"
    problem = found[0]
    assert problem.path.endswith(case.reported_in or case.file)
    assert problem.field == case.field
    assert problem.line == line_of(path, case.line_text), str(problem)
    assert case.says in problem.message


def test_stale_route_is_a_warning_and_an_error_when_strict(minimal_data: Path):
    later = dt.date(2024, 8, 1)  # the fixture route was verified on 2023-07-20
    relaxed = validate(minimal_data, later)
    assert relaxed.ok
    [warning] = [w for w in warnings(relaxed.problems) if w.rule == "route-not-verified"]
    assert warning.field == "verified_on"
    assert warning.line == line_of(minimal_data / "routes.yml", "  verified_on:")
    assert not validate(minimal_data, later, strict=True).ok
    assert not [p for p in validate(minimal_data, later, route_age_days=400).problems
                if p.rule == "route-not-verified"]


def test_an_action_under_way_with_no_update_for_two_quarters_is_a_warning(minimal_data: Path):
    # The fixture item is in progress; its latest update is for Q1 2023/24 (to 30 June 2023).
    assert not [p for p in validate(minimal_data, dt.date(2023, 12, 30)).problems
                if p.rule == "action-not-updated"]
    result = validate(minimal_data, dt.date(2024, 1, 15))
    [warning] = [p for p in result.problems if p.rule == "action-not-updated"]
    assert result.ok and warning.field == "updates"
    assert "no update since June 2023" in warning.message and "Q4 2023/24" in warning.message
    path = minimal_data / "actions" / "test.yml"
    path.write_text(path.read_text().replace("status: in progress", "status: complete"))
    assert not [p for p in validate(minimal_data, dt.date(2024, 1, 15)).problems
                if p.rule == "action-not-updated"]


def test_a_status_the_reports_own_date_contradicts_is_a_warning(minimal_data: Path):
    """A status is as at the report's date (issue 14): "finished" in a July 2023 report is never
    out of date later, but "upcoming" for a week that ended before the report was dated is."""
    path = minimal_data / "campaigns.yml"
    for today in (dt.date(2023, 8, 1), dt.date(2030, 1, 1)):
        assert not [p for p in validate(minimal_data, today).problems
                    if p.rule == "campaign-status-out-of-date"]
    path.write_text(path.read_text().replace("  status: finished", "  status: upcoming", 1))
    [warning] = [p for p in validate(minimal_data, dt.date(2023, 8, 1)).problems
                 if p.rule == "campaign-status-out-of-date"]
    assert warning.field == "status" and "write status: finished" in warning.message
    assert "dated 20 July 2023" in warning.message
    assert warning.line == line_of(path, "  status: upcoming")


def test_embargoed_and_draft_records_are_left_out_of_the_dataset(minimal_data: Path):
    path = minimal_data / "statistics.yml"
    path.write_text(path.read_text().replace("- id: test-prevent-training",
                                             "- id: test-prevent-training\n  embargo_until: 2023-09-01"))
    assert validate(minimal_data, TODAY).dataset.all("statistics") == ()
    assert len(validate(minimal_data, dt.date(2023, 9, 1)).dataset.all("statistics")) == 1


def test_plain_words_stay_words_as_in_yaml_1_2(minimal_data: Path):
    """YAML 1.1 readers turn a bare `No` or `off` into false; a name like that must stay text."""
    from macros.data.validate import load_dataset

    Case("organisations.yml", "  kind: police\n", "  kind: police\n  short_name: No\n", "", "", "").apply(
        minimal_data)
    dataset = load_dataset(minimal_data, TODAY)
    assert [o.short_name for o in dataset.all("organisations") if o.short_name] == ["No"]


def test_a_route_residents_cannot_contact_is_a_warning_naming_its_channels(minimal_data: Path):
    path = minimal_data / "routes.yml"
    text = path.read_text()
    text = text.replace('''    - kind: phone
      number: 0808 2000 247
      open_24_7: true
    - kind: live chat
      url: https://helpline.example.org/chat
      hours: Monday to Friday, 9am to 5pm
''', '''    - kind: phone
      missing_detail: Not given in the source report.
    - kind: in person
      address: Testshire library (an address without hours is not enough)
''')
    path.write_text(text)
    result = validate(minimal_data, TODAY)
    assert result.ok, "only staff are told: it is a warning, not an error"
    [warning] = [w for w in warnings(result.problems) if w.rule == "route-unreachable"]
    assert warning.field == "channels" and "report pages leave this route out" in warning.message
    assert warning.line == line_of(path, "- id: test-helpline") + 7
    assert not validate(minimal_data, TODAY, strict=True).ok
