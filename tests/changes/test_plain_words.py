"""The changelog in plain words: each record's change in a sentence, fields named as staff see them,
values as readers see them, in the page, the feed, the per-change CSVs and the pull-request summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import feedparser
import pytest

from macros.changes.changelog import Changelog, Entry, build_changelog
from macros.changes.fields import leaves
from macros.changes.history import FieldChange, RecordChange, compare, flatten, plain, snapshot
from macros.changes.published import public_records
from macros.changes.summary import as_markdown, as_text
from macros.changes.words import headline, kind_of, sentence
from macros.data.validate import load_dataset
from macros.exports.change_csv import HEADER, change_csv_path, change_csvs
from macros.exports.feed import atom
from macros.model import RECORD_TYPES
from macros.model.base import Record
from macros.site.views.changes import addresses, entry_html
from tests.conftest import FIXTURES, GOLDEN_DIR
from tests.data_repo import edit, git

GOLDEN = GOLDEN_DIR / "changelog"
TODAY = dt.date(2023, 12, 1)
SITE_URL = "https://csp.example.org/"

NEW_SOURCE = """- id: test-review
  title: Testshire partnership review 2023
  publisher: test-council
  date: 2023-10
"""


def make_plain_words_repo(repo: Path) -> Path:
    """1: the minimal data. 2: a helpline's hours and a grant's amount and award date change. 3: a
    new source; a statistic's point now cites it, and a point is added."""
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "minimal" / "data", repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "Start", date="2023-07-01T09:00:00+01:00")

    edit(repo / "data/routes.yml", "      hours: Monday to Friday, 9am to 5pm\n",
         "      hours: Monday to Saturday, 9am to 8pm\n")
    edit(repo / "data/funded-projects/test.yml", "  amount: 8700\n  award_date: 2019-09\n",
         "  amount: 9250.5\n  award_date: 2019-09-14\n")
    git(repo, "commit", "-q", "-am", "wip: Sam's fixes", date="2023-10-02T09:00:00+01:00")

    sources = repo / "data/sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + NEW_SOURCE, encoding="utf-8")
    edit(repo / "data/statistics.yml", """      value: 20
      sources: [{document: test-report, section: "2.5"}]
""", """      value: 20
      sources: [{document: test-review, section: "3"}]
    - period: 2022/23
      as_of: 2023-03
      value: 25
      sources: [{document: test-review, section: "3"}]
""")
    git(repo, "commit", "-q", "-am", "more", date="2023-11-03T09:00:00+01:00")
    return repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return make_plain_words_repo(tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="module")
def changelog(repo) -> Changelog:
    return build_changelog(repo / "data", TODAY)


def test_each_change_is_titled_in_plain_words_never_by_its_commit_message(changelog):
    assert [e.title for e in changelog.entries] == [
        "Added the source Testshire partnership review 2023; changed the document and the section "
        "of Staff trained in Prevent; added a point",
        "Changed the amount and the award date of County Lines theatre production; changed the "
        "hours of Testshire Abuse Helpline",
        "Added 17 records"]
    assert all(e.summary is None for e in changelog.entries)  # no Public-summary trailer
    assert "wip" not in repr(changelog) and "Sam" not in repr(changelog)


def test_fields_are_named_as_staff_see_them_and_values_shown_as_readers_see_them(changelog):
    fields = {(f.label, f.before_shown, f.after_shown) for e in changelog.entries for c in e.changes
              for f in c.fields}
    assert ("Hours of the channel “live chat”", "Monday to Friday, 9am to 5pm",
            "Monday to Saturday, 9am to 8pm") in fields
    assert ("Amount", "£8,700", "£9,250.50") in fields  # money as the site writes it
    assert ("Award date", "September 2019", "14 September 2019") in fields  # at its precision
    # a reference by the name of the record it names; a list item by its own label
    assert ("Document of the 1st source of the point “2020/21”", "Test partnership annual report",
            "Testshire partnership review 2023") in fields
    assert ("Value of the point “2022/23”", None, "25") in fields  # a point added
    assert not any("[" in label or "." in label for label, _, _ in fields)  # never a path


def test_a_rendered_entry_is_as_expected(changelog, repo, golden):
    dataset = load_dataset(repo / "data", TODAY)
    live = {(t, r.id) for t in dataset.records for r in dataset.all(t)}
    golden(GOLDEN / "entry-plain-words.html", entry_html(changelog.entries[0], SITE_URL, live)
           + entry_html(changelog.entries[1], SITE_URL, live))


def test_each_change_has_a_csv_with_date_type_id_field_before_and_after(changelog, golden):
    files = change_csvs(changelog)
    assert set(files) == {change_csv_path(e) for e in changelog.entries}
    text = files[change_csv_path(changelog.entries[1])]
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")  # RFC 4180 lines
    golden(GOLDEN / "change.csv", text.replace("\r\n", "\n"))
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == HEADER
    assert ["2023-10-02", "funded-projects", "test-theatre", "County Lines theatre production", "changed",
            "Amount", "£8,700", "£9,250.50"] in rows


def test_the_feed_titles_are_the_sentences_and_its_ids_the_permanent_tag_uris(changelog):
    at = addresses(changelog)
    authority = "csp.example.org,2023"
    feeds = [feedparser.parse(atom(changelog, "Testshire CSP", url, lambda e: "", lambda e: at[e.short],
                                   authority=authority))
             for url in (SITE_URL, "https://elsewhere.example.net/csp/")]
    assert [e.title for e in feeds[0].entries] == [e.title for e in changelog.entries]
    assert [e.id for e in feeds[0].entries] == [e.id for e in feeds[1].entries]
    assert feeds[0].entries[0].id == f"tag:{authority}:changes/{changelog.entries[0].commit}"


def _change(kind: str, record_type: str, name: str, *fields: FieldChange) -> RecordChange:
    return RecordChange(kind, record_type, "x", name, "data/x.yml", fields)


SENTENCES = [
    _change("added", "funded-projects", "Youth diversion project"),
    _change("removed", "campaigns", "Safer Streets Week"),
    _change("changed", "routes", "Suffolk Domestic Abuse Helpline",
            FieldChange("channels[1].hours", "9 to 5", "9 to 8", "Hours of the 1st channel", short="hours")),
    _change("changed", "routes", "Testshire Helpline",
            FieldChange("closed_on", None, "2024-03-31", "Closed on", None, "31 March 2024", "closed on")),
    _change("changed", "actions", "Deliver training",
            FieldChange("status", "in progress", "closed", "Status", "in progress", "closed", "status")),
    _change("changed", "routes", "Testshire Helpline", FieldChange("visibility", None, "restricted")),
    _change("changed", "statistics", "Staff trained",
            FieldChange("points[3].value", None, "25", "Value of the 3rd point", None, "25", "value",
                        ("added", "points[3]", "point")),
            FieldChange("points[3].period", None, "2022/23", "Period of the 3rd point", None, "2022/23",
                        "period", ("added", "points[3]", "point"))),
    _change("changed", "actions", "Deliver training",
            *(FieldChange(f, "a", "b", f.capitalize(), short=f)
              for f in ("plan", "objective", "rag", "leads"))),
]


def test_every_kind_of_change_reads_as_a_sentence(golden):
    lines = [f"{kind_of(c):9} {sentence(c)}" for c in SENTENCES]
    lines += ["", "headline of 2: " + headline(tuple(SENTENCES[:2])),
              "headline of all, 2 withdrawn: " + headline(tuple(SENTENCES), 2),
              "headline of none, 1 withdrawn: " + headline((), 1)]
    golden(GOLDEN / "sentences.txt", "\n".join(lines) + "\n")


def test_retiring_reads_the_same_in_the_pull_request_summary_and_the_changelog():
    closing = SENTENCES[3]
    assert sentence(closing) == "Retired the route Testshire Helpline (closed on 31 March 2024)"
    text, markdown = as_text([closing], "main", "HEAD"), as_markdown([closing], "main", "HEAD")
    assert "Retired (kept, with its history):" in text and sentence(closing) in text
    assert "### Retired" in markdown and "Retired the route **Testshire Helpline**" in markdown
    entry = Entry("a" * 40, dt.datetime(2024, 4, 1, tzinfo=dt.UTC), headline((closing,)), (closing,))
    assert entry.title == sentence(closing)
    withdrawn = SENTENCES[5]  # made restricted: off the site, and the changelog only counts it
    assert "visibility: (none) -> 'restricted'" in as_text([withdrawn], "main", "HEAD")
    assert "Withdrawn from the site" in as_text([withdrawn], "main", "HEAD")
    assert "Withdrew the route Testshire Helpline from the site (restricted)" in as_text([withdrawn], "main",
                                                                                          "HEAD")


def test_field_entries_have_the_same_keys_as_the_flattened_record():
    snap = snapshot(FIXTURES / "minimal" / "data")
    for (record_type, _), (fields, _, _, named) in snap.items():
        assert list(named) == list(fields), record_type
    route = next(v for k, v in snap.items() if k == ("routes", "test-helpline"))
    data = plain({"id": "r", "channels": [{"kind": "phone"}, {"kind": "phone"}]})
    twice = leaves(RECORD_TYPES["routes"].model, data)
    assert twice["channels[2].kind"].name == "Kind of the 2nd channel"  # alike: by their place
    assert route[3]["channels[2].hours"].name == "Hours of the channel “live chat”"
    assert list(leaves(RECORD_TYPES["routes"].model, data)) == list(flatten(data))


def test_compare_keeps_the_names_and_the_pull_request_summary_names_nested_fields(repo):
    before = snapshot(FIXTURES / "minimal" / "data")
    after = snapshot(repo / "data")
    [route] = [c for c in compare(before, after) if c.record_id == "test-helpline"]
    text = as_text([route], "a", "b")
    assert "Hours of the channel “live chat” (channels[2].hours)" in text


def test_a_spreadsheet_formula_in_a_changed_value_is_written_as_text():
    change = _change("changed", "routes", "=HYPERLINK(1)", FieldChange("summary", "=1+1", "@SUM(A1)",
                                                                    "Summary", "=1+1", "@SUM(A1)", "summary"))
    entry = Entry("b" * 40, dt.datetime(2024, 1, 2, tzinfo=dt.UTC), headline((change,)), (change,))
    rows = list(csv.reader(io.StringIO(change_csvs(Changelog((entry,)))[change_csv_path(entry)])))
    assert rows[1][3:] == ["'=HYPERLINK(1)", "changed", "Summary", "'=1+1", "'@SUM(A1)"]


@pytest.mark.skipif("closed_on" not in Record.model_fields,
                    reason="records cannot be closed (closed_on) in this version of the model")
def test_a_route_retired_as_closed_keeps_its_public_history(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    make_plain_words_repo(repo)
    routes = repo / "data/routes.yml"
    edit(routes, "- id: test-helpline\n", "- id: test-helpline\n  closed_on: 2023-11-20\n")
    git(repo, "commit", "-q", "-am", "Close the helpline", date="2023-11-20T09:00:00+00:00")
    entries = build_changelog(repo / "data", TODAY).entries
    assert entries[0].title == "Retired the route Testshire Abuse Helpline (closed on 20 November 2023)"
    named = [sentence(c) for e in entries for c in e.changes if c.record_id == "test-helpline"]
    assert "Changed the hours of Testshire Abuse Helpline" in named  # its history stays public
    assert entries[0].withdrawn == 0


def test_a_record_given_a_new_id_that_replaces_the_old_is_one_change_not_a_removal(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    make_plain_words_repo(repo)
    edit(repo / "data/routes.yml", "- id: test-helpline\n",
         "- id: testshire-helpline\n  replaces: test-helpline\n")
    git(repo, "commit", "-q", "-am", "Better id", date="2023-11-20T09:00:00+00:00")
    [change] = build_changelog(repo / "data", TODAY).entries[0].changes
    assert sentence(change) == ("Gave the route Testshire Abuse Helpline a new id (it was test-helpline; "
                                "the old address still works)")
    assert kind_of(change) == "renamed" and change.record_id == "testshire-helpline"
    text = as_text(compare(snapshot(FIXTURES / "minimal" / "data"), snapshot(repo / "data")), "a", "b")
    assert "Given a new id (the old address redirects):" in text and "Removed" not in text


def test_an_added_point_lists_only_the_fields_it_has(tmp_path):
    """Fields a new list item leaves out (breakdown, discrepancy...) are not '(none) -> (none)' rows."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal" / "data", data)
    edit(data / "statistics.yml", "  points:\n",
         "  points:\n    - period: 2023/24\n      as_of: 2024-03\n      value: 12\n"
         "      sources: [{document: test-report, section: \"2.5\"}]\n")
    before, after = (public_records(d, TODAY) for d in (FIXTURES / "minimal" / "data", data))
    [change] = [c for c in compare(before, after) if c.record_type == "statistics"]
    assert change.fields, "the added point is a change"
    assert all((f.before or "") != (f.after or "") for f in change.fields), change.fields
    assert any(f.after == "12" for f in change.fields)
