"""An action plan item: an objective, the activity towards it, who leads, and progress."""

from enum import Enum

from pydantic import Field, model_validator

from macros.model.base import Citation, CitedRecord, Model
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
    """A dated progress note, as given in the plan's 'activity update' column."""

    quarter: Quarter | None = Field(None, description="e.g. Q1 2023/24")
    date: PartialDate | None = Field(None, description="Use when the update has no quarter")
    text: Prose
    sources: list[Citation] = Field(default_factory=list, description="Defaults to the item's")

    @model_validator(mode="after")
    def _dated(self):
        if self.quarter is None and self.date is None:
            raise problem(Rule.UNDATED, "an update needs a quarter (Q1 2023/24) or a date", "quarter")
        return self


class Kpi(Model):
    name: PlainText
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


class ActionItem(CitedRecord):
    area: AreaRef = Field(description="The partnership whose action plan it is in")
    plan: PlainText = Field(description="The plan this item belongs to")
    priority: PriorityRef = Field(description="The priority or theme it serves")
    objective: PlainText = Field(description="The objective the activity serves, as the plan words it")
    activity: Prose = Field(description="What is to be done, as the plan words it")
    leads: list[OrgRef] = Field(min_length=1, description="The organisations that lead it")
    lead_note: PlainText | None = Field(None, description="Team or role, never a person's name")
    status: Status = Field(Status.not_stated,
        description="Progress as the plan gives it: not started, in progress, complete, on hold, not stated")
    rag: Rag | None = Field(None, description="Red, amber or green, where the plan gives one")
    updates: list[Update] = Field(default_factory=list, description="Dated progress notes, oldest first")
    kpis: list[Kpi] = Field(default_factory=list,
        description="Key performance indicators: baseline, target and latest value")
