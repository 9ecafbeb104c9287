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
    metric: PlainText = Field(description="What is measured")
    unit: PlainText = Field(description="e.g. people, arrests, £, %")
    area: AreaRef = Field(description="The area the figures are for")
    priorities: list[PriorityRef] = Field(default_factory=list,
        description="The priorities the figure tracks")
    description: Prose | None = Field(None, description="About the figure and how it is measured")
    points: list[Point] = Field(min_length=1,
        description="Each reported value, with its period and where it is reported")
