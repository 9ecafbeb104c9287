"""Money: funding pots and what they paid for: projects, awards to a service, posts and schemes."""

from decimal import Decimal
from enum import Enum

from pydantic import Field, model_validator

from macros.model.base import CitedRecord, Figure, Part, Placed, Qualifier
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
    funder: OrgRef | None = Field(None,
        description="The organisation that provided the money, where the report names it")
    area: AreaRef = Field(description="The area the money is for")
    financial_years: list[FinancialYear] = Field(min_length=1,
        description="The financial years it covers, like 2022/23")
    allocated: Money = Field(description="The amount made available, in pounds")
    spent: Money | None = Field(None, description="The amount spent by as_of, in pounds, where reported")
    remaining: Money | None = Field(None, description="The amount left at as_of, in pounds, where reported")
    as_of: PartialDate = Field(
        description="The date spent and remaining are true as at: the report's date unless it gives another")
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


class FundingKind(str, Enum):
    project = "project"
    service = "award to a service"  # e.g. a national funder's award to a council service
    post = "post"  # a funded post, for a period
    scheme = "scheme"


class FundedProject(Placed, CitedRecord):
    title: PlainText = Field(description="The project's name, as the report gives it")
    kind: FundingKind = Field(FundingKind.project,
        description="project, award to a service, post or scheme")
    period: PlainText | None = Field(None,
        description="The period the money covers, as the report words it, e.g. 'for two years'")
    period_start: PartialDate | None = Field(None, description="When that period begins, as reported")
    period_end: PartialDate | None = Field(None, description="When it ends, as reported")
    breakdown: list[Part] = Field(default_factory=list,
        description="How the amount is split (by district, for example); the parts must add up to it")
    description: Prose | None = Field(None, description="What the money paid for")
    amount: Money | None = Field(None,
        description="Pounds awarded, as a plain number; leave out when the report gives none")
    award_date: PartialDate | None = Field(None,
        description="When it was awarded: a day, a month or a year, as reported; leave out when not stated")
    financial_year: FinancialYear | None = Field(None,
        description="The financial year it belongs to, like 2019/20 (1 April to 31 March), where stated")
    funder: OrgRef | None = Field(None, description="The organisation that paid, where the report names it")
    recipient: OrgRef | None = Field(None,
        description="The organisation that received the money, where named")
    recipient_note: PlainText | None = Field(None, description="e.g. 'not named in the report'")
    pot: PotRef | None = Field(None, description="The funding pot it was paid from, where reported")
    area: AreaRef = Field(description="The area the project served")
    priorities: list[PriorityRef] = Field(default_factory=list, description="The priorities it served")
    outcomes: list[Figure] = Field(default_factory=list,
        description="Figures the reports give for what it achieved")

    @model_validator(mode="after")
    def _parts_add_up(self):
        if self.breakdown and self.amount is not None and self.discrepancy is None and all(
                p.qualifier is Qualifier.exactly for p in self.breakdown):
            total = sum((Decimal(str(p.value)) for p in self.breakdown), Decimal(0))
            if total != self.amount:
                raise problem(Rule.PARTS_DO_NOT_ADD_UP,
                              f"the breakdown adds up to £{total:,}, not the amount £{self.amount:,}; "
                              "correct the figures, or, if the report's own figures disagree, keep them "
                              "and add discrepancy: saying so", "breakdown")
        return self

    @model_validator(mode="after")
    def _year_matches_date(self):
        if self.award_date is None or self.financial_year is None or self.award_date.precision == "year":
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
