"""The mkdocs-macros entry point: register the views over the build's validated Dataset.

Pages in site_src/ call these views; they never loop over data themselves.
"""

from __future__ import annotations

from pathlib import Path

from macros.build.generate import settings, site_info
from macros.build.state import CONFIG_FILE, state_for
from macros.site.citation import publish_as
from macros.site.links import Links, root_from
from macros.site.sections import site_wide
from macros.site.views import VIEWS


def _bind(env, function, dataset):
    """A macro that calls the view with the data and links relative to the page being built."""

    def macro(*args, **kwargs):
        return function(dataset, Links(root_from(env.page.url)), *args, **kwargs)

    macro.__name__ = function.__name__
    macro.__doc__ = function.__doc__
    return macro


def define_env(env) -> None:
    """Validate everything first: a data error stops the build with every problem listed."""
    # env.project_dir (the folder of mkdocs.yml) is given by mkdocs-macros and Zensical alike.
    config_file = Path(env.project_dir) / CONFIG_FILE
    state = state_for(config_file)
    # The site every "Cite this" names, as mkdocs.yml says; under mkdocs the hook then sets it
    # again from mkdocs' own config (the same, but for `mkdocs serve`'s local address).
    site = site_info(settings(config_file), state)
    publish_as(site.name, site.url, site.today)
    dataset = state.dataset
    for name, view in VIEWS.items():
        env.macro(_bind(env, site_wide(view), dataset), name)
