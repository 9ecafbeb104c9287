"""The Dataset for the current build, loaded once and shared by the macros and the page hook.

mkdocs-macros and the hook both need the data; loading it twice would double the work and
could, in principle, let them disagree. The cache key is the data files' paths, sizes and
modification times, so `mkdocs serve` reloads after every edit.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from .dataset import Dataset, load_dataset
from .problems import DataError

DATA_ENV = "CSPSITE_DATA"
TODAY_ENV = "CSPSITE_TODAY"

_cache: dict[tuple, Dataset] = {}


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


def dataset_for_build(config_file: str | Path) -> Dataset:
    key = cache_key(config_file)
    if key not in _cache:
        directory, today = data_dir(config_file), build_date()
        _cache.clear()
        try:
            _cache[key] = load_dataset(directory, today)
        except DataError as error:
            # mkdocs prints a PluginError as a plain message and stops: every problem, no traceback
            raise PluginError(f"{error}\n\nThe site was not built because the data has errors.") from None
    return _cache[key]
