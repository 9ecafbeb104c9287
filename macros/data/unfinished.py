"""Skeletons block publishing until they are filled in.

`cspsite new` writes a draft whose placeholders say TODO: text values that start with it, and
`# TODO` comments beside values it had to choose (an amount of 0, an organisation). While the
record is a draft they are fine; once it would be published, each is an error naming its field,
so a name that still says TODO never reaches the site.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from macros.data.parse import Parsed, field_name
from macros.data.problems import Problem
from macros.data.yaml_reader import LineList, LineMap
from macros.model.catalogue import Rule, shown

MARKER = "TODO"
_COMMENT = re.compile(r"#.*\bTODO\b")


def _leaves(node, loc: tuple = ()):
    """(loc, line, value) for every field and list item, outermost first."""
    if isinstance(node, LineMap):
        for key, value in node.items():
            yield (*loc, key), node.key_lines.get(key), value
            yield from _leaves(value, (*loc, key))
    elif isinstance(node, LineList):
        for index, value in enumerate(node):
            yield (*loc, index), node.item_lines[index], value
            yield from _leaves(value, (*loc, index))


def _comment_lines(path: str, cache: dict[str, set[int]]) -> set[int]:
    if path not in cache:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        cache[path] = ({n for n, line in enumerate(text.splitlines(), start=1) if _COMMENT.search(line)}
                       if MARKER in text else set())
    return cache[path]


def check_unfinished(records: list[Parsed], today: dt.date) -> list[Problem]:
    problems = []
    comments: dict[str, set[int]] = {}
    for p in records:
        if not p.record.is_published(today):
            continue
        marked = _comment_lines(p.raw.path, comments)
        at_line: dict[int, tuple] = {}
        for loc, line, value in _leaves(p.raw.data):
            if isinstance(value, str) and value.lstrip().upper().startswith(MARKER):
                problems.append(Problem(p.raw.path, line or p.raw.line, field_name(loc),
                                        f"{shown(value)} is a placeholder from 'cspsite new'; write the "
                                        "real value before publishing (or keep the record a draft)",
                                        Rule.UNFINISHED, record=(p.raw.record_type, p.record.id)))
            elif line in marked and not isinstance(value, LineMap | LineList):
                at_line[line] = loc
        for line, loc in at_line.items():
            problems.append(Problem(p.raw.path, line, field_name(loc),
                                    "this value is marked '# TODO' by 'cspsite new'; check it, then delete "
                                    "the TODO comment before publishing (or keep the record a draft)",
                                    Rule.UNFINISHED, record=(p.raw.record_type, p.record.id)))
    return problems
