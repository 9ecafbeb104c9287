"""What a partnership focuses on, and how that changed from year to year."""

from enum import Enum

from pydantic import Field

from macros.model.base import Citation, CitedRecord, Model
from macros.model.fields import AreaRef, FinancialYear, PlainText, Prose
from macros.model.topics import Topic


class PriorityKind(str, Enum):
    priority = "priority"
    theme = "theme"


class PriorityYear(Model):
    """One year as a priority, under the name it had that year."""

    year: FinancialYear
    name: PlainText
    sources: list[Citation] = Field(min_length=1)


class Priority(CitedRecord):
    area: AreaRef = Field(description="The partnership or board whose priority this is")
    kind: PriorityKind = Field(PriorityKind.priority, description="A priority, or a theme")
    name: PlainText = Field(description="Its current name")
    summary: Prose | None = Field(None, description="What the priority is about")
    topics: list[Topic] = Field(default_factory=list, description="What residents would report")
    history: list[PriorityYear] = Field(min_length=1,
        description="Each financial year it was a priority, its name that year, and where that is reported")
