"""Which files of the data folder are read: each record type lives in data/<type>.yml and/or
data/<type>/*.yml, and each must be an ordinary file inside the folder.

A symbolic link is refused, wherever it points (outside the folder, to a folder, to itself, or
nowhere): data comes from the files the pull request shows. So are folders, pipes and devices
where a file is expected. A file that would not be read (a misspelt name, an editor's backup, a
folder too deep) is reported too, since its records would silently be missing. Dotfiles and notes
(.md, .txt) are left alone. Nothing here follows a link or opens anything but a regular file.
"""

from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from macros.data.problems import Problem
from macros.model import RECORD_TYPES
from macros.model.catalogue import Rule

NOTES = {".md", ".txt"}


def display_path(path: Path) -> str:
    """Paths as staff see them: relative to where they ran the command, when possible, and on one
    line (a control character in a file name is written as an escape)."""
    try:
        shown = str(path.absolute().relative_to(Path.cwd().absolute()))
    except ValueError:
        shown = str(path)
    return shown if shown.isprintable() else shown.encode("unicode_escape").decode("ascii")


@dataclass
class Found:
    """The data files by record type, and what is wrong with the folder's other entries."""

    files: dict[str, list[Path]] = field(default_factory=lambda: {name: [] for name in RECORD_TYPES})
    problems: list[Problem] = field(default_factory=list)

    def refuse(self, path: Path, message: str, rule: Rule = Rule.DATA_FILE) -> None:
        self.problems.append(Problem(display_path(path), 1, "(file)", message, rule=rule))


def _kind(mode: int) -> str | None:
    """What a non-regular, non-link entry is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def _link(found: Found, path: Path) -> None:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    found.refuse(path, f"this is a symbolic link (to '{target}'), not a file; data files must be "
                 "ordinary files inside the data folder: replace the link with the file itself")


def _not_read(found: Found, path: Path, data_dir: Path) -> None:
    rel = path.relative_to(data_dir)
    names = sorted(f"{name}.yml" for name in RECORD_TYPES)
    close = difflib.get_close_matches(rel.name.lower().replace(".yaml", ".yml").rstrip("~"), names, n=1)
    hint = f"; did you mean {close[0]}?" if close and len(rel.parts) == 1 else ""
    found.refuse(path, "this file is not read; data files are named after their record type "
                 f"({', '.join(names)}) or sit one level down in a folder of that name, and end in "
                 f".yml{hint}", Rule.UNKNOWN_FILE)


def _strays(found: Found, folder: Path, data_dir: Path) -> None:
    """Report every file under a folder that is not read (never following a link)."""
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            _link(found, path)
        elif entry.is_dir(follow_symlinks=False):
            _strays(found, path, data_dir)
        elif path.suffix not in NOTES:
            _not_read(found, path, data_dir)


def _data_file(found: Found, record_type: str, path: Path, info: os.stat_result) -> None:
    mode = info.st_mode
    if not path.name.isprintable():
        found.refuse(path, "this file's name has a line break or another character that does not "
                     "show; rename the file")
    elif stat.S_ISREG(mode) and info.st_nlink > 1:
        found.refuse(path, "this file is a hard link: the same file is also somewhere else, perhaps "
                     "outside the data folder; data files must be ordinary files: copy its text into "
                     "a new file")
    elif stat.S_ISREG(mode):
        found.files[record_type].append(path)
    elif stat.S_ISDIR(mode):
        found.refuse(path, f"this is a folder, not a file; put the records in a file named {path.name}, "
                     f"or in .yml files inside a folder named {path.stem}")
    else:
        found.refuse(path, f"this is {_kind(mode) or 'not an ordinary file'}, not a file of records; "
                     f"replace it with an ordinary file")


def _type_folder(found: Found, record_type: str, folder: Path, data_dir: Path) -> None:
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            _link(found, path)
        elif entry.name.endswith(".yml") and not entry.is_dir(follow_symlinks=False):
            _data_file(found, record_type, path, entry.stat(follow_symlinks=False))
        elif entry.is_dir(follow_symlinks=False):
            _strays(found, path, data_dir)
        elif path.suffix not in NOTES:
            _not_read(found, path, data_dir)


def find_files(data_dir: Path) -> Found:
    """Every data file of data_dir by record type, and a problem for each entry that is not one."""
    found = Found()
    for entry in sorted(os.scandir(data_dir), key=lambda e: e.name):
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        stem = entry.name.removesuffix(".yml")
        if entry.is_symlink():
            _link(found, path)
        elif entry.name.endswith(".yml") and stem in RECORD_TYPES:
            _data_file(found, stem, path, entry.stat(follow_symlinks=False))
        elif entry.name in RECORD_TYPES and entry.is_dir(follow_symlinks=False):
            _type_folder(found, entry.name, path, data_dir)
        elif entry.is_dir(follow_symlinks=False):
            _strays(found, path, data_dir)
        elif path.suffix not in NOTES:
            _not_read(found, path, data_dir)
    for paths in found.files.values():  # data/<type>.yml first, then data/<type>/*.yml by name
        paths.sort(key=lambda p: (p.parent != data_dir, p.name))
    return found


def data_files(data_dir: Path) -> dict[str, list[Path]]:
    """Each record type's files: data/<type>.yml first, then data/<type>/*.yml by name."""
    return find_files(data_dir).files
