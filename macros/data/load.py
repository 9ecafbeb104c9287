"""Read data files into raw records that remember their file and line.

Each file goes through the same steps, each with a limit that holds before the next starts:
its size and encoding (text_scan.py), the length of its lines, tabs in its indentation, the
characters that do not belong in published text, and then YAML (yaml_reader.py). A file that
cannot be read is one problem, with its line and the exact cause; the loader remembers which
record types it held, so that references to them are not reported as missing too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.data.files import data_files, display_path, find_files
from macros.data.problems import Problem
from macros.data.text_scan import MAX_FILE_BYTES as MAX_FILE_BYTES
from macros.data.text_scan import Flaw, Unreadable, check_line_lengths, decode, scan_characters
from macros.data.yaml_reader import LineList, LineMap, read_document
from macros.model import RECORD_TYPES
from macros.model.catalogue import Rule

__all__ = ["Loaded", "RawRecord", "data_files", "display_path", "load_data", "load_file", "load_folder"]

# A site cannot be built without these: what it cites, where things are, and how to report.
REQUIRED = {"sources": "the documents every record cites", "areas": "the places the site covers",
            "routes": "the ways to report something or get help"}

_TAB_INDENT = re.compile(r"^ *\t[ \t]*[^\s#]", re.MULTILINE)


@dataclass(frozen=True)
class RawRecord:
    """One record as written, with the place it was written."""

    record_type: str
    path: str
    line: int
    data: LineMap

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """The line of the deepest part of `loc` that exists in the file (1-based)."""
        node: Any = self.data
        line = self.line
        for step in loc:
            if isinstance(node, LineMap) and step in node:
                line = node.key_lines[step]
                node = node[step]
            elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
                line = node.item_lines[step]
                node = node[step]
            else:
                break
        return line


@dataclass
class Loaded:
    """Every raw record of a data folder, every problem met reading it, and the files that could
    not be read at all, by record type."""

    records: list[RawRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unreadable: dict[str, list[str]] = field(default_factory=dict)


def _check_tabs(text: str) -> None:
    match = _TAB_INDENT.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise Unreadable(Flaw(line, "this line is indented with a tab; YAML files are indented with "
                              "spaces only: replace the tab with spaces (two for each level)", Rule.TAB))


def read_text(raw: bytes) -> tuple[Any, list[Flaw]]:
    """A file's bytes as a YAML document and the flaws that leave it readable; raises Unreadable."""
    text, flaws = decode(raw)
    check_line_lengths(text)
    _check_tabs(text)
    text, found = scan_characters(text)
    try:
        document, more = read_document(text)
    except Unreadable:
        if flaws or found:  # bytes and characters are the mistakes to fix first; the rest may follow
            raise Unreadable(*flaws, *found) from None
        raise
    if document is None:
        raise Unreadable(Flaw(1, "the file has no records: it is empty or holds only comments; add "
                              "records, or if it should have none, write [] on a line of its own",
                              Rule.EMPTY_FILE), *flaws, *found)
    return document, flaws + found + more


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, never more than one past the limit (enough for decode() to refuse it)."""
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def one_record_file(record_type: str, path: Path, shown: str,
                    document: Any) -> tuple[list[RawRecord], list[Problem]] | None:
    """A file in a type's folder that holds one mapping is one record, named by its file
    (data/campaigns/<id>.yml: the layout the staff editor writes); None for a list file."""
    if not (isinstance(document, LineMap) and path.parent.name == record_type):
        return None
    record = RawRecord(record_type, shown, min(document.key_lines.values(), default=1), document)
    record_id = document.get("id")
    if not isinstance(record_id, str) or record_id == path.stem:
        return [record], []
    return [record], [Problem(
        shown, record.line_of(("id",)), "id",
        f"the id '{record_id}' differs from the file name '{path.name}'; rename the file to "
        f"{record_id}.yml, or put the id back to '{path.stem}' if it was published",
        rule=Rule.FILE_NAME)]


def load_file(record_type: str, path: Path) -> tuple[list[RawRecord], list[Problem]]:
    records, problems, _ = _load_file(record_type, path)
    return records, problems


def _load_file(record_type: str, path: Path) -> tuple[list[RawRecord], list[Problem], bool]:
    """(records, problems, whether the file could be read)."""
    shown = display_path(path)
    try:
        document, flaws = read_text(_read_bytes(path))
    except Unreadable as exc:
        return [], [Problem(shown, f.line, "(file)", f.message, rule=f.rule) for f in exc.flaws], False
    except OSError as exc:
        return [], [Problem(shown, 1, "(file)", f"the file cannot be opened ({exc.strerror}); check "
                            "that it is an ordinary file you can read", rule=Rule.DATA_FILE)], False
    problems = [Problem(shown, f.line, "(file)" if f.rule is not Rule.DUPLICATE_FIELD else "(record)",
                        f.message, rule=f.rule) for f in flaws]
    if (single := one_record_file(record_type, path, shown, document)) is not None:
        records, more = single
        return records, problems + more, True
    if not isinstance(document, LineList):
        problems.append(Problem(shown, 1, "(file)", "the file should be a list of records, each "
                                "starting with '- id: ...'", rule=Rule.YAML_SYNTAX))
        return [], problems, False
    records = []
    for index, item in enumerate(document):
        line = document.item_lines[index]
        if not isinstance(item, LineMap):
            problems.append(Problem(shown, line, "(record)", "each record should be a set of "
                                    "fields ('id: ...', 'name: ...'), not a single value",
                                    rule=Rule.YAML_SYNTAX))
            continue
        records.append(RawRecord(record_type, shown, line, item))
    return records, problems, True


def _required(loaded: Loaded, files: dict[str, list[Path]], data_dir: Path) -> None:
    counts = {name: 0 for name in RECORD_TYPES}
    for record in loaded.records:
        counts[record.record_type] += 1
    for name, what in REQUIRED.items():
        if name in loaded.unreadable:
            continue  # already reported, once
        if not files[name]:
            loaded.problems.append(Problem(display_path(data_dir / f"{name}.yml"), 1, "(file)",
                                           f"the file is missing; a site needs {name} ({what}): "
                                           f"add data/{name}.yml", rule=Rule.MISSING_FILE))
            loaded.unreadable[name] = [display_path(data_dir / f"{name}.yml")]
        elif counts[name] == 0:
            loaded.problems.append(Problem(display_path(files[name][0]), 1, "(file)",
                                           f"there are no {name} here; a site needs at least one "
                                           f"({what}): add them", rule=Rule.MISSING_FILE))


def _type_of(path: Path, data_dir: Path) -> str | None:
    """The record type a refused entry would have held: data/<type>.yml, data/<type>/, data/<type>/*.yml."""
    stem = path.name.removesuffix(".yml")
    if path.parent.name in RECORD_TYPES and path.name.endswith(".yml"):
        return path.parent.name
    return stem if stem in RECORD_TYPES else None


def load_folder(data_dir: Path) -> Loaded:
    """Every raw record under data_dir, every problem met reading the files, and which files
    could not be read."""
    data_dir = Path(data_dir)
    loaded = Loaded()
    if not data_dir.is_dir():
        loaded.problems.append(Problem(str(data_dir), 1, "(folder)", "the data folder does not exist; "
                                       "pass --data with the folder that holds sources.yml",
                                       rule=Rule.NO_DATA))
        loaded.unreadable = {name: [str(data_dir)] for name in RECORD_TYPES}
        return loaded
    found = find_files(data_dir)
    loaded.problems += found.problems
    if not any(found.files.values()) and not found.problems:
        loaded.problems.append(Problem(display_path(data_dir), 1, "(folder)", "the data folder is empty: "
                                       "it holds no data files; a site needs at least sources.yml, "
                                       "areas.yml and routes.yml", rule=Rule.NO_DATA))
        loaded.unreadable = {name: [display_path(data_dir)] for name in RECORD_TYPES}
        return loaded
    for problem in found.problems:  # a data file replaced by a link, a folder or a pipe
        record_type = _type_of(Path(problem.path), data_dir)
        if problem.rule is Rule.DATA_FILE and record_type:
            loaded.unreadable.setdefault(record_type, []).append(problem.path)
    for record_type, files in found.files.items():
        for path in files:
            records, problems, readable = _load_file(record_type, path)
            loaded.records += records
            loaded.problems += problems
            if not readable:
                loaded.unreadable.setdefault(record_type, []).append(display_path(path))
    _required(loaded, found.files, data_dir)
    return loaded


def load_data(data_dir: Path) -> tuple[list[RawRecord], list[Problem]]:
    """Every raw record under data_dir, plus every problem met reading the files."""
    loaded = load_folder(data_dir)
    return loaded.records, loaded.problems
