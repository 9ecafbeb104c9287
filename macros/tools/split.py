"""`cspsite split`: give each record its own file, data/<type>/<id>.yml, for the staff editor.

The editor at /admin/ (Decap CMS) edits one file per record: it cannot change one item of a list
file without rewriting the whole file. So each record of a list file (data/<type>.yml or
data/<type>/<group>.yml) moves to a file named by its id. Its text is cut out as written (quotes,
folding and comments kept) and moved left to the margin, and it must read back as exactly the same
values, or nothing is written at all. Comments between records go with the record after them;
a list file's opening comment goes to data/<type>/README.md, which the loader does not read.

Every record type is split by default: the forms' pickers read the records they link to from
their folders (a project's funder from data/organisations/), so a type left in a list file cannot
be picked or edited in the forms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from macros.data.load import data_files, load_data
from macros.data.yaml_reader import LineList, LineMap, read_yaml
from macros.model import RECORD_TYPES
from macros.model.fields import ID_MAX_LENGTH, ID_PATTERN
from macros.tools.yaml_write import dump_records

SCHEMA_HINT = "# yaml-language-server:"


class SplitError(ValueError):
    """The data cannot be split as it stands; nothing was written."""


@dataclass
class Plan:
    """What a split writes and removes, worked out and checked before anything is touched."""

    write: dict[Path, str] = field(default_factory=dict)
    remove: list[Path] = field(default_factory=list)
    notes: dict[Path, list[str]] = field(default_factory=dict)  # README.md -> paragraphs to add
    moved: Counter = field(default_factory=Counter)  # record type -> records moved


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _opening_comment(lines: list[str], first_item: int) -> tuple[list[str], list[str]]:
    """(the file's opening comment, lines to carry to the first record). The opening comment is
    the comment block before the first blank line, without the editor's schema line."""
    head = lines[:first_item]
    cut = next((i for i, line in enumerate(head) if not line.strip()), len(head))
    opening = [line for line in head[:cut] if _is_comment(line) and not line.startswith(SCHEMA_HINT)]
    carried = [line for line in head[cut:] if _is_comment(line)]
    return opening, carried


def _record_text(chunk: list[str]) -> str | None:
    """A list item's lines ('- id: x', '  name: y') as a mapping at the margin, or None when the
    item is not written in that block style."""
    first = chunk[0]
    dash = len(first) - len(first.lstrip())
    if first[dash:dash + 2] != "- ":
        return None
    indent = " " * (dash + 2)
    out = [first[dash + 2:]]
    for line in chunk[1:]:
        if line.startswith(indent):
            out.append(line[len(indent):])
        elif not line.strip():
            out.append("")
        elif _is_comment(line):
            out.append(line.lstrip())
        else:
            return None
    return "\n".join(out).rstrip() + "\n"


def _cut(path: Path, document: LineList) -> tuple[list[str], list[str]]:
    """(the file's opening comment, each record's own file text), values checked."""
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [line - 1 for line in document.item_lines]
    opening, carried = _opening_comment(lines, starts[0])
    texts = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        chunk = lines[start:end]
        following: list[str] = []
        if index + 1 < len(starts):  # comments just before the next record are about it
            while chunk and (not chunk[-1].strip() or _is_comment(chunk[-1]) and chunk[-1][0] == "#"):
                line = chunk.pop()
                if line.strip():
                    following.insert(0, line)
        text = _record_text(chunk)
        if text is None or read_yaml(text) != document[index]:
            # Not cut cleanly (a flow-style list, say): write the values in the files' own style.
            text = dump_records([document[index]]).replace("- ", "", 1).replace("\n  ", "\n")
        if read_yaml(text) != document[index]:
            raise SplitError(f"{path}: the record at line {start + 1} could not be moved without "
                             "changing it; move it by hand")
        texts.append("".join(f"{c}\n" for c in carried) + text)
        carried = following
    return opening, texts


def _file_name(path: Path, line: int, record: object) -> str:
    record_id = record.get("id") if isinstance(record, LineMap) else None
    valid = isinstance(record_id, str) and re.match(ID_PATTERN, record_id) and len(record_id) <= ID_MAX_LENGTH
    if not valid:
        raise SplitError(f"{path}:{line}: this record has no valid id to name its file by; "
                         "run 'cspsite validate' and fix the id first")
    return f"{record_id}.yml"


def plan_split(data_dir: Path, types: list[str]) -> Plan:
    plan = Plan()
    for record_type in types:
        folder = data_dir / record_type
        for path in data_files(data_dir)[record_type]:
            document = read_yaml(path.read_text(encoding="utf-8"))
            if not isinstance(document, LineList) or not document:
                continue  # one record already, or empty
            opening, texts = _cut(path, document)
            for record, line, text in zip(document, document.item_lines, texts, strict=True):
                target = folder / _file_name(path, line, record)
                if target in plan.write or (target.exists() and target != path):
                    raise SplitError(f"{path}:{line}: {target} already exists; two records share the "
                                     "id, or the record was split before. Run 'cspsite validate'")
                plan.write[target] = text
            plan.remove.append(path)
            plan.moved[record_type] += len(texts)
            if opening:
                paragraph = [f"From `{path.relative_to(data_dir).as_posix()}`:", ""]
                paragraph += [line.lstrip("#").strip() for line in opening]
                plan.notes.setdefault(folder / "README.md", []).append("\n".join(paragraph))
    return plan


def _snapshot(data_dir: Path) -> Counter:
    raws, _ = load_data(data_dir)
    return Counter((raw.record_type, repr(raw.data)) for raw in raws)


def split(data_dir: Path, types: list[str] | None = None) -> Plan:
    """Move each record of `types` (default: every type) to its own file; check that the data
    loads as the same records afterwards, and put every file back if it does not."""
    types = types or list(RECORD_TYPES)
    unknown = sorted(set(types) - set(RECORD_TYPES))
    if unknown:
        raise SplitError(f"not record types: {', '.join(unknown)}; choose from {', '.join(RECORD_TYPES)}")
    before = _snapshot(data_dir)
    plan = plan_split(data_dir, types)
    originals = {path: path.read_bytes() for path in plan.remove}
    readmes = {path: path.read_text(encoding="utf-8") if path.exists() else None for path in plan.notes}
    try:
        for path in plan.remove:
            path.unlink()
        for path, text in plan.write.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for path, paragraphs in plan.notes.items():
            title = f"# {RECORD_TYPES[path.parent.name].title}\n\nOne record per file, named by its id. "
            title += "Notes kept from the list files the records came from:\n"
            path.write_text((readmes[path] or title) + "".join(f"\n{p}\n" for p in paragraphs),
                            encoding="utf-8")
        if _snapshot(data_dir) != before:
            raise SplitError("the data did not load as the same records after the split; "
                             "every file was put back as it was")
    except BaseException:
        for path in plan.write:
            path.unlink(missing_ok=True)
        for path, content in originals.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        for path, content in readmes.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(content, encoding="utf-8")
        raise
    return plan
