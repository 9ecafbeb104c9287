"""An action plan item: an objective, the activity towards it, who leads, and progress."""

from enum import Enum

from pydantic import Field, model_validator

from macros.model.base import Citation, CitedRecord, Model, Placed
from macros.model.catalogue import Rule
from macros.model.fields import (
    AreaRef,
    Number,
    OrgRef,
    PartialDate,
    PlainText,
    PriorityRef,
    Prose,
    Quarter,
    problem,
)


class Status(str, Enum):
    not_started = "not started"
    in_progress = "in progress"
    complete = "complete"
    on_hold = "on hold"
    not_stated = "not stated"


class Rag(str, Enum):
    red = "red"
    amber = "amber"
    green = "green"


class Update(Model):
    """A progress note, as given in the plan's 'activity update' column. An update the report does
    not date has neither quarter nor date: it is shown as reported by the report's date."""

    title: PlainText | None = Field(None, description="A short title for lists and search results")
    quarter: Quarter | None = Field(None, description="e.g. Q1 2023/24, where the report gives one")
    date: PartialDate | None = Field(None, description="Use when the update has a date but no quarter")
    text: Prose
    sources: list[Citation] = Field(default_factory=list, description="Defaults to the item's")


class Kpi(Model):
    name: PlainText
    title: PlainText | None = Field(None, description="A short title for lists and search results")
    unit: PlainText | None = None
    baseline: Number | None = None
    target: Number | None = None
    target_note: PlainText | None = Field(None, description="e.g. 'to be confirmed'")
    latest: Number | None = None
    as_of: PartialDate | None = None

    @model_validator(mode="after")
    def _latest_is_dated(self):
        if self.latest is not None and self.as_of is None:
            raise problem(Rule.UNDATED, "a KPI with a latest value needs as_of: the date it was measured",
                          "as_of")
        return self


class ActionItem(Placed, CitedRecord):
    area: AreaRef = Field(description="The partnership whose action plan it is in")
    plan: PlainText | None = Field(None, description="The plan this item belongs to, as the report names it")
    priority: PriorityRef = Field(description="The priority or theme it serves")
    title: PlainText | None = Field(None, description="A short title for lists and search results")
    objective: PlainText | None = Field(None,
        description="The objective the activity serves, as the plan words it, where it gives one")
    activity: Prose = Field(description="What is to be done, as the plan words it")
    leads: list[OrgRef] = Field(default_factory=list,
        description="The organisations that lead it; leave out when the plan names none")
    lead_note: PlainText | None = Field(None, description="Team or role, never a person's name")
    status: Status = Field(Status.not_stated,
        description="Progress as the plan gives it: not started, in progress, complete, on hold, not stated")
    rag: Rag | None = Field(None, description="Red, amber or green, where the plan gives one")
    updates: list[Update] = Field(default_factory=list, description="Dated progress notes, oldest first")
    kpis: list[Kpi] = Field(default_factory=list,
        description="Key performance indicators: baseline, target and latest value")
