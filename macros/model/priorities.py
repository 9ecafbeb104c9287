"""What a partnership focuses on, and how that changed from year to year."""

from enum import Enum

from pydantic import Field

from macros.model.base import Citation, CitedRecord, Model
from macros.model.fields import AreaRef, FinancialYear, PlainText, Prose, SourceRef
from macros.model.topics import Topic


class PriorityKind(str, Enum):
    priority = "priority"
    theme = "theme"


class Focus(str, Enum):
    priority = "priority"  # in the action plan's priorities
    area_of_focus = "area of focus"  # named for close attention, not an action-plan priority


class SourceName(Model):
    """What one document calls it, where documents name it differently."""

    name: PlainText
    document: SourceRef = Field(description="The id of the document that uses this name")


class PriorityYear(Model):
    """One year as a priority (or an area of focus), under the name it had that year."""

    year: FinancialYear
    name: PlainText
    focus: Focus = Field(Focus.priority,
        description="priority, or area of focus (not an action-plan priority)")
    new: bool = Field(False, description="True when the report says it was added that year (mid-cycle too)")
    names: list[SourceName] = Field(default_factory=list,
        description="The names each document uses, where they differ from name")
    sources: list[Citation] = Field(min_length=1)


class Priority(CitedRecord):
    area: AreaRef = Field(description="The partnership or board whose priority this is")
    kind: PriorityKind = Field(PriorityKind.priority, description="A priority, or a theme")
    name: PlainText = Field(description="Its current name")
    summary: Prose | None = Field(None, description="What the priority is about")
    topics: list[Topic] = Field(default_factory=list, description="What residents would report")
    history: list[PriorityYear] = Field(min_length=1,
        description="Each financial year it was a priority, its name that year, and where that is reported")
