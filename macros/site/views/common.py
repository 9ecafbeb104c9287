"""Small lookups several views share."""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.model import label


def names(dataset: Dataset, record_type: str, ids: list[str]) -> list[str]:
    """Display names for a list of ids, in order."""
    return [label(record) if (record := dataset.find(record_type, i)) else i for i in ids]


def in_area(dataset: Dataset, record_type: str, area: str | None):
    """Records of a type, optionally only those of one area."""
    return [r for r in dataset.all(record_type) if area is None or area in areas_of(r)]


def areas_of(record) -> list[str]:
    """Every area a record names: its area and any further ones (joint work, towns)."""
    return record.all_areas() if hasattr(record, "all_areas") else [getattr(record, "area", None)]
