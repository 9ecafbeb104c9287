"""Money: funding pots and the projects paid for from them."""

from pydantic import Field, model_validator

from macros.model.base import CitedRecord, Figure
from macros.model.catalogue import Rule
from macros.model.fields import (
    AreaRef,
    FinancialYear,
    Money,
    OrgRef,
    PartialDate,
    PlainText,
    PotRef,
    PriorityRef,
    Prose,
    financial_year_of,
    problem,
)


class FundingPot(CitedRecord):
    """Money made available to a partnership: allocated, spent, remaining."""

    name: PlainText
    funder: OrgRef
    area: AreaRef
    financial_years: list[FinancialYear] = Field(min_length=1)
    allocated: Money
    spent: Money | None = None
    remaining: Money | None = None
    as_of: PartialDate = Field(description="When spent and remaining were reported")
    position: PlainText | None = Field(None, description="The position in the report's own words")
    description: Prose | None = None

    @model_validator(mode="after")
    def _adds_up(self):
        if self.spent is not None and self.spent > self.allocated:
            raise problem(
                Rule.OVERSPENT,
                f"spent £{self.spent:,} is more than the £{self.allocated:,} allocated; check both",
                "spent",
            )
        if self.spent is not None and self.remaining is not None and (
            self.spent + self.remaining != self.allocated
        ):
            raise problem(
                Rule.DOES_NOT_ADD_UP,
                f"spent £{self.spent:,} plus remaining £{self.remaining:,} does not equal "
                f"the £{self.allocated:,} allocated; correct one of the three",
                "remaining",
            )
        return self


class FundedProject(CitedRecord):
    title: PlainText
    description: Prose | None = None
    amount: Money
    award_date: PartialDate
    financial_year: FinancialYear
    funder: OrgRef
    recipient: OrgRef | None = None
    recipient_note: PlainText | None = Field(None, description="e.g. 'not named in the report'")
    pot: PotRef | None = None
    area: AreaRef
    priorities: list[PriorityRef] = Field(default_factory=list)
    outcomes: list[Figure] = Field(default_factory=list)

    @model_validator(mode="after")
    def _year_matches_date(self):
        if self.award_date.precision == "year":
            return self
        possible = {financial_year_of(self.award_date.first_day),
                    financial_year_of(self.award_date.last_day)}
        if self.financial_year not in possible:
            year = " or ".join(sorted(possible))
            raise problem(
                Rule.FINANCIAL_YEAR,
                f"award_date {self.award_date} falls in {year}, not {self.financial_year}; "
                f"write financial_year: {year}",
                "financial_year",
            )
        return self
