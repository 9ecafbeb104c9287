"""Renamed records: `replaces:` names the old ids whose addresses now redirect to the record.

An old address redirects to one record only, and only once no record has that id any more
(otherwise two pages would claim one address). Whether a published id may disappear at all is
checked against the published version, by `cspsite diff --checks` (changes/permanent.py).
"""

from __future__ import annotations

from macros.data.parse import Parsed, field_name
from macros.data.problems import Problem
from macros.model.catalogue import Rule, shown


def check_replaces(records: list[Parsed]) -> list[Problem]:
    ids = {(p.raw.record_type, p.record.id) for p in records if isinstance(p.record.id, str)}
    first: dict[tuple[str, str], Parsed] = {}
    problems = []
    for p in records:
        written_as_list = isinstance(p.raw.data.get("replaces"), list)
        for index, old in enumerate(getattr(p.record, "replaces", None) or []):
            loc = ("replaces", index) if written_as_list else ("replaces",)
            key = (p.raw.record_type, old)
            message = None
            if key in ids:
                message = (f"{shown(old)} is still the id of a record, so its address cannot redirect "
                           "here; remove it from replaces (a record replaces an id only once no record "
                           "has it)")
            elif key in first:
                other = first[key]
                message = (f"{shown(old)} is already replaced by '{other.record.id}' at "
                           f"{other.raw.path}:{other.raw.line}; an old address redirects to one record "
                           "only, so keep it in one of them")
            else:
                first[key] = p
            if message:
                problems.append(Problem(p.raw.path, p.raw.line_of(loc), field_name(loc), message,
                                        Rule.REPLACES, record=(p.raw.record_type, p.record.id)))
    return problems
