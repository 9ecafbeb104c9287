"""The state of one build, in one object: its data, its generated pages and its chart worker.

mkdocs-macros (macros/__init__.py) and the mkdocs hooks (hooks.py) are two entry points into one
build, and both need the data; loading it twice would double the work and could, in principle,
let them disagree. `state_for` gives both the same BuildState while the data folder, its files
and the build date stay the same: `mkdocs serve` gets a fresh one after every edit.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.data.dataset import Dataset
from macros.data.problems import DataError
from macros.data.validate import load_dataset
from macros.figures.drawing import CACHE_ENV, Drawer

DATA_ENV = "CSPSITE_DATA"
TODAY_ENV = "CSPSITE_TODAY"
CONFIG_FILE = "mkdocs.yml"  # beside it: data/ (unless CSPSITE_DATA says otherwise) and .cache/


def build_date() -> dt.date:
    """The date the build treats as today; CSPSITE_TODAY fixes it for repeatable builds."""
    fixed = os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def data_dir(config_file: str | Path) -> Path:
    return Path(os.environ.get(DATA_ENV) or Path(config_file).parent / "data")


def _fingerprint(directory: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in directory.rglob("*") if p.is_file()))


def cache_key(config_file: str | Path) -> tuple:
    directory = data_dir(config_file)
    return (str(directory.resolve()), build_date(), _fingerprint(directory) if directory.is_dir() else ())


@dataclass
class Generated:
    """One build's generated output (macros/build/generate.py); pages render their HTML when asked."""

    pages: dict = field(default_factory=dict)  # src_uri ('funding/x.md') -> a RecordPage
    files: dict = field(default_factory=dict)  # site path -> content (str or bytes)


@dataclass
class BuildState:
    key: tuple
    data_dir: Path
    today: dt.date
    dataset: Dataset
    generated: Generated = field(default_factory=Generated)  # this build's generated pages and files
    drawer: Drawer = field(default_factory=Drawer)
    # the mkdocs hooks' page cache (page_cache.PageCache), and per page its key and whether it hit
    cache: object = None
    keys: dict = field(default_factory=dict)
    bodies: dict = field(default_factory=dict)
    shard: tuple | None = None  # (K, N) when building a share of the pages


_current: BuildState | None = None


def state_for(config_file: str | Path) -> BuildState:
    """This build's state; the data is loaded and validated once, and a data error stops the build."""
    global _current
    # Drawn charts are kept beside mkdocs.yml, outside site/, for every later build (and for the
    # worker processes, which inherit the environment).
    os.environ.setdefault(CACHE_ENV, str(Path(config_file).resolve().parent / ".cache" / "charts"))
    key = cache_key(config_file)
    if _current is None or _current.key != key:
        if _current is not None:
            _current.drawer.stop()
        directory, today = data_dir(config_file), build_date()
        _current = None
        try:
            _current = BuildState(key, directory, today, load_dataset(directory, today))
        except DataError as error:
            # mkdocs prints a PluginError as a plain message and stops: every problem, no traceback
            raise PluginError(f"{error}\n\nThe site was not built because the data has errors.") from None
    return _current


def current_state(required: bool = True) -> BuildState | None:
    """The state `state_for` made for the build under way (the hooks' per-page calls ask often)."""
    if _current is None and required:
        raise RuntimeError("no build is under way: state_for() has not been called")
    return _current
