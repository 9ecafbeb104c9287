"""What a record page shows beside the record: the records that name it, and routes by topic."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel

from macros.data.dataset import Dataset
from macros.figures.charts import statistic_trend
from macros.model import RECORD_TYPES
from macros.model.areas import PLACE_KINDS
from macros.model.fields import date_order
from macros.site.citation import build_day
from macros.site.large import is_large
from macros.site.links import section_path
from macros.site.provenance import Fact, facts


def area_and_ancestors(dataset: Dataset, area_id: str | None) -> list[str]:
    """An area and every area containing it, nearest first."""
    chain = []
    while area_id and area_id not in chain:
        chain.append(area_id)
        area = dataset.find("areas", area_id)
        area_id = area.parent if area else None
    return chain


def routes_for(dataset: Dataset, topics, area_id: str | None) -> list[BaseModel]:
    """Routes about any of these topics that serve this area (including national ones)."""
    wanted = {t.value for t in topics}
    serving = set(area_and_ancestors(dataset, area_id))
    return [r for r in dataset.all("routes") if not r.closed(build_day())
            and wanted & {t.value for t in r.topics} and (not serving or r.area in serving)]


LIST_LIMIT = 40  # a national funder is named by thousands of records; its page must not grow with them


def referrers_by_type(dataset: Dataset, record_type: str, record_id: str,
                      also: list[str] = ()) -> list[tuple[str, str, list, int]]:
    """[(type, type title, the first LIST_LIMIT records, how many there are)] for every type that
    names this record (or, for a district, one of the towns in `also`), in registry order."""
    every = [*dataset.referrers(record_type, record_id),
             *(x for other in also for x in dataset.referrers(record_type, other))]
    found = {(t, r.id): (t, r) for t, r in every}.values()
    groups = []
    for name, kind in RECORD_TYPES.items():
        records = [r for t, r in found if t == name]
        if records:
            groups.append((name, kind.title, records[:LIST_LIMIT], len(records)))
    return groups


def cited_by_section(dataset: Dataset, document: str) -> list[tuple[str, list[tuple[str, BaseModel]]]]:
    """[(section, [(record type, record)])] for a document, sections in the order first cited."""
    sections: dict[str, list[tuple[str, BaseModel]]] = {}
    for section, record_type, record in dataset.citing(document):
        sections.setdefault(section, []).append((record_type, record))
    return list(sections.items())


CITED_LIMIT = 250  # records listed on a source's page (about 0.15 KB each); Suffolk's longest cites 162


def cited_by_section_capped(dataset: Dataset, document: str) -> list[tuple[str, list, int]]:
    """[(section, the records listed, how many cite it)]: every section, but CITED_LIMIT records in
    all, so an annual report that thousands of records cite has a page of bounded size."""
    left = CITED_LIMIT
    capped = []
    for section, cited in cited_by_section(dataset, document):
        capped.append((section, cited[:left], len(cited)))
        left = max(0, left - len(cited))
    return capped


def _capped(records: list) -> tuple[list, int]:
    return records[:LIST_LIMIT], len(records)


def related_for(dataset: Dataset, record_type: str, record: BaseModel) -> dict:
    refs = lambda of_type: list(dataset.referrers(record_type, record.id, of_type=of_type))  # noqa: E731
    if record_type == "priorities":
        area = dataset.find("areas", record.area)
        own = record.area if is_large(dataset) and area and area.kind.value == "partnership" else None
        return {
            "actions": _capped(refs("actions")), "campaigns": _capped(refs("campaigns")),
            "projects": _capped(refs("funded-projects")), "statistics": _capped(refs("statistics")),
            "lists": {key: section_path(own, key)
                      for key in ("action-plan", "campaigns", "funding", "statistics")},
            "routes": routes_for(dataset, record.topics, record.area) if record.topics else [],
        }
    if record_type == "statistics":
        return {"trend": statistic_trend(dataset, record)}
    if record_type == "funding-pots":
        projects = sorted(refs("funded-projects"), key=lambda p: date_order(p.award_date))
        return {"projects": projects, "paid": sum((p.amount for p in projects if p.amount is not None),
                                                  Decimal(0)),
                "unstated": sum(p.amount is None for p in projects)}
    if record_type == "sources":
        kind = getattr(record, "kind", None)
        shown = facts(dataset, record) + ([Fact("Kind", kind.value.capitalize())] if kind else [])
        return {"sections": cited_by_section_capped(dataset, record.id), "provenance": shown}
    if record_type == "areas":
        places = [a for a in dataset.all("areas") if a.parent == record.id and a.kind in PLACE_KINDS]
        return {"groups": referrers_by_type(dataset, record_type, record.id, [p.id for p in places]),
                "children": [a for a in dataset.all("areas") if a.parent == record.id]}
    if record_type == "organisations":
        return {"groups": referrers_by_type(dataset, record_type, record.id),
                "children": [a for a in dataset.all("areas") if a.parent == record.id]}
    return {}
