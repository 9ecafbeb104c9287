"""Read data files into raw records that remember their file and line.

YAML is parsed by libyaml (PyYAML's C parser: a national site has about 100 MB of it) into nodes
that carry their line, and built into dicts and lists that remember the line of every key and
list item. Plain scalars follow YAML 1.2's core schema, so `no` stays text and `2019-02-30` stays
text: an impossible date becomes a clear validation message instead of a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.cyaml import CParser
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .models import RECORD_TYPES
from .problems import Problem


class _Core12Resolver(BaseResolver):
    """YAML 1.2 core schema (PyYAML's own resolver is YAML 1.1: yes/no/on/off are booleans there)."""


for _tag, _pattern, _first in [
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    ("float", r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)",
     "-+0123456789."),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
]:
    _Core12Resolver.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pattern})$"),
                                          list(_first))


class _Parser(CParser, SafeConstructor, _Core12Resolver):
    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        SafeConstructor.__init__(self)
        _Core12Resolver.__init__(self)


_SCALARS = {
    "tag:yaml.org,2002:bool": lambda text: text.lower() == "true",
    "tag:yaml.org,2002:null": lambda text: None,
    "tag:yaml.org,2002:int": lambda text: int(text, 0) if text[:2] in ("0o", "0x") else int(text),
    "tag:yaml.org,2002:float": lambda text: float(text.lower().replace(".inf", "inf").replace(".nan", "nan")),
}


class LineMap(dict):
    """A YAML mapping that knows the line (1-based) of each of its keys."""

    key_lines: dict[Any, int]


class LineList(list):
    """A YAML sequence that knows the line (1-based) of each of its items."""

    item_lines: list[int]


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _build(node, parser: _Parser) -> Any:
    if isinstance(node, ScalarNode):
        convert = _SCALARS.get(node.tag)
        return convert(node.value) if convert else node.value  # everything else, dates included, is text
    if isinstance(node, SequenceNode):
        items = LineList(_build(item, parser) for item in node.value)
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        return items
    if isinstance(node, MappingNode):
        parser.flatten_mapping(node)  # '<<' merge keys, as YAML readers do
        mapping = LineMap()
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = _build(key_node, parser)
            if key in mapping:
                raise DuplicateKey(None, None, f"the field '{key}' appears twice in this record; keep one",
                                   key_node.start_mark)
            mapping[key] = _build(value_node, parser)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping
    raise ConstructorError(None, None, f"unexpected YAML node {node.tag}", node.start_mark)


def read_yaml(text: str) -> Any:
    """A YAML document as LineMap, LineList and plain values; raises yaml.MarkedYAMLError."""
    parser = _Parser(text)
    try:
        node = parser.get_single_node()
        return None if node is None else _build(node, parser)
    finally:
        parser.dispose()


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


def data_files(data_dir: Path) -> dict[str, list[Path]]:
    """Each record type lives in data/<type>.yml and/or data/<type>/*.yml."""
    found: dict[str, list[Path]] = {}
    for name in RECORD_TYPES:
        files = [data_dir / f"{name}.yml"] if (data_dir / f"{name}.yml").is_file() else []
        if (data_dir / name).is_dir():
            files += sorted((data_dir / name).glob("*.yml"))
        found[name] = files
    return found


def display_path(path: Path) -> str:
    """Paths as staff see them: relative to where they ran the command, when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def stray_files(data_dir: Path) -> list[Problem]:
    """A misspelt file name would silently drop its records; say so instead."""
    known = set(RECORD_TYPES)
    problems = []
    for path in sorted(data_dir.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.suffix in {".md", ".txt"}:
            continue
        rel = path.relative_to(data_dir)
        top = rel.parts[0].removesuffix(".yml").removesuffix(".yaml")
        ok = path.suffix == ".yml" and top in known and len(rel.parts) <= 2
        if not ok:
            names = ", ".join(f"{n}.yml" for n in known)
            problems.append(Problem(
                display_path(path), 1, "(file)",
                f"this file is not read; data files are named after their record type "
                f"({names}) or sit in a folder of that name, and end in .yml",
                rule="unknown-file",
            ))
    return problems


def load_file(record_type: str, path: Path) -> tuple[list[RawRecord], list[Problem]]:
    shown = display_path(path)
    try:
        document = read_yaml(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = (exc.problem or "the YAML cannot be read").strip()
        if not isinstance(exc, DuplicateKey):
            what += "; check the indentation, colons and quotes on this line and the one before"
        return [], [Problem(shown, line, "(syntax)", what, rule="yaml-syntax")]
    except UnicodeDecodeError:
        return [], [Problem(shown, 1, "(file)", "the file is not UTF-8 text; save it as UTF-8",
                            rule="yaml-syntax")]
    if document is None:
        return [], []
    if not isinstance(document, LineList):
        return [], [Problem(shown, 1, "(file)", "the file should be a list of records, each "
                            "starting with '- id: ...'", rule="yaml-syntax")]
    records, problems = [], []
    for index, item in enumerate(document):
        line = document.item_lines[index]
        if not isinstance(item, LineMap):
            problems.append(Problem(shown, line, "(record)", "each record should be a set of "
                                    "fields ('id: ...', 'name: ...'), not a single value",
                                    rule="yaml-syntax"))
            continue
        records.append(RawRecord(record_type, shown, line, item))
    return records, problems


def load_data(data_dir: Path) -> tuple[list[RawRecord], list[Problem]]:
    """Every raw record under data_dir, plus every problem met reading the files."""
    if not data_dir.is_dir():
        return [], [Problem(str(data_dir), 1, "(folder)", "the data folder does not exist; "
                            "pass --data with the folder that holds sources.yml", rule="no-data")]
    records, problems = [], stray_files(data_dir)
    for record_type, files in data_files(data_dir).items():
        for path in files:
            found, trouble = load_file(record_type, path)
            records += found
            problems += trouble
    return records, problems
