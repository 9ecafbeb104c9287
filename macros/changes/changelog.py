"""The public record of change: what was published, state by state, field by field.

Built from the published states of published.py: the first-parent history of the published
branch, only the states that validate, only the records that were public in them on their day.
Each entry compares a state with the last valid one before it.

A record that is draft or restricted now shows nothing of its content from any time: its
changes are taken out of every entry, which then says how many records were withdrawn (a
record taken down must not live on in the changelog, the feed or the search index). A record
that is public now, closed services included, keeps its public history; so does one deleted
from the files, which was public until then.

Commit messages are not published: an editor writes them for reviewers. An entry's title says
what changed in plain words ("Changed the hours of Suffolk Domestic Abuse Helpline", words.py);
the commit's `Public-summary:` trailer is shown beside it when it passes the checks of any
public text and names no withdrawn record. Without history (a download of the files, or a shallow clone)
there is no changelog, and the site says so instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from macros.changes.history import RecordChange, compare, git
from macros.changes.published import Commit, published_states
from macros.changes.words import headline
from macros.data.load import load_data
from macros.model import RECORD_TYPES
from macros.model.fields import check_text

RECORDS_LISTED = 20  # an import of thousands of records is counted, not listed record by record
HIDDEN_NOW = {"draft", "restricted"}
SUMMARY_MAX_CHARS = 200
WITHDRAWN_VALUE = "a record since withdrawn from the site"
NAME_IN_TEXT = 8  # a withdrawn record's name this long is looked for inside other values too
_TRAILER = re.compile(r"^Public-summary:[ \t]*(.+)$", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One published state that changed public records."""

    commit: str
    date: dt.datetime
    title: str  # what changed, in plain words (words.headline)
    changes: tuple[RecordChange, ...]
    withdrawn: int = 0  # records changed here that are withdrawn now: not shown
    summary: str | None = None  # the commit's Public-summary trailer, when it passed the checks

    @property
    def short(self) -> str:
        return self.commit[:7]

    @property
    def listed(self) -> tuple[RecordChange, ...]:
        return self.changes[:RECORDS_LISTED]

    @property
    def unlisted(self) -> dict[str, int]:
        """How many records past the first RECORDS_LISTED were added, changed or removed."""
        counts: dict[str, int] = {}
        for change in self.changes[RECORDS_LISTED:]:
            counts[change.kind] = counts.get(change.kind, 0) + 1
        return counts


@dataclass(frozen=True)
class Changelog:
    entries: tuple[Entry, ...]  # newest first
    unavailable: str | None = None  # why there is no changelog, in words for the page

    def last_changed(self) -> dict[tuple[str, str], Entry]:
        """The latest change that added or changed each record."""
        found: dict[tuple[str, str], Entry] = {}
        for entry in self.entries:
            for change in entry.changes:
                if change.kind != "removed":
                    found.setdefault((change.record_type, change.record_id), entry)
        return found


def unavailable(reason: str) -> Changelog:
    return Changelog((), reason)


def public_summary(message: str, withheld: set[str] = frozenset()) -> str | None:
    """A commit's Public-summary trailer, if it is one line of plain public text that names no
    withdrawn record; otherwise None."""
    found = _TRAILER.findall(message)
    if not found:
        return None
    summary = " ".join(found[-1].split())
    if not summary or len(summary) > SUMMARY_MAX_CHARS:
        return None
    try:
        check_text(summary)
    except ValueError:  # template code, HTML or an e-mail address: never published
        return None
    lowered = summary.lower()
    if any(word.lower() in lowered for word in withheld if len(word) > 2):
        return None
    return summary


def withdrawn_now(data_dir: Path, today: dt.date) -> dict[tuple[str, str], set[str]]:
    """The records that are draft, restricted or under embargo in the data being built: their
    names and ids, which nothing in the changelog may show."""
    raws, _ = load_data(data_dir)
    hidden: dict[tuple[str, str], set[str]] = {}
    for raw in raws:
        record_id = raw.data.get("id")
        if not isinstance(record_id, str):
            continue
        embargo = raw.data.get("embargo_until")
        embargoed = isinstance(embargo, str) and embargo[:10] > today.isoformat()
        if str(raw.data.get("visibility", "public")) in HIDDEN_NOW or embargoed:
            hidden[(raw.record_type, record_id)] = {record_id, RECORD_TYPES[raw.record_type].label(raw.data)}
    return hidden


def _repository(data_dir: Path) -> tuple[Path, str] | None:
    """The repository holding data_dir and the folder's path inside it, or None."""
    try:
        top = git(data_dir, "rev-parse", "--show-toplevel").decode().strip()
        prefix = git(data_dir, "rev-parse", "--show-prefix").decode().strip().rstrip("/")
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError):
        return None
    return Path(top), prefix


def _names_withdrawn(value: str | None, words: set[str]) -> bool:
    """Whether a value names a withdrawn record: its id or name as one item of the value (a
    reference, or a list of them), or its name anywhere in it."""
    if not value:
        return False
    items = {item.strip().lower() for item in value.split(",")}
    lowered = value.lower()
    return any(word.lower() in items or (len(word) >= NAME_IN_TEXT and word.lower() in lowered)
               for word in words)


def _scrubbed(change: RecordChange, words: set[str]) -> RecordChange:
    """A public record's change with every value that names a withdrawn record replaced: a
    project whose recipient is now restricted shows that the recipient changed, never who."""
    if not words or not change.fields:
        return change
    fields = []
    for field in change.fields:
        if any(_names_withdrawn(v, words) for v in (field.before, field.after, field.before_shown,
                                                     field.after_shown)):
            field = replace(field, before=field.before and WITHDRAWN_VALUE,
                            after=field.after and WITHDRAWN_VALUE,
                            before_shown=field.before_shown and WITHDRAWN_VALUE,
                            after_shown=field.after_shown and WITHDRAWN_VALUE)
        fields.append(field)
    return replace(change, fields=tuple(fields))


def _entry(commit: Commit, changes: list[RecordChange], hidden: dict) -> Entry | None:
    """One published state's entry. Nothing in it may name a record withdrawn now, whether that
    record changed here or not: a summary or a value naming one is withheld."""
    withheld = {word for words in hidden.values() for word in words}
    shown = tuple(_scrubbed(c, withheld) for c in changes if (c.record_type, c.record_id) not in hidden)
    withdrawn = len(changes) - len(shown)
    if not changes:
        return None  # a state that changed only drafts or comments says nothing in public
    return Entry(commit.sha, commit.date, headline(shown, withdrawn), shown, withdrawn,
                 public_summary(commit.message, withheld))


def build_changelog(data_dir: Path, today: dt.date) -> Changelog:
    found = _repository(Path(data_dir))
    if found is None:
        return unavailable("this copy of the site was built from files without their git history")
    repo, data = found
    if git(repo, "rev-parse", "--is-shallow-repository").decode().strip() == "true":
        return unavailable("this copy was built from a shallow clone, which holds only recent history")
    states = published_states(repo, data)
    if not states:
        return unavailable("the data folder has no published history yet")
    hidden = withdrawn_now(Path(data_dir), today)
    for state in states:  # every name a withdrawn record had while public is withheld too
        for key, words in hidden.items():
            if state.records and key in state.records:
                words.add(state.records[key][1])
    entries, before = [], {}
    for state in states:
        if state.records is None:
            continue  # it did not validate, so it was never published: its changes show with the next
        entry = _entry(state.commit, compare(before, state.records), hidden)
        if entry:
            entries.append(entry)
        before = state.records
    return Changelog(tuple(reversed(entries)))
