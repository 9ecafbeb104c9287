"""The changelog publishes only what was published (issue 15's two leaks, reproduced).

A fixture repository: on a branch, an inner commit makes the draft campaign public and gives a
route a person's e-mail address (the validator refuses it), and a later commit puts both back;
the branch is merged. On main, an organisation is published under a name, named as a public
project's recipient, then restricted (and the reference removed). A
commit message says something that must stay private. A build of that repository holds none of
these canaries in any file: pages (their plain-word entries), feed, per-change CSVs, open data,
the search index, and inside every gzip or zip file (XLSX included) and SQLite database it writes.
"""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from macros.changes.changelog import build_changelog, public_summary
from tests.conftest import FIXTURES, build
from tests.data_repo import edit, git

E_MAIL = "jane.canary@testshire.gov.uk"
DRAFT_NAME = "Zebracorn draft campaign"
RESTRICTED_NAME = "Kestrel Canary Trust"
PRIVATE_MESSAGE = "Osprey-canary asked for this"
CANARIES = [E_MAIL, DRAFT_NAME, "Zebracorn", RESTRICTED_NAME, "Kestrel", "kestrel-canary-trust",
            "Osprey-canary"]
TODAY = "2023-12-01"

ORGANISATION = f"""- id: kestrel-canary-trust
  name: {RESTRICTED_NAME}
  kind: charity
  sources: [{{document: test-report, section: "1.2"}}]
"""


def make_leaky_repo(repo: Path) -> Path:
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "minimal" / "data", repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "Start", date="2023-07-01T09:00:00+01:00")

    git(repo, "checkout", "-q", "-b", "helpline-email")
    edit(repo / "data/campaigns.yml", "  visibility: draft\n", "")
    edit(repo / "data/routes.yml", "      open_24_7: true\n",
         f"      open_24_7: true\n    - kind: email\n      email: {E_MAIL}\n")
    git(repo, "commit", "-q", "-am", f"Publish the campaign; {PRIVATE_MESSAGE}",
        date="2023-08-02T09:00:00+01:00")
    edit(repo / "data/campaigns.yml", "- id: test-draft-campaign\n",
         "- id: test-draft-campaign\n  visibility: draft\n")
    edit(repo / "data/routes.yml", f"    - kind: email\n      email: {E_MAIL}\n", "")
    edit(repo / "data/funded-projects/test.yml", "  amount: 8700\n", "  amount: 9200\n")
    git(repo, "commit", "-q", "-am", "Back to draft; raise the theatre grant",
        date="2023-08-03T09:00:00+01:00")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "helpline-email", "-m", "Merge helpline-email",
        "-m", "Public-summary: Theatre grant raised", date="2023-08-04T09:00:00+01:00")

    organisations = repo / "data/organisations.yml"
    organisations.write_text(organisations.read_text() + ORGANISATION)
    projects = repo / "data/funded-projects/test.yml"
    edit(projects, "  amount: 9200\n", "  amount: 9200\n  recipient: kestrel-canary-trust\n")
    git(repo, "commit", "-q", "-am", "Add a trust", "-m", f"Public-summary: {RESTRICTED_NAME} added",
        date="2023-09-01T09:00:00+01:00")
    edit(organisations, "- id: kestrel-canary-trust\n",
         "- id: kestrel-canary-trust\n  visibility: restricted\n")
    edit(projects, "  recipient: kestrel-canary-trust\n", "")  # a public record may not name it now
    git(repo, "commit", "-q", "-am", "Restrict the trust", date="2023-10-01T09:00:00+01:00")
    return repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return make_leaky_repo(tmp_path_factory.mktemp("leaky"))


def _texts(content: bytes, name: str):
    """The bytes of a file and of everything compressed inside it."""
    yield name, content
    if content[:2] == b"\x1f\x8b":
        try:
            yield from _texts(gzip.decompress(content), name + " (gunzipped)")
        except (OSError, EOFError):
            pass
    if content[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for member in archive.namelist():
                yield from _texts(archive.read(member), f"{name}!{member}")


def test_the_changelog_holds_only_published_states_and_values(repo):
    import datetime as dt

    changelog = build_changelog(repo / "data", dt.date.fromisoformat(TODAY))
    text = repr(changelog.entries)
    for canary in CANARIES:
        assert canary not in text, canary
    merge = next(e for e in changelog.entries if e.summary == "Theatre grant raised")
    assert merge.title == "Changed the amount of County Lines theatre production"
    assert [(c.kind, c.record_id) for c in merge.changes] == [("changed", "test-theatre")]
    withdrawn = [e for e in changelog.entries if e.withdrawn]
    assert len(withdrawn) == 2  # added, then restricted; a public project named it meanwhile
    assert all(e.title == "Changed the recipient of County Lines theatre production; "
               "1 record withdrawn from the site" for e in withdrawn)
    assert all(e.summary is None for e in withdrawn)  # its summary named the record
    values = {(f.label, f.before_shown, f.after_shown)
              for e in withdrawn for c in e.changes for f in c.fields}
    assert values == {("Recipient", "", "a record since withdrawn from the site"),
                      ("Recipient", "a record since withdrawn from the site", "")}


def test_a_build_of_the_repository_publishes_no_canary_in_any_file(repo, tmp_path):
    site = tmp_path / "site"
    run = build(repo / "data", site, today=TODAY)
    assert run.returncode == 0, run.stdout + run.stderr
    found = []
    files = [path for path in site.rglob("*") if path.is_file()]
    assert any(p.parts[-2:] == ("changes", "feed.xml") for p in files)
    assert any("pagefind" in p.parts for p in files), "the search index is checked too"
    csvs = [p for p in files if p.parts[-3:-1] == ("changes", "csv")]
    assert csvs, "the per-change CSVs are checked too"
    for path in files:
        for name, content in _texts(path.read_bytes(), str(path.relative_to(site))):
            for canary in CANARIES:
                if canary.encode() in content or canary.lower().encode() in content.lower():
                    found.append(f"{canary!r} in {name}")
    assert found == []
    changes = (site / "changes" / "index.html").read_text()
    assert "Theatre grant raised" in changes and "withdrawn" in changes
    assert "Changed the amount of" in changes  # the plain-word entries are checked too
    assert any("£9,200" in p.read_text(encoding="utf-8") for p in csvs)


@pytest.mark.parametrize("message, summary", [
    ("Fix a typo", None),
    ("Fix a typo\n\nPublic-summary: Typo fixed in a route's name", "Typo fixed in a route's name"),
    ("x\n\nPublic-summary: Write to jane.smith@council.example", None),
    ("x\n\nPublic-summary: {{ config }}", None),
    ("x\n\nPublic-summary: <script>alert(1)</script>", None),
    ("x\n\nPublic-summary: " + "long " * 60, None),
])
def test_a_commit_message_is_published_only_as_a_public_summary_that_passes_the_checks(message, summary):
    assert public_summary(message) == summary


def test_a_state_that_does_not_validate_was_never_published_and_its_changes_show_with_the_next(tmp_path):
    import datetime as dt

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "minimal" / "data", repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "Start", date="2023-07-01T09:00:00+01:00")
    projects = repo / "data/funded-projects/test.yml"
    edit(projects, "  amount: 8700\n", "  amount: £9,999\n")  # refused: never built, never published
    edit(projects, "  title: County Lines theatre production\n", "  title: Theatre on tour\n")
    git(repo, "commit", "-q", "-am", "Broken", date="2023-08-01T09:00:00+01:00")
    edit(projects, "  amount: £9,999\n", "  amount: 9200\n")
    git(repo, "commit", "-q", "-am", "Fixed", date="2023-08-02T09:00:00+01:00")
    entries = build_changelog(repo / "data", dt.date(2023, 9, 1)).entries
    assert len(entries) == 2
    fields = {(f.field, f.before, f.after) for c in entries[0].changes for f in c.fields}
    assert fields == {("amount", "8700", "9200"),
                      ("title", "County Lines theatre production", "Theatre on tour")}
    assert "9,999" not in repr(entries)


def test_a_record_renamed_then_restricted_is_named_nowhere_by_any_of_its_names(tmp_path):
    """Its earlier name, in another record's value or in a summary of a change that did not touch
    it, is withheld as well as its name now."""
    import datetime as dt

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURES / "minimal" / "data", repo / "data")
    organisations = repo / "data/organisations.yml"
    first_name = ORGANISATION.replace(RESTRICTED_NAME, "Heron Canary Fund")
    organisations.write_text(organisations.read_text() + first_name)
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "Start", date="2023-07-01T09:00:00+01:00")
    projects = repo / "data/funded-projects/test.yml"
    edit(projects, "  amount: 8700\n", "  amount: 8700\n  recipient: kestrel-canary-trust\n")
    git(repo, "commit", "-q", "-am", "Pay", "-m", "Public-summary: Theatre grant paid to Heron Canary Fund",
        date="2023-08-01T09:00:00+01:00")
    edit(organisations, "  name: Heron Canary Fund\n", f"  name: {RESTRICTED_NAME}\n")
    git(repo, "commit", "-q", "-am", "Rename", date="2023-09-01T09:00:00+01:00")
    edit(organisations, "- id: kestrel-canary-trust\n",
         "- id: kestrel-canary-trust\n  visibility: restricted\n")
    edit(projects, "  recipient: kestrel-canary-trust\n", "")
    git(repo, "commit", "-q", "-am", "Restrict", date="2023-10-01T09:00:00+01:00")
    changelog = build_changelog(repo / "data", dt.date(2023, 12, 1))
    text = repr(changelog.entries)
    for canary in ("Heron", "Kestrel", "kestrel-canary-trust"):
        assert canary not in text, canary
    assert [e.title for e in changelog.entries] == [
        "Changed the recipient of County Lines theatre production; 1 record withdrawn from the site",
        "1 record withdrawn from the site",
        "Changed the recipient of County Lines theatre production",
        "Added 17 records; 1 record withdrawn from the site"]
