"""Write lists of records as block-style YAML in the data files' own layout, fast and byte-stable.

A full YAML dumper is several times slower and quotes differently from the hand-written files.
Records here are plain dicts, lists, strings, ints and bools, so a small writer is enough: a
string is written plain when it cannot be read back as anything else, otherwise JSON-quoted
(a JSON string is a valid YAML double-quoted string). Long text is folded (>-) at word breaks.
"""

from __future__ import annotations

import json
import re
import textwrap

# Plain scalars read back as the same string: start with a letter; no '#', '"' or ': '; no end space or ':'.
_PLAIN = re.compile(r"[A-Za-z(][^#\n\"]*[^:#\n\" ]|[A-Za-z]")
_DATE_LIKE = re.compile(r"\d{4}-\d{2}(-\d{2})?|\d{4}/\d{2}")  # the reader keeps these as text
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}
_FOLDABLE = re.compile(r"\S+( \S+)*")  # single spaces only: folding turns each line break into one
# JSON leaves these raw, but YAML reads them as line breaks or does not allow them: escape them.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
FOLD_AT = 96


def scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if (_PLAIN.fullmatch(text) and ": " not in text and text.isprintable()
            and text.lower() not in _RESERVED) or _DATE_LIKE.fullmatch(text):
        return text
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _text(key_prefix: str, text: str, indent: str) -> list[str]:
    if len(key_prefix) + len(text) <= FOLD_AT or not (_FOLDABLE.fullmatch(text) and text.isprintable()):
        return [key_prefix + scalar(text)]
    width = max(40, FOLD_AT - len(indent) - 2)
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return [key_prefix + ">-", *(f"{indent}  {line}" for line in lines)]


def _mapping(record: dict, indent: str, first: str) -> list[str]:
    """Lines for a mapping whose first key follows `first` (a '- ' bullet) and the rest `indent`."""
    out: list[str] = []
    for index, (key, value) in enumerate(record.items()):
        lead = first if index == 0 else indent
        if isinstance(value, dict):
            out.append(f"{lead}{key}:")
            out += _mapping(value, indent + "  ", indent + "  ")
        elif isinstance(value, list):
            if not value:
                out.append(f"{lead}{key}: []")
                continue
            out.append(f"{lead}{key}:")
            out += _sequence(value, indent + "  ")
        elif isinstance(value, str):
            out += _text(f"{lead}{key}: ", value, indent)
        else:
            out.append(f"{lead}{key}: {scalar(value)}")
    return out


def _sequence(items: list, indent: str) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            out += _mapping(item, indent + "  ", indent + "- ")
        else:
            out.append(f"{indent}- {scalar(item)}")
    return out


def dump_records(records: list[dict], header: str = "") -> str:
    """A data file: optional '# ' comment lines, then one blank-line-separated record per item."""
    parts = [f"# {line}".rstrip() for line in header.splitlines()]
    body = ["\n".join(_mapping(record, "  ", "- ")) for record in records]
    return "\n".join(parts) + ("\n\n" if parts else "") + "\n\n".join(body) + "\n"
