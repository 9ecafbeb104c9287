"""A data file's bytes made into text, before any YAML is parsed: its encoding, its size, the
length of its lines and every character that does not belong in published text, each named
with its line. Every check here is one pass over the text (a hostile file cannot make it slow).

A UTF-8 byte order mark and Windows (CRLF) or old Mac (CR) line endings are accepted silently;
lines are numbered as an editor numbers them.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from macros.model.catalogue import Rule

MAX_FILE_BYTES = 32_000_000  # a national site's largest file is about 13 MB (300 partnerships)
MAX_LINE_CHARS = 20_000  # the longest line of the shipped data is about 200 characters
MAX_CHARACTER_PROBLEMS = 20  # per file: past this, they are counted, not listed


@dataclass(frozen=True)
class Flaw:
    """A mistake met while reading a file: its line, what it is and how to fix it."""

    line: int
    message: str
    rule: Rule


class Unreadable(Exception):
    """The file cannot be read at all; the flaws say where and why (most often there is one)."""

    def __init__(self, flaw: Flaw, *more: Flaw):
        super().__init__(flaw.message)
        self.flaw = flaw
        self.flaws = [flaw, *more]


# Characters that do not show, or change how the text around them shows, and so can hide what
# a text says: controls (tab and line breaks aside), direction overrides, zero-width spaces,
# separators some programs show as a new line, non-characters, and private-use characters (each
# font draws them as it likes: a logo on one device, a box or nothing on another). Joiners
# (U+200C, U+200D) and the tag characters of flag emoji are kept: Welsh flags and some scripts
# need them.
_FORBIDDEN_CLASS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u034f\u115f\u1160\u17b4\u17b5\u180e"
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\U0001d173-\U0001d17a"
    "\ue000-\uf8ff\ufdd0-\ufdef\U000f0000-\U0010ffff"
)
FORBIDDEN = re.compile(f"[{_FORBIDDEN_CLASS}]")
# In a double-quoted YAML value an escape (\r, \e, \u202E...) can write the same characters.
FORBIDDEN_IN_VALUES = re.compile(f"[{_FORBIDDEN_CLASS}\r]")

_NAMES = {
    "\x00": "a null character", "\x08": "a backspace character", "\x1b": "an escape character",
    "\x7f": "a delete character", "\r": "a carriage return", "\x0b": "a vertical tab",
    "\x0c": "a form feed", "\x85": "a next-line character", "\u2028": "a line separator",
    "\u2029": "a paragraph separator", "\ufeff": "a byte order mark", "\u200b": "a zero-width space",
    "\u2060": "a word joiner", "\u200e": "a left-to-right mark", "\u200f": "a right-to-left mark",
    "\u061c": "an Arabic letter mark", "\u202e": "a right-to-left override",
    "\u202d": "a left-to-right override", "\u202a": "a left-to-right embedding",
    "\u202b": "a right-to-left embedding", "\u202c": "a pop directional formatting character",
    "\u2066": "a left-to-right isolate", "\u2067": "a right-to-left isolate",
    "\u2068": "a first strong isolate", "\u2069": "a pop directional isolate",
    "\xad": "a soft hyphen", "\u3164": "a Hangul filler", "\u115f": "a Hangul filler",
    "\u1160": "a Hangul filler", "\uffa0": "a Hangul filler", "\u180e": "a Mongolian vowel separator",
}


def describe_character(char: str) -> str:
    """'the character U+202E (a right-to-left override)': what staff can search for in an editor."""
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        name = _NAMES[char]
    elif unicodedata.category(char) == "Cc":
        name = "a control character"
    elif unicodedata.category(char) == "Co":
        name = "a private-use character, drawn differently by each device"
    else:
        name = "an invisible character"
    return f"the character {code} ({name})"


def character_fix(char: str) -> str:
    if char in "\u2028\u2029\x85":
        return ("some programs show it as a new line and others hide it; replace it with a space "
                "or a new line")
    if char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c":
        return ("it changes the direction of the text shown after it, and can hide what the text "
                "says; delete it")
    return "it does not show on screen, but would be published; delete it (retype the words around it)"


_NOT_UTF8 = re.compile("[\udc80-\udcff]+")  # bytes that are not UTF-8, as surrogateescape keeps them


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in re.finditer("\n", text))]


class Lines:
    """Where each line starts, to turn an offset into a line number (1-based)."""

    def __init__(self, text: str):
        self.starts = _line_starts(text)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def _not_utf8(text: str) -> tuple[str, list[Flaw]]:
    """The text with each run of bytes that are not UTF-8 made U+FFFD, and the first such byte of
    each line (up to a limit) as a flaw. One pass over the text, however many bad bytes it has."""
    first: dict[int, int] = {}
    lines: Lines | None = None
    for match in _NOT_UTF8.finditer(text):
        lines = lines or Lines(text)
        first.setdefault(lines.line_of(match.start()), ord(match.group()[0]) - 0xDC00)
    if not first:
        return text, []
    flaws = [Flaw(line, f"this line has a byte that is not UTF-8 text (0x{byte:02X}), often a letter "
                  "or curly quote saved by an older program; retype that character, or save the file "
                  "with the encoding UTF-8", Rule.ENCODING)
             for line, byte in list(first.items())[:MAX_CHARACTER_PROBLEMS]]
    return _NOT_UTF8.sub("\ufffd", text), flaws + _more(len(first), "lines with bytes that are not UTF-8",
                                                        list(first))


def _more(count: int, what: str, lines: list[int]) -> list[Flaw]:
    if count <= MAX_CHARACTER_PROBLEMS:
        return []
    return [Flaw(lines[MAX_CHARACTER_PROBLEMS], f"and {count - MAX_CHARACTER_PROBLEMS:,} more {what} "
                 "after this one; fix those above, then run the check again", Rule.CHARACTER)]


def decode(raw: bytes) -> tuple[str, list[Flaw]]:
    """The file as text with "\\n" line breaks, and the lines whose bytes are not UTF-8.

    Raises Unreadable when the file is too large, or is not UTF-8 at all (UTF-16, binary).
    """
    if len(raw) > MAX_FILE_BYTES:
        raise Unreadable(Flaw(1, f"the file is {len(raw) / 1e6:,.1f} MB, more than the "
                              f"{MAX_FILE_BYTES // 1_000_000} MB a data file may be; split its records "
                              "into several files in a folder of the same name", Rule.LIMIT))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable(Flaw(1, "the file is saved as UTF-16 text; save it as UTF-8 (in most "
                              "editors: Save with encoding, UTF-8)", Rule.ENCODING))
    if raw.count(b"\x00") > len(raw) // 10 > 0:
        raise Unreadable(Flaw(1, "the file is not text (or is UTF-16 text without a byte order "
                              "mark); save it as UTF-8 text", Rule.ENCODING))
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as every editor counts lines
    return _not_utf8(text)


def check_line_lengths(text: str) -> None:
    """Raises Unreadable at the first line longer than MAX_LINE_CHARS."""
    if len(text) <= MAX_LINE_CHARS:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise Unreadable(Flaw(number, f"this line is {len(line):,} characters long, more than "
                                  f"the {MAX_LINE_CHARS:,} a line may be; shorten the text, or split "
                                  "a long description over several lines under 'description: >-'",
                                  Rule.LIMIT))


def scan_characters(text: str) -> tuple[str, list[Flaw]]:
    """The text without the characters that do not belong in it, and one flaw per line with one.

    Line and paragraph separators become spaces, so every later line number stays an editor's;
    any other such character becomes U+FFFD, which YAML reads as a letter, so removing it does not
    change what the line means ('\x1b[31m' must not become a list).
    """
    found: dict[int, str] = {}
    lines: Lines | None = None
    for match in FORBIDDEN.finditer(text):
        lines = lines or Lines(text)
        found.setdefault(lines.line_of(match.start()), match.group())
    if not found:
        return text, []
    flaws = [Flaw(line, f"this line has {describe_character(char)}: {character_fix(char)}", Rule.CHARACTER)
             for line, char in list(found.items())[:MAX_CHARACTER_PROBLEMS]]
    flaws += _more(len(found), "lines with such characters", list(found))
    cleaned = FORBIDDEN.sub(lambda m: " " if m.group() in "\u2028\u2029\x85" else "\ufffd", text)
    return cleaned, flaws


def value_character_problem(value: str) -> str | None:
    """For a value written with escapes ("\\e", "\\u202E"): what is wrong with it, or None."""
    match = FORBIDDEN_IN_VALUES.search(value)
    if not match:
        return None
    return (f"the text has {describe_character(match.group())}, written as an escape such as "
            f"'\\u{ord(match.group()):04X}': {character_fix(match.group())}")
