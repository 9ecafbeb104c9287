"""libyaml's syntax errors said for the people who edit the files: what is wrong on the line and
what to type instead, never the parser's own words ('<block end>', 'simple key', 'token').
"""

from __future__ import annotations

import re

import yaml

from macros.data.text_scan import Flaw
from macros.model.catalogue import Rule

CHECK = "check the indentation, colons and quotes on this line and the one before"


def _quoted_suggestion(line: str) -> str:
    """'name: "Safer nights out: Lowestoft"' from the line as written."""
    match = re.match(r"^(\s*(?:-\s+)?)([^:\s][^:]*):\s+(.*)$", line)
    if not match:
        return ""
    value = match.group(3).strip().replace("\\", "\\\\").replace('"', '\\"')
    if len(value) > 60:
        value = value[:57] + "..."
    return f": {match.group(2)}: \"{value}\""


def _colon_in_text(line: str) -> bool:
    """A value with ': ' in it ('name: Safer nights out: Lowestoft'), read as a second field."""
    after_key = re.match(r"^\s*(?:-\s+)?[^:#'\"]+:\s+(.*)$", line)
    return bool(after_key and re.search(r":(\s|$)", after_key.group(1)))


def _value_of(line: str) -> str:
    match = re.match(r"^\s*(?:-\s+)?[^:#'\"\[{]+:\s+(.*)$", line) or re.match(r"^\s*-\s+(.*)$", line)
    return match.group(1).strip() if match else ""


def quote_trouble(line: str) -> str | None:
    """Advice when a value starts with a character that YAML reads as more than text."""
    value = _value_of(line)
    if not value:
        return None
    first = value[0]
    if first == "'" and (not value.endswith("'") or "'" in value[1:-1].replace("''", "")):
        return ("this text starts with a single quote, so an apostrophe inside it ends it; write the "
                "apostrophe twice ('') or put the whole text in double quotes instead")
    if first == '"' and (not value.endswith('"') or re.search(r'(?<!\\)"', value[1:-1])):
        return ('this text starts with a double quote, so a double quote inside it ends it; write '
                'it as \\" or put the whole text in single quotes instead')
    if first in "[{":
        what = "list" if first == "[" else "set of fields"
        return (f"text that starts with '{first}' is read as a {what}; if it is text, put it in double "
                f"quotes{_quoted_suggestion(line)}")
    if first in "|>%@`":
        return (f"text cannot start with '{first}' unless it is in quotes; put the whole text in "
                f"double quotes{_quoted_suggestion(line)}")
    return None


def _first_character(line: str, column: int) -> str:
    return line[column] if 0 <= column < len(line) else ""


def explain_syntax(error: yaml.MarkedYAMLError, lines: list[str]) -> Flaw:
    """One plain-English flaw for a YAML syntax error, at the line people must change."""
    mark = error.problem_mark or error.context_mark
    number = mark.line + 1 if mark else 1
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    rule = Rule.YAML_SYNTAX

    previous = lines[number - 2] if 1 < number <= len(lines) + 1 else ""
    quoting = quote_trouble(line) or (quote_trouble(previous) and previous)
    if "tab" in problem:
        message, rule = ("this line has a tab where YAML needs spaces; replace the tab with "
                         "spaces (two for each level)"), Rule.TAB
    elif quoting:
        if quoting is previous:
            number, message = number - 1, quote_trouble(previous)
        else:
            message = quoting
    elif problem == "mapping values are not allowed in this context":
        if _colon_in_text(line):
            message = ("this text contains ': ' (a colon and a space), which YAML reads as the start "
                       "of another field; put the whole text in double quotes"
                       f"{_quoted_suggestion(line)}")
        else:
            message, rule = ("this line is indented differently from the fields above it, or the "
                             "line above runs on into it; indent every field of a record by the "
                             "same number of spaces"), Rule.INDENTATION
    elif "while scanning an alias" in context or "while scanning an anchor" in context:
        char = "*" if "alias" in context else "&"
        message = (f"text that starts with '{char}' has a special meaning in YAML; put the whole "
                   f"text in double quotes{_quoted_suggestion(line)}")
    elif problem == "found character that cannot start any token":
        char = _first_character(line, mark.column) if mark else ""
        shown = f"'{char}'" if char and char.isprintable() else "this character"
        message = (f"text cannot start with {shown} unless it is in quotes; put the whole text in "
                   f"double quotes{_quoted_suggestion(line)}")
    elif problem in {"found unknown escape character", "found invalid Unicode character escape code"}:
        message, rule = ("a backslash in double-quoted text starts an escape, and this one is not a "
                         "character: write the text in single quotes instead, or write '\\\\' for "
                         "a backslash"), Rule.CHARACTER
    elif "end of stream" in problem and "quoted scalar" in context:
        start = error.context_mark.line + 1 if error.context_mark else number
        number, message = start, ("a quote opened on this line is never closed; add the closing "
                                  "quote at the end of the text")
    elif problem == "could not find expected ':'":
        start = error.context_mark.line + 1 if error.context_mark else number
        number, message = start, ("this line has no ':' after its field name, or it continues the "
                                  f"text of the line above; {CHECK}")
    elif problem == "did not find expected key":
        message = ("a field is expected here: a field name is missing before the ':', or the line "
                   "is indented differently from the fields around it; write it as 'name: value'")
    elif "another document" in problem or "expected a single document" in problem:
        message = ("a second YAML document starts here ('---'); a data file holds one list of "
                   "records: delete the '---' line and keep the records in one list")
    elif "maximum nesting depth" in problem:
        message, rule = ("the values here are nested too deep (brackets inside brackets); no "
                         "record needs more than a few levels: check the brackets"), Rule.LIMIT
    elif "did not find expected '-' indicator" in problem or "expected <block end>" in problem:
        message, rule = (f"this line does not line up with the lines above it; {CHECK}",
                         Rule.INDENTATION)
    else:
        cleaned = re.sub(r"<[^>]*>", "a value", problem).replace("scalar", "text")
        cleaned = cleaned or "the YAML cannot be read"
        message = f"{cleaned}; {CHECK}"
    return Flaw(number, message, rule)
