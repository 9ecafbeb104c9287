"""The mkdocs-macros entry point: register the views over the build's validated Dataset.

Pages in site_src/ call these views; they never loop over data themselves.
"""

from __future__ import annotations

from .build import dataset_for_build
from .links import Links, root_from
from .partnerships import SITE_WIDE_VIEWS, site_wide
from .views import REGISTRY


def _bind(env, view, dataset):
    """A macro that calls the view with the data and links relative to the page being built."""

    def macro(*args, **kwargs):
        return view(dataset, Links(root_from(env.page.url)), *args, **kwargs)

    macro.__name__ = view.__name__
    macro.__doc__ = view.__doc__
    return macro


def define_env(env) -> None:
    """Validate everything first: a data error stops the build with every problem listed."""
    dataset = dataset_for_build(env.conf["config_file_path"])
    for name, view in REGISTRY.items():
        if name in SITE_WIDE_VIEWS:
            view = site_wide(view, SITE_WIDE_VIEWS[name])
        env.macro(_bind(env, view, dataset), name)
