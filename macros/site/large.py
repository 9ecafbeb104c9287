"""The large-site policy: past LARGE_SITE partnerships, no page may grow with their number.

A small site (Suffolk's two partnerships) lists everything site-wide. A large one turns each
site-wide list into a choice of partnership (sections.py), with a page per partnership and
section and a report-finder page per topic and partnership. Each view says what it becomes on
a large site where it is registered (views/__init__.py).
"""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.model.areas import AreaKind

LARGE_SITE = 5  # more partnerships than this and a site-wide list would grow without bound


def partnerships(dataset: Dataset) -> list:
    return sorted((a for a in dataset.all("areas") if a.kind == AreaKind.partnership), key=lambda a: a.name)


def is_large(dataset: Dataset) -> bool:
    """Many partnerships: site-wide lists become a choice of partnership."""
    return len(partnerships(dataset)) > LARGE_SITE
