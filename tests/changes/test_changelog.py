"""The public changelog from git history: golden page and feed, drafts hidden, no-history builds."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import feedparser
import pytest

from macros.changes.changelog import build_changelog
from macros.data.validate import load_dataset
from macros.exports.feed import atom
from macros.site.pages import changes_pages
from macros.site.views.changes import addresses, entry_html
from tests.conftest import FIXTURES, GOLDEN_DIR, build, html, page
from tests.data_repo import edit, git, make_data_repo

GOLDEN = GOLDEN_DIR / "changelog"
TODAY = dt.date(2023, 10, 1)
SITE_URL = "https://csp.example.org/"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return make_data_repo(tmp_path_factory.mktemp("repo"))


@pytest.fixture(scope="module")
def changelog(repo):
    return build_changelog(repo / "data", TODAY)


def test_each_data_commit_is_an_entry_newest_first_with_field_changes_and_removals(changelog):
    assert changelog.unavailable is None
    assert [e.title for e in changelog.entries] == [
        "Removed the campaign Test Awareness Week; changed the topics of Police emergency; "
        "added the route Testshire Fraud Line",
        "Changed the status of Deliver training to frontline staff; changed the amount of "
        "County Lines theatre production",
        "Added 17 records"]  # titles say what changed; the Public-summary trailer goes beside them
    assert [e.summary for e in changelog.entries] == [
        "Awareness week removed; fraud line added",
        "Theatre grant raised to £9,200; training completed", None]
    latest, middle, first = changelog.entries
    amount = {(c.record_id, f.field): (f.before, f.after) for c in middle.changes for f in c.fields}
    assert amount[("test-theatre", "amount")] == ("8700", "9200")
    [shown] = [(f.label, f.before_shown, f.after_shown) for c in middle.changes for f in c.fields
               if f.field == "amount"]
    assert shown == ("Amount", "£8,700", "£9,200")  # as staff name it, as readers see it
    assert ("removed", "test-awareness-week") in {(c.kind, c.record_id) for c in latest.changes}
    assert {c.kind for c in first.changes} == {"added"}


def test_drafts_never_appear_in_the_public_changelog(changelog):
    named = {c.record_id for e in changelog.entries for c in e.changes}
    assert "test-draft-campaign" not in named
    assert "test-awareness-week" in named


def test_the_changelog_page_is_as_expected(repo, changelog, golden):
    dataset = load_dataset(repo / "data", TODAY)
    [page] = changes_pages(dataset, changelog)  # three changes: one page
    golden(GOLDEN / "changes.html", page.body)


def test_the_atom_feed_is_valid_and_as_expected(repo, changelog, golden):
    dataset = load_dataset(repo / "data", TODAY)
    live = {(t, r.id) for t in dataset.records for r in dataset.all(t)}
    at = addresses(changelog)
    xml = atom(changelog, "Testshire CSP", SITE_URL, lambda entry: entry_html(entry, SITE_URL, live),
               lambda entry: at[entry.short])
    golden(GOLDEN / "feed.xml", xml.decode("utf-8"))
    feed = feedparser.parse(xml)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Testshire CSP: what changed"
    assert [e.title for e in feed.entries] == [e.title for e in changelog.entries]
    assert feed.entries[1].summary == "Theatre grant raised to £9,200; training completed"
    assert len({e.id for e in feed.entries}) == 3
    assert all(e.id.startswith("tag:csp.example.org,") for e in feed.entries)
    assert all(e.updated_parsed and e.link.startswith(SITE_URL + "changes/#change-") for e in feed.entries)
    assert "£9,200" in feed.entries[1].content[0].value


def test_a_draft_edit_says_nothing_and_publishing_it_shows_as_added(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "minimal" / "data", repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "Start")
    campaigns = repo / "data" / "campaigns.yml"
    edit(campaigns, "  name: Zebracorn draft campaign\n", "  name: Zebracorn secret plan\n")
    git(repo, "commit", "-q", "-am", "Draft edit")
    edit(campaigns, "  visibility: draft\n", "")
    git(repo, "commit", "-q", "-am", "Publish the campaign")
    entries = build_changelog(repo / "data", TODAY).entries
    assert [e.title for e in entries] == ["Added the campaign Zebracorn secret plan", "Added 17 records"]
    assert [(c.kind, c.record_id) for c in entries[0].changes] == [("added", "test-draft-campaign")]


def test_record_pages_say_when_they_last_changed_and_link_to_the_change(repo, changelog, tmp_path):
    site = tmp_path / "site"
    run = build(repo / "data", site, today=TODAY.isoformat())
    assert run.returncode == 0, run.stdout + run.stderr
    [about] = html(site, "funding/test-theatre").cssselect(".csp-record-about")
    middle = changelog.entries[1]
    assert about.text_content().startswith("Last changed 1 August 2023")
    assert about.cssselect('time[datetime="2023-08-01"]')
    assert about.cssselect(f'a[href$="changes/#change-{middle.short}"]')
    assert "Theatre grant raised" in page(site, "changes")
    assert (site / "changes" / "feed.xml").is_file()


def test_a_build_without_git_history_succeeds_and_says_the_changelog_is_unavailable(tmp_path):
    data = tmp_path / "data"  # a plain folder of files, as from a downloaded zip
    shutil.copytree(FIXTURES / "minimal" / "data", data)
    site = tmp_path / "site"
    run = build(data, site)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "The changelog is unavailable" in page(site, "changes")
    assert not (site / "changes" / "feed.xml").exists()
    assert "Last changed" not in page(site, "funding/test-theatre")


def test_a_shallow_clone_is_not_mistaken_for_the_whole_history(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    changelog = build_changelog(clone / "data", TODAY)
    assert changelog.entries == () and "shallow clone" in changelog.unavailable


def test_a_long_history_is_paged_by_year_and_a_large_import_is_counted_not_listed(repo):
    """A national import adds thousands of records in one commit, and years of edits follow: every
    page of the changelog stays small, and every change stays reachable from record pages."""
    import lxml.html

    from macros.changes.changelog import RECORDS_LISTED, Changelog, Entry
    from macros.changes.history import FieldChange, RecordChange
    from macros.site.views.changes import ENTRIES_PER_PAGE, addresses

    dataset = load_dataset(repo / "data", TODAY)
    added = tuple(RecordChange("added", "campaigns", f"campaign-{n}", f"Campaign {n}", "campaigns.yml")
                  for n in range(5000))
    edits = [Entry(f"{n:07x}".ljust(40, "0"), dt.datetime(2022 + n // 20, 1 + n % 12, 1, tzinfo=dt.UTC),
                   f"Edit {n}",
                   (RecordChange("changed", "campaigns", "campaign-1", "Campaign 1", "campaigns.yml",
                                 (FieldChange("name", "Old", f"New {n}"),)),))
             for n in range(1, 45)]
    history = Changelog(tuple(sorted([*edits, Entry("f" * 40, dt.datetime(2022, 1, 1, tzinfo=dt.UTC),
                                                           "Import", added)],
                                     key=lambda e: e.date, reverse=True)))
    pages = changes_pages(dataset, history)
    assert pages[0].src_uri == "changes.md" and len(pages) >= len(history.entries) / ENTRIES_PER_PAGE
    shown = {}
    for changes in pages:
        body = changes.body
        assert len(body) < 100_000, changes.src_uri
        doc = lxml.html.fromstring(body)
        sections = doc.cssselect("section.csp-change")
        assert 0 < len(sections) <= ENTRIES_PER_PAGE
        years = {s.cssselect("h2")[0].text_content().split(":")[0][-4:] for s in sections}
        assert len(years) == 1, f"{changes.src_uri} mixes years {years}"
        assert doc.cssselect('nav.csp-years [aria-current="page"]')
        for section in sections:
            shown[section.get("id")] = changes.src_uri
    assert len(shown) == len(history.entries)
    for address in addresses(history).values():
        path, anchor = address.split("#")
        assert shown[anchor] == path.rstrip("/") + ".md"
    import_page = next(p for p in pages if shown["change-fffffff"] == p.src_uri)
    [section] = [s for s in lxml.html.fromstring(import_page.body).cssselect("section.csp-change")
                 if s.get("id") == "change-fffffff"]
    assert len(section.cssselect("li")) == RECORDS_LISTED
    assert "And 4,980 more records added" in section.text_content()
    assert "5,000 records" in section.text_content()
