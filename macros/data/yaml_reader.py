"""YAML read by libyaml into dicts and lists that remember the line of every key and item.

libyaml (PyYAML's C parser: a national site has about 100 MB of it) gives a stream of events,
and this module builds the values from them with a stack of its own, so the limits hold before
any value is made: nesting depth, the length of one value, the digits of a number. Only what the
data needs is read: text, numbers, true/false, lists and fields. Anything else a YAML file can
say is refused with its line: aliases and merge keys (`*name`, `<<: *name`: they repeat other
parts of the file, and can repeat them a billion times), anchors (`&name`), and tags beyond
YAML's core schema (`!!python/object`, `!!binary`, `!env`).

Plain values follow YAML 1.2's core schema, so `no` stays text and `2019-02-30` stays text: an
impossible date becomes a clear validation message instead of a crash. Numbers are plain
decimal digits (read exactly, as int or Decimal); `0x21FC`, `1e30`, `.inf` and `0420` (octal to
YAML 1.1 readers) stay text, and the field that wanted a number says so.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import yaml
from yaml.cyaml import CParser

from macros.data.text_scan import Flaw, Unreadable, value_character_problem
from macros.data.yaml_messages import explain_syntax
from macros.model.catalogue import Rule

MAX_DEPTH = 20  # the deepest record (a statistic's point's citation) is 6 levels down
MAX_VALUE_CHARS = 20_000  # about 3,000 words: a long description
MAX_DIGITS = 30  # more than any amount or count; Python refuses to read 4,300 digits

CORE = "tag:yaml.org,2002:"
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_DECIMAL = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)")
# 0420 is 420 to YAML 1.2 but 272 (octal) to YAML 1.1 readers such as PyYAML: kept as written.
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]")
_FIELD_LINE = re.compile(r"^\s+([a-z][a-z0-9_]*):(?:\s|$)")


class LineMap(dict):
    """A YAML mapping that knows the line (1-based) of each of its keys, and, for a value written
    as a block of text (`description: >-`), the lines in it that look like `field: value`."""

    key_lines: dict[Any, int]
    block_fields: dict[str, list[tuple[int, str]]]


class LineList(list):
    """A YAML sequence that knows the line (1-based) of each of its items."""

    item_lines: list[int]


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag


def _fatal(line: int, message: str, rule: Rule) -> Unreadable:
    return Unreadable(Flaw(line, message, rule))


def _number(text: str, line: int) -> int | Decimal | None:
    digits = sum(c.isdigit() for c in text)
    if digits > MAX_DIGITS:
        raise _fatal(line, f"this number has {digits:,} digits, more than the {MAX_DIGITS} any number "
                     "here may have; check it", Rule.LIMIT)
    if _LEADING_ZERO.match(text):
        return None
    if _INT.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return Decimal(text)
    return None


def _plain(text: str, line: int) -> Any:
    """A plain (unquoted, untagged) value as YAML 1.2's core schema reads it."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if text[:1] in "-+.0123456789":
        number = _number(text, line)
        if number is not None:
            return number
    return text


def _tagged(tag: str, text: str, line: int) -> Any:
    """A value with an explicit core tag (`!!str 2019`); any other tag is refused."""
    kind = tag[len(CORE):] if tag.startswith(CORE) else None
    if tag == "!" or kind == "str":
        return text
    read = _plain(text, line)
    wanted = {"int": int, "float": (int, Decimal), "bool": bool, "null": type(None)}.get(kind or "")
    if wanted is None:
        raise _fatal(line, f"the YAML tag '{_short_tag(tag)}' is not allowed; these files hold only "
                     "text, numbers, true or false, lists and fields: delete the tag (if this is text "
                     "that starts with '!', put it in double quotes)", Rule.YAML_FEATURE)
    if not isinstance(read, wanted) or (kind == "int" and isinstance(read, bool)):
        raise _fatal(line, f"the value is tagged '{_short_tag(tag)}' but is not one; delete the tag",
                     Rule.YAML_FEATURE)
    return read


class _Builder:
    """Values from libyaml's events: one frame per open list or mapping."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.flaws: list[Flaw] = []
        self.stack: list[list] = []  # [container, pending key or _KEY, key line, skip value]
        self.root: Any = None
        self.anchors: list[tuple[int, str]] = []
        self.documents = 0

    # --- where a value goes ---------------------------------------------------------------
    def _place(self, value: Any, line: int, event) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, LineList):
            container.append(value)
            container.item_lines.append(line)
            return
        if frame[1] is _KEY:
            self._take_key(frame, value, line, event)
            return
        key, key_line, skip = frame[1], frame[2], frame[3]
        frame[1], frame[3] = _KEY, False
        if skip:
            return
        container[key] = value
        container.key_lines[key] = key_line
        if isinstance(event, yaml.ScalarEvent):
            self._check_value(container, key, value, event)

    def _take_key(self, frame: list, key: Any, line: int, event) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            raise _fatal(line, "a field name here is a list or a set of fields, not a word: write a "
                         "name like 'name:', and put text that starts with '[' or '{' in double quotes "
                         "(text with '{{' is template code, which is not allowed)", Rule.FIELD_NAME)
        if key == "<<" and event.style in ("", None):
            raise _fatal(line, "'<<' is a YAML merge key, which copies the fields of another part of "
                         "the file; merge keys are not used in these files: write the fields out in full",
                         Rule.YAML_FEATURE)
        if not isinstance(key, str) or key == "":
            written = event.value.strip()
            raise _fatal(line, (f"'{written}' is not a field name; field names are words, like 'name:'"
                                if written else "this ':' has no field name before it; write the field's "
                                "name, like 'name: ...'"), Rule.FIELD_NAME)
        container = frame[0]
        frame[1], frame[2], frame[3] = key, line, key in container
        if key in container:
            self.flaws.append(Flaw(line, f"the field '{key}' appears twice in this record (first on "
                                   f"line {container.key_lines[key]}); keep one", Rule.DUPLICATE_FIELD))

    def _check_value(self, container: LineMap, key: str, value: Any, event) -> None:
        line = event.start_mark.line + 1
        if value is None and event.style in ("", None) and event.start_mark.line < len(self.lines):
            after = self.lines[event.start_mark.line][event.start_mark.column:].lstrip()
            if after.startswith("#"):
                shown = after.split()[0][:40]
                self.flaws.append(Flaw(line, f"'{key}' has no value, because '#' starts a comment in "
                                       f"YAML; if '{shown}' is the value, put it in double quotes "
                                       f"({key}: \"{shown}\"); if there is no value, delete the line",
                                       Rule.YAML_SYNTAX))
        if event.style in ("|", ">"):
            # content runs from the line after the '|' or '>' to the line before the end mark
            first = event.start_mark.line + 1
            stop = min(event.end_mark.line + (event.end_mark.column > 0), len(self.lines))
            found = [(number + 1, match.group(1)) for number in range(first, stop)
                     if (match := _FIELD_LINE.match(self.lines[number]))]
            if found:
                container.block_fields[key] = found

    # --- events ---------------------------------------------------------------------------
    def scalar(self, event) -> None:
        line = event.start_mark.line + 1
        text = event.value
        if len(text) > MAX_VALUE_CHARS:
            raise _fatal(line, f"this value is {len(text):,} characters long, more than the "
                         f"{MAX_VALUE_CHARS:,} a value may be; shorten it", Rule.LIMIT)
        self._anchor(event, line)
        if event.tag is not None:
            value = _tagged(event.tag, text, line)
        elif event.style in ("", None) and event.implicit[0]:
            value = _plain(text, line)
        else:
            value = text
        if event.style == '"' and (problem := value_character_problem(text)):
            self.flaws.append(Flaw(line, problem, Rule.CHARACTER))
        self._place(value, line, event)

    def start(self, event, container) -> None:
        line = event.start_mark.line + 1
        if len(self.stack) >= MAX_DEPTH:
            raise _fatal(line, f"the values here are nested more than {MAX_DEPTH} levels deep (lists or "
                         "fields inside each other); no record needs more than a few: check the brackets "
                         "and the indentation", Rule.LIMIT)
        self._anchor(event, line)
        if event.tag is not None and event.tag not in (f"{CORE}seq", f"{CORE}map", "!"):
            raise _fatal(line, f"the YAML tag '{_short_tag(event.tag)}' is not allowed; these files hold "
                         "only text, numbers, true or false, lists and fields: delete the tag",
                         Rule.YAML_FEATURE)
        if isinstance(container, LineMap):
            container.key_lines, container.block_fields = {}, {}
        else:
            container.item_lines = []
        self._place(container, line, event)
        self.stack.append([container, _KEY, line, False])

    def end(self) -> None:
        self.stack.pop()

    def _anchor(self, event, line: int) -> None:
        if event.anchor is not None:
            self.anchors.append((line, event.anchor))

    def alias(self, event) -> None:
        raise _fatal(event.start_mark.line + 1, f"'*{event.anchor}' is a YAML alias, which repeats "
                     "another part of the file; aliases are not used in these files: write the value "
                     "out in full (and if this is text starting with '*', put it in double quotes)",
                     Rule.YAML_FEATURE)

    def unused_anchors(self) -> list[Flaw]:
        return [Flaw(line, f"'&{name}' (a YAML anchor) marks this value for reuse, which these files do "
                     f"not do; delete '&{name}'", Rule.YAML_FEATURE) for line, name in self.anchors]


_KEY = object()  # a mapping frame waiting for its next key


def read_document(text: str) -> tuple[Any, list[Flaw]]:
    """The document as LineMap, LineList and plain values, and the flaws that leave it readable.

    Raises Unreadable (with the line and the cause) when the file cannot be read.
    """
    lines = text.split("\n")
    builder = _Builder(lines)
    parser = CParser(text)
    try:
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.ScalarEvent):
                builder.scalar(event)
            elif isinstance(event, yaml.MappingStartEvent):
                builder.start(event, LineMap())
            elif isinstance(event, yaml.SequenceStartEvent):
                builder.start(event, LineList())
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                builder.end()
            elif isinstance(event, yaml.AliasEvent):
                builder.alias(event)
            elif isinstance(event, yaml.DocumentStartEvent):
                builder.documents += 1
                if builder.documents > 1:
                    raise _fatal(event.start_mark.line + 1, "a second YAML document starts here ('---'); a "
                                 "data file holds one list of records: delete the '---' line and keep "
                                 "the records in one list", Rule.YAML_SYNTAX)
            elif isinstance(event, yaml.StreamEndEvent):
                break
    except yaml.MarkedYAMLError as exc:
        raise Unreadable(explain_syntax(exc, lines)) from None
    finally:
        parser.dispose()
    return builder.root, builder.flaws + builder.unused_anchors()


def read_yaml(text: str) -> Any:
    """The document alone, as the tools read back what they write; raises Unreadable for a file
    that cannot be read. (The loader reports the flaws a readable file can still have.)"""
    return read_document(text)[0]
