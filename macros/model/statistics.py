"""A measured figure over time: arrests, people trained, properties made safer."""

from decimal import Decimal

from pydantic import Field, model_validator

from macros.model.base import Citation, CitedRecord, Model, Part, Placed, Qualifier
from macros.model.catalogue import Rule
from macros.model.fields import AreaRef, Number, PartialDate, PlainText, PriorityRef, Prose, problem


class Point(Model):
    """One reported value for a period."""

    period: PlainText = Field(description="The period as reported, e.g. '12 months to June 2019'")
    as_of: PartialDate = Field(
        description="The end of that period, for ordering and charts; for a figure the report does not "
                    "date, the report's date (the figure is true as at then)")
    value: Number
    qualifier: Qualifier = Qualifier.exactly
    breakdown: list[Part] = Field(default_factory=list,
        description="The parts of the value (by district, town or kind); they must add up to it")
    discrepancy: PlainText | None = Field(None,
        description="Where the report's parts and total disagree: say so, and both are kept as printed")
    sources: list[Citation] = Field(min_length=1)

    @model_validator(mode="after")
    def _parts_add_up(self):
        exact = self.qualifier is Qualifier.exactly and all(
            p.qualifier is Qualifier.exactly for p in self.breakdown)
        if self.breakdown and exact and self.discrepancy is None:
            total = sum((Decimal(str(p.value)) for p in self.breakdown), Decimal(0))
            if total != Decimal(str(self.value)):
                raise problem(Rule.PARTS_DO_NOT_ADD_UP,
                              f"the breakdown adds up to {total:,}, not the value {self.value:,}; correct "
                              "the figures, or, if the report's own figures disagree, keep them and add "
                              "discrepancy: saying so", "breakdown")
        return self


class Statistic(Placed, CitedRecord):
    metric: PlainText = Field(description="What is measured")
    unit: PlainText = Field(description="e.g. people, arrests, £, %")
    area: AreaRef = Field(description="The area the figures are for")
    priorities: list[PriorityRef] = Field(default_factory=list,
        description="The priorities the figure tracks")
    description: Prose | None = Field(None, description="About the figure and how it is measured")
    points: list[Point] = Field(min_length=1,
        description="Each reported value, with its period and where it is reported")
