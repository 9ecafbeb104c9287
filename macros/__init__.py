"""The mkdocs-macros entry point: load and validate the data once, then register the views.

Pages in site_src/ call these views; they never loop over data themselves.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import partial
from pathlib import Path

from .dataset import load_dataset
from .views import REGISTRY

DATA_ENV = "CSPSITE_DATA"
TODAY_ENV = "CSPSITE_TODAY"


def build_date() -> dt.date:
    """The date the build treats as today; fixed by CSPSITE_TODAY for repeatable builds."""
    fixed = os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def data_dir(config_file: str) -> Path:
    return Path(os.environ.get(DATA_ENV) or Path(config_file).parent / "data")


def define_env(env) -> None:
    """Validate everything first: a data error stops the build with every problem listed."""
    dataset = load_dataset(data_dir(env.conf["config_file_path"]), build_date())
    env.variables["dataset_counts"] = dataset.counts()
    for name, view in REGISTRY.items():
        env.macro(partial(view, dataset), name)
