"""Small lookups several views share."""

from __future__ import annotations

from ..dataset import Dataset
from ..models.areas import AreaKind


def names(dataset: Dataset, record_type: str, ids: list[str]) -> list[str]:
    """Display names for a list of ids, in order."""
    out = []
    for record_id in ids:
        record = dataset.find(record_type, record_id)
        out.append(getattr(record, "name", None) or getattr(record, "title", record_id))
    return out


def in_area(dataset: Dataset, record_type: str, area: str | None):
    """Records of a type, optionally only those of one area."""
    return [r for r in dataset.all(record_type) if area is None or r.area == area]


LARGE_SITE = 5  # more partnerships than this and a site-wide list would grow without bound


def partnerships(dataset: Dataset) -> list:
    return sorted((a for a in dataset.all("areas") if a.kind == AreaKind.partnership), key=lambda a: a.name)


def is_large(dataset: Dataset) -> bool:
    """Many partnerships: site-wide lists become a choice of partnership (see partnerships.py)."""
    return len(partnerships(dataset)) > LARGE_SITE
