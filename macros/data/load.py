"""Read data files into raw records that remember their file and line (see yaml_reader.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.data.problems import Problem
from macros.data.yaml_reader import DuplicateKey, LineList, LineMap, read_yaml
from macros.model import RECORD_TYPES
from macros.model.catalogue import Rule


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
                rule=Rule.UNKNOWN_FILE,
            ))
    return problems


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
    shown = display_path(path)
    try:
        document = read_yaml(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = (exc.problem or "the YAML cannot be read").strip()
        if not isinstance(exc, DuplicateKey):
            what += "; check the indentation, colons and quotes on this line and the one before"
        return [], [Problem(shown, line, "(syntax)", what, rule=Rule.YAML_SYNTAX)]
    except UnicodeDecodeError:
        return [], [Problem(shown, 1, "(file)", "the file is not UTF-8 text; save it as UTF-8",
                            rule=Rule.YAML_SYNTAX)]
    if document is None:
        return [], []
    if (single := one_record_file(record_type, path, shown, document)) is not None:
        return single
    if not isinstance(document, LineList):
        return [], [Problem(shown, 1, "(file)", "the file should be a list of records, each "
                            "starting with '- id: ...'", rule=Rule.YAML_SYNTAX)]
    records, problems = [], []
    for index, item in enumerate(document):
        line = document.item_lines[index]
        if not isinstance(item, LineMap):
            problems.append(Problem(shown, line, "(record)", "each record should be a set of "
                                    "fields ('id: ...', 'name: ...'), not a single value",
                                    rule=Rule.YAML_SYNTAX))
            continue
        records.append(RawRecord(record_type, shown, line, item))
    return records, problems


def load_data(data_dir: Path) -> tuple[list[RawRecord], list[Problem]]:
    """Every raw record under data_dir, plus every problem met reading the files."""
    if not data_dir.is_dir():
        return [], [Problem(str(data_dir), 1, "(folder)", "the data folder does not exist; "
                            "pass --data with the folder that holds sources.yml", rule=Rule.NO_DATA)]
    records, problems = [], stray_files(data_dir)
    for record_type, files in data_files(data_dir).items():
        for path in files:
            found, trouble = load_file(record_type, path)
            records += found
            problems += trouble
    return records, problems
