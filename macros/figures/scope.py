"""What a chart or table covers, in words for its caption: the whole site, or one area only."""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.model import RECORD_TYPES

LIST_AREAS_UP_TO = 5  # name the areas covered up to this many; past it, count them


def in_area(dataset: Dataset, record_type: str, area: str | None) -> list:
    """Records of a type (of one area): grouped once, so a chart per area costs its own records only."""
    if area is None:
        return list(dataset.all(record_type))
    groups = dataset.derived(("by area", record_type), lambda: _group_by_area(dataset.all(record_type)))
    return groups.get(area, [])


def _group_by_area(records) -> dict[str, list]:
    groups: dict[str, list] = {}
    for record in records:
        for area in record.all_areas() if hasattr(record, "all_areas") else [record.area]:
            groups.setdefault(area, []).append(record)
    return groups


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def scope_of(dataset: Dataset, record_type: str, area: str | None, records) -> str:
    """'All 16 funded projects on this site, in 2 areas: Suffolk and East Suffolk ...', or
    'The 15 funded projects of East Suffolk Community Safety Partnership only'."""
    count = len(records)
    noun = RECORD_TYPES[record_type].title.lower() if count != 1 else \
        RECORD_TYPES[record_type].noun.replace("-", " ")
    if area is not None:
        found = dataset.find("areas", area)
        return f"The {count} {noun} of {found.name if found else area} only"
    areas = [a for a in dict.fromkeys(r.area for r in records)]
    names = [found.name if (found := dataset.find("areas", a)) else a for a in areas]
    where = f"in {len(names)} area{'s' if len(names) != 1 else ''}"
    if len(names) <= LIST_AREAS_UP_TO:
        where += f": {_names(sorted(names))}"
    every = len(dataset.all(record_type))
    if count < every:  # some records lack what the chart needs (a stated year or amount)
        return (f"{count} of the {every} {RECORD_TYPES[record_type].title.lower()} on this site, {where} "
                f"(the other {every - count} do not state what the chart needs)")
    return f"All {count} {noun} on this site, {where}"
