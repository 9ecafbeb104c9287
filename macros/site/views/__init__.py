"""Views: pure functions of the Dataset that return HTML for pages, each registered once.

Pages in site_src/ call them by name, `{{ funding_table() }}`; `@view(...)` registers a function
as a macro and says, beside it, what it becomes on a large site (see macros/site/large.py):
SAME (unchanged), HIDDEN (a second list on a page whose main list already offers the choice),
AREAS (a pointer to the areas index), or the name of a section, which makes it a choice of
partnership for that section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

SAME, HIDDEN, AREAS = "same", "hidden", "areas"


@dataclass(frozen=True)
class View:
    function: Callable
    on_large_site: str = SAME


VIEWS: dict[str, View] = {}


def view(on_large_site: str = SAME) -> Callable[[Callable], Callable]:
    """Register a view as a macro, under its function's name."""

    def register(function: Callable) -> Callable:
        VIEWS[function.__name__] = View(function, on_large_site)
        return function

    return register


# Imported after `view` exists: each module registers its views as it loads.
from macros.site.views import (  # noqa: E402
    actions,
    campaigns,
    figures,
    funding,
    open_data,
    partnership,
    priorities,
    report,
    sources,
    staff,
    statistics,
    updates,
)

__all__ = ["AREAS", "HIDDEN", "SAME", "VIEWS", "View", "actions", "campaigns", "figures", "funding",
           "open_data", "partnership", "priorities", "report", "sources", "staff", "statistics", "updates",
           "view"]
