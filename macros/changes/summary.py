"""The change summary people read: in the terminal (`cspsite diff`) and on a pull request."""

from __future__ import annotations

import re

from macros.changes.history import RecordChange
from macros.changes.touched import Shown
from macros.changes.words import kind_of, sentence, sentence_parts
from macros.data.problems import Problem, errors, warnings
from macros.model import RECORD_TYPES

KINDS = [("added", "Added"), ("changed", "Changed"), ("retired", "Retired (kept, with its history)"),
         ("withdrawn", "Withdrawn from the site (the changelog counts it, shows nothing of it)"),
         ("removed", "Removed")]
MARK = {"added": "+", "changed": "~", "retired": "x", "withdrawn": "!", "removed": "-"}


def _value(text: str | None) -> str:
    return "(none)" if text in (None, "") else repr(text) if len(text) < 70 else repr(text[:67] + "...")


def _count(changes: list[RecordChange]) -> str:
    counts = {kind: sum(kind_of(c) == kind for c in changes) for kind, _ in KINDS}
    parts = [f"{count} {kind}" for kind, count in counts.items()
             if count or kind in ("added", "changed", "removed")]
    return ", ".join(parts)


def _field(f) -> str:
    """A field where it is written, and inside a list also as the forms name it: 'amount',
    'Hours of the 1st channel (channels[1].hours)'."""
    return f"{f.name} ({f.field})" if f.name and ("." in f.field or "[" in f.field) else f.field


def _md_field(f) -> str:
    nested = f.name and ("." in f.field or "[" in f.field)
    return f"{_cell(f.name)} (`{f.field}`)" if nested else f"`{f.field}`"


def _not_compared(unreadable: list[str], head: str) -> str:
    files = ", ".join(unreadable)
    return (f"Not compared: {files} could not be read in {head}, so its records are not listed as "
            "removed; the checks say why.")


def as_text(changes: list[RecordChange], base: str, head: str, unreadable: list[str] = ()) -> str:
    note = [_not_compared(list(unreadable), head)] if unreadable else []
    if not changes:
        return "\n".join([f"No records changed in data/ from {base} to {head}.", *note]) + "\n"
    lines = [f"Records changed in data/ from {base} to {head}: {_count(changes)}.", *note]
    for kind, heading in KINDS:
        group = [c for c in changes if kind_of(c) == kind]
        if not group:
            continue
        lines += ["", f"{heading}:"]
        for c in group:
            lines.append(f"  {MARK[kind]} {sentence(c)} [{c.record_id}] ({c.path})")
            lines += [f"      {_field(f)}: {_value(f.before)} -> {_value(f.after)}" for f in c.fields]
    return "\n".join(lines) + "\n"


def _cell(text: str | None) -> str:
    if text in (None, ""):
        return "*(none)*"
    # Data text in a Markdown table: nothing in it may end the cell, start markup or a tag.
    for char, escaped in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), ("`", "\\`"), ("*", "\\*"),
                          ("_", "\\_"), ("[", "\\["), ("\n", " ")):
        text = text.replace(char, escaped)
    return text


def as_markdown(changes: list[RecordChange], base: str, head: str,
                checks: list[Problem] | Shown | None = None, unreadable: list[str] = ()) -> str:
    """For GitHub's job summary. Data text is shown in table cells, escaped for Markdown tables.
    `checks` are the validator's problems (with the count of warnings about records the change
    did not touch, which are not repeated)."""
    out = ["## Data changes", ""]
    if not changes:
        out.append(f"No records changed in `data/` from `{base}` to `{head}`.")
    else:
        out.append(f"From `{base}` to `{head}`: {_count(changes)}.")
    if unreadable:
        out += ["", _cell(_not_compared(list(unreadable), head))]
    for kind, heading in KINDS:
        group = [c for c in changes if kind_of(c) == kind]
        if not group:
            continue
        out += ["", f"### {heading}", ""]
        for c in group:
            before, name, after = sentence_parts(c)
            after = _cell(after) if after else ""
            out.append(f"- {_cell(before)}**{_cell(name)}**{after} "
                       f"({RECORD_TYPES[c.record_type].title.lower()} `{c.record_id}`, in `{c.path}`)")
            if c.fields:
                out += ["", "  | field | before | after |", "  |---|---|---|"]
                out += [f"  | {_md_field(f)} | {_cell(f.before)} | {_cell(f.after)} |" for f in c.fields]
                out.append("")
    if checks is not None:
        shown = checks if isinstance(checks, Shown) else Shown(list(checks), 0)
        problems = shown.problems
        out += ["", "## Checks", ""]
        if not problems and not shown.hidden_warnings:
            out.append("All data is valid, with nothing out of date.")
        for label, found in (("Errors (these stop publishing)", errors(problems)),
                             ("Warnings (please check)", warnings(problems))):
            if found:
                out += [f"**{label}: {len(found)}**", "", "```text", *map(str, found), "```", ""]
        if shown.hidden_warnings:
            out.append(f"And {shown.hidden_warnings:,} warning{'s' if shown.hidden_warnings != 1 else ''} "
                       "about records this change did not touch (`cspsite validate --all-warnings` "
                       "lists them).")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip() + "\n"
