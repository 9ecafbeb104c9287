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

    name: PlainText = Field(description="The pot's name")
    funder: OrgRef = Field(description="The organisation that provided the money")
    area: AreaRef = Field(description="The area the money is for")
    financial_years: list[FinancialYear] = Field(min_length=1,
        description="The financial years it covers, like 2022/23")
    allocated: Money = Field(description="The amount made available, in pounds")
    spent: Money | None = Field(None, description="The amount spent by as_of, in pounds, where reported")
    remaining: Money | None = Field(None, description="The amount left at as_of, in pounds, where reported")
    as_of: PartialDate = Field(description="When spent and remaining were reported")
    position: PlainText | None = Field(None, description="The position in the report's own words")
    description: Prose | None = Field(None, description="What the pot is for")

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
    title: PlainText = Field(description="The project's name, as the report gives it")
    description: Prose | None = Field(None, description="What the money paid for")
    amount: Money = Field(description="The amount awarded, in pounds")
    award_date: PartialDate = Field(description="When it was awarded: a day, a month or a year, as reported")
    financial_year: FinancialYear = Field(
        description="The financial year it belongs to, like 2019/20 (1 April to 31 March)")
    funder: OrgRef = Field(description="The organisation that paid")
    recipient: OrgRef | None = Field(None,
        description="The organisation that received the money, where named")
    recipient_note: PlainText | None = Field(None, description="e.g. 'not named in the report'")
    pot: PotRef | None = Field(None, description="The funding pot it was paid from, where reported")
    area: AreaRef = Field(description="The area the project served")
    priorities: list[PriorityRef] = Field(default_factory=list, description="The priorities it served")
    outcomes: list[Figure] = Field(default_factory=list,
        description="Figures the reports give for what it achieved")

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
