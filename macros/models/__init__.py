"""One model per record type, and the registry that says where each type's files live."""

from dataclasses import dataclass

from pydantic import BaseModel

from .actions import ActionItem
from .areas import Area
from .campaigns import Campaign
from .funding import FundedProject, FundingPot
from .organisations import Organisation
from .priorities import Priority
from .routes import Route
from .sources import Source
from .statistics import Statistic


@dataclass(frozen=True)
class RecordType:
    """A kind of record: its model, its name in paths and exports, and what it is for."""

    name: str
    model: type[BaseModel]
    title: str
    description: str


RECORD_TYPES: dict[str, RecordType] = {
    t.name: t
    for t in (
        RecordType("sources", Source, "Sources", "Documents every record cites"),
        RecordType("areas", Area, "Areas", "Partnerships, counties, districts and towns"),
        RecordType("organisations", Organisation, "Organisations", "Authorities, partners and funders"),
        RecordType("priorities", Priority, "Priorities", "What each partnership focuses on, by year"),
        RecordType("actions", ActionItem, "Action plan items", "Objectives, activities and progress"),
        RecordType("campaigns", Campaign, "Campaigns", "Awareness campaigns and weeks"),
        RecordType("funding-pots", FundingPot, "Funding pots", "Money allocated, spent and remaining"),
        RecordType("funded-projects", FundedProject, "Funded projects", "Projects and what they cost"),
        RecordType("routes", Route, "Reporting routes", "How to report something or get help"),
        RecordType("statistics", Statistic, "Statistics", "Reported figures over time"),
    )
}

__all__ = ["RECORD_TYPES", "RecordType"]
