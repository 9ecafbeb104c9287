"""Rules that keep the data to what the reports say: no record or value that only stands in for a
missing fact, and every source traceable to its original."""

from __future__ import annotations

import re

from macros.data.parse import Parsed, field_name
from macros.data.problems import Problem, Severity
from macros.model.catalogue import Rule, shown
from macros.model.sources import SourceKind

# Words that mean "we do not know": a record or a name made of them exists only to fill a field.
PLACEHOLDER = re.compile(r"\b(not named|not known|unknown|unnamed|tbc|tbd|to be confirmed|n/?a|"
                         r"placeholder|not stated|not given)\b", re.IGNORECASE)
NAMING_FIELDS = ("name", "title", "short_name")


def placeholder_in(text: object) -> str | None:
    match = PLACEHOLDER.search(text.replace("-", " ")) if isinstance(text, str) else None
    return match.group(0) if match else None


def check_placeholders(records: list[Parsed]) -> list[Problem]:
    """An id or a name that says the fact is unknown is a placeholder, never a record."""
    problems = []
    for p in records:
        for name in ("id", *NAMING_FIELDS):
            value = getattr(p.record, name, None)
            word = placeholder_in(value)
            if word:
                problems.append(Problem(
                    p.raw.path, p.raw.line_of((name,)), field_name((name,)),
                    f"{shown(value)} stands in for a fact the report does not give ('{word}'); delete "
                    "this record and leave out the fields that name it: the site shows a missing fact "
                    "as not stated in the report", Rule.PLACEHOLDER, Severity.error,
                    (p.raw.record_type, p.record.id)))
                break
    return problems


def check_source_urls(records: list[Parsed]) -> list[Problem]:
    """Readers should be able to open the original; the site says plainly when they cannot."""
    return [Problem(p.raw.path, p.raw.line_of(("title",)), "url",
                    "this document has no url, so the site says its original is not linked; "
                    "add url: with its address when it is published online", Rule.NO_URL,
                    Severity.warning, (p.raw.record_type, p.record.id))
            for p in records if p.raw.record_type == "sources" and getattr(p.record, "url", None) is None
            and getattr(p.record, "kind", None) is not SourceKind.editors]
