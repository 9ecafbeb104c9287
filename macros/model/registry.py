"""The one registry of record types: each type's model, files, pages, names and label.

Everything that lists record types reads this: loading (which files), links (which folder),
`cspsite new` (the noun), exports, schemas and the staff guide. A new record type is one model
module plus one line here; tests/model/test_registry.py fails when the two disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from macros.model.actions import ActionItem
from macros.model.areas import Area
from macros.model.base import Record
from macros.model.campaigns import Campaign
from macros.model.funding import FundedProject, FundingPot
from macros.model.organisations import Organisation
from macros.model.priorities import Priority
from macros.model.routes import Route
from macros.model.sources import Source
from macros.model.statistics import Statistic

# Fields that say who may see a record. Every published record is public, so exports and the
# changelog leave them out: they would say nothing, or tell of what is not yet published.
INTERNAL_FIELDS = ("visibility", "embargo_until")


@dataclass(frozen=True)
class RecordType:
    """A kind of record and every name it goes by."""

    name: str  # data/<name>.yml or data/<name>/*.yml; /data/<name>.csv; schema/<name>.json
    model: type[Record]
    folder: str  # its pages: /<folder>/<id>/
    noun: str  # one record: `cspsite new <noun>`, fresh ids new-<noun>-1
    title: str  # a heading for many: "Funded projects"
    description: str
    label_field: str  # the field that names a record in links, headings and change lists

    def label(self, record: BaseModel | dict) -> str:
        """What to call a record (a model, or a record as read from YAML)."""
        value = record.get(self.label_field) if isinstance(record, dict) else getattr(
            record, self.label_field, None)
        identity = record.get("id") if isinstance(record, dict) else record.id
        return str(value) if isinstance(value, str) and value else str(identity)


RECORD_TYPES: dict[str, RecordType] = {t.name: t for t in (RecordType(*row) for row in (
    # name, model, URL folder, noun, title, description, label field
    ("sources", Source, "sources", "source", "Sources", "Documents every record cites", "title"),
    ("areas", Area, "areas", "area", "Areas", "Partnerships, counties, districts and towns", "name"),
    ("organisations", Organisation, "organisations", "organisation", "Organisations",
     "Authorities, partners and funders", "name"),
    ("priorities", Priority, "priorities", "priority", "Priorities",
     "What each partnership focuses on, by year", "name"),
    ("actions", ActionItem, "action-plan", "action", "Action plan items",
     "Objectives, activities and progress", "activity"),
    ("campaigns", Campaign, "campaigns", "campaign", "Campaigns", "Awareness campaigns and weeks", "name"),
    ("funding-pots", FundingPot, "funding-pots", "funding-pot", "Funding pots",
     "Money allocated, spent and remaining", "name"),
    ("funded-projects", FundedProject, "funding", "funded-project", "Funded projects",
     "Projects and what they cost", "title"),
    ("routes", Route, "routes", "route", "Reporting routes", "How to report something or get help",
     "name"),
    ("statistics", Statistic, "statistics", "statistic", "Statistics", "Reported figures over time",
     "metric"),
))}
_BY_MODEL = {t.model: t for t in RECORD_TYPES.values()}


def type_of(record: BaseModel) -> RecordType:
    return _BY_MODEL[type(record)]


def label(record: BaseModel) -> str:
    """What to call a record in a link or heading."""
    return type_of(record).label(record)


def record_path(record_type: str, record_id: str) -> str:
    """The site path of a record's page, without a leading slash: 'funding/x/'. Never changes."""
    return f"{RECORD_TYPES[record_type].folder}/{record_id}/"
