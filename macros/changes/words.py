"""What changed, in plain words: one sentence per record, and a headline for each change.

"Changed the hours of Suffolk Domestic Abuse Helpline", "Added the funded project County Lines
theatre production", "Retired the route Testshire Helpline (closed)": built from the record
type's noun (model/registry.py), the record's label and the fields' names as staff see them
(fields.py). The public changelog, its feed and CSVs, and the pull-request summary all say it
the same way.
"""

from __future__ import annotations

from macros.changes.history import FieldChange, RecordChange
from macros.model import RECORD_TYPES

RETIRED = frozenset({"closed", "retired", "ended"})  # a status saying the service ended
CLOSED_ON = "closed_on"  # the date a record closed: retired, kept published with its history
WITHDRAWN = frozenset({"draft", "restricted"})  # taken off the site: nothing of it is published
SENTENCES_IN_HEADLINE = 3  # more records than this in one change are counted, not listed
NAME_MAX = 90
FIELDS_NAMED = 3


def noun(record_type: str) -> str:
    """'funded project', 'route', 'action'."""
    return RECORD_TYPES[record_type].noun.replace("-", " ")


def _name(change: RecordChange) -> str:
    name = " ".join(change.name.split())
    return name if len(name) <= NAME_MAX else name[:NAME_MAX - 1].rstrip() + "…"


def _top(field: FieldChange, top: str) -> bool:
    return field.field == top


def retired_as(change: RecordChange) -> str | None:
    """How a changed record was retired ('closed', 'closed on 31 March 2024'), or None: a closing
    date set where there was none, or a status that says it ended."""
    for field in change.fields:
        if _top(field, CLOSED_ON) and field.after and not field.before:
            return f"closed on {field.after_shown or field.after}"
        if _top(field, "status") and (field.after or "").lower() in RETIRED:
            return field.after_shown or field.after
    return None


def withdrawn_as(change: RecordChange) -> str | None:
    """The visibility a record was taken off the site with ('restricted'), or None. Only the
    files as written say it: the published states hold public records alone."""
    for field in change.fields:
        if _top(field, "visibility") and (field.after or "") in WITHDRAWN:
            return field.after
    return None


def kind_of(change: RecordChange) -> str:
    """added, removed, changed, retired (closed, kept with its history) or withdrawn (draft or
    restricted: off the site)."""
    if change.kind == "changed":
        if withdrawn_as(change):
            return "withdrawn"
        if retired_as(change):
            return "retired"
    return change.kind


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _counted(count: int, thing: str) -> str:
    article = "an" if thing[:1] in "aeiou" else "a"
    return f"{article} {thing}" if count == 1 else f"{count:,} {thing}s"


def field_parts(change: RecordChange) -> tuple[list[str], dict[tuple[str, str], int]]:
    """The fields changed, by name ('the hours'), and the list items added or removed whole, by
    (kind, noun): how many."""
    named: list[str] = []
    items: dict[tuple[str, str], set[str]] = {}
    for field in change.fields:
        if field.item is not None:
            kind, path, item_noun = field.item
            items.setdefault((kind, item_noun), set()).add(path)
            continue
        short = field.short or field.field
        if short not in named:
            named.append(short)
    return [f"the {short}" for short in named], {key: len(paths) for key, paths in items.items()}


def _changed(change: RecordChange, name: str) -> tuple[str, str]:
    """(what comes before the record's name, what comes after it) for a changed record."""
    named, items = field_parts(change)
    if not named and not items:
        return f"Changed the {noun(change.record_type)} ", ""
    after = [f"{kind} {_counted(count, item_noun)}" for (kind, item_noun), count in items.items()]
    if named:
        shown = named[:FIELDS_NAMED]
        if len(named) > FIELDS_NAMED:
            rest = len(named) - FIELDS_NAMED
            shown.append(f"{rest} other field{'s' if rest != 1 else ''}")
        return f"Changed {_and(shown)} of ", "".join(f"; {clause}" for clause in after)
    (kind, item_noun), count = next(iter(items.items()))
    first = f"{kind.capitalize()} {_counted(count, item_noun)} {'to' if kind == 'added' else 'from'} "
    return first, "".join(f"; {clause}" for clause in after[1:])


def sentence_parts(change: RecordChange) -> tuple[str, str, str]:
    """One record's change as (words before its name, its name, words after), so a page can
    link the name: ('Changed the amount of ', 'County Lines theatre production', '')."""
    what, name = noun(change.record_type), _name(change)
    kind = kind_of(change)
    if kind == "added":
        return f"Added the {what} ", name, ""
    if kind == "removed":
        return f"Removed the {what} ", name, ""
    if kind == "retired":
        return f"Retired the {what} ", name, f" ({retired_as(change)})"
    if kind == "withdrawn":
        return f"Withdrew the {what} ", name, f" from the site ({withdrawn_as(change)})"
    before, after = _changed(change, name)
    return before, name, after


def sentence(change: RecordChange) -> str:
    """One record's change in a sentence: 'Changed the hours of Suffolk Domestic Abuse Helpline'."""
    return "".join(sentence_parts(change))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _plural(count: int, thing: str) -> str:
    if count == 1:
        return f"1 {thing}"
    return f"{count:,} {thing[:-1] + 'ies' if thing.endswith('y') else thing + 's'}"


def _records(group: list[RecordChange]) -> str:
    """'6 routes', '8 records (5 areas and 3 organisations)', or '248 records' of many kinds."""
    counts: dict[str, int] = {}
    for change in group:
        counts[change.record_type] = counts.get(change.record_type, 0) + 1
    if len(counts) == 1:
        return _plural(len(group), noun(group[0].record_type))
    records = _plural(len(group), "record")
    if len(counts) > 3:
        return records
    return f"{records} ({_and([_plural(n, noun(t)) for t, n in counts.items()])})"


def headline(changes: tuple[RecordChange, ...], withdrawn: int = 0) -> str:
    """A change's title: its records' sentences when there are few, else how many of each."""
    if changes and len(changes) <= SENTENCES_IN_HEADLINE:
        parts = [sentence(changes[0]), *(_lower_first(sentence(c)) for c in changes[1:])]
    else:
        parts = []
        for kind in ("added", "changed", "retired", "removed"):
            group = [c for c in changes if kind_of(c) == kind]
            if group:
                parts.append(f"{kind} {_records(group)}")
        if parts:
            parts[0] = parts[0][0].upper() + parts[0][1:]
    if withdrawn:
        gone = f"{withdrawn:,} record{'s' if withdrawn != 1 else ''} withdrawn from the site"
        parts.append(gone if parts else gone[0].upper() + gone[1:])
    return "; ".join(parts) if parts else "Published data updated"
