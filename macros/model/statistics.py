"""A measured figure over time: arrests, people trained, properties made safer."""

from pydantic import Field

from macros.model.base import Citation, CitedRecord, Model, Qualifier
from macros.model.fields import AreaRef, Number, PartialDate, PlainText, PriorityRef, Prose


class Point(Model):
    """One reported value for a period."""

    period: PlainText = Field(description="The period as reported, e.g. '12 months to June 2019'")
    as_of: PartialDate = Field(description="The end of that period, for ordering and charts")
    value: Number
    qualifier: Qualifier = Qualifier.exactly
    sources: list[Citation] = Field(min_length=1)


class Statistic(CitedRecord):
    metric: PlainText
    unit: PlainText = Field(description="e.g. people, arrests, £, %")
    area: AreaRef
    priorities: list[PriorityRef] = Field(default_factory=list)
    description: Prose | None = None
    points: list[Point] = Field(min_length=1)
