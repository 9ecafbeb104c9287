"""An awareness campaign or week: when, where, about what, and who it reached."""

from enum import Enum

from pydantic import Field, model_validator

from macros.model.base import CitedRecord, Figure
from macros.model.catalogue import Rule
from macros.model.fields import AreaRef, Money, OrgRef, PartialDate, PlainText, PriorityRef, Prose, problem


class CampaignStatus(str, Enum):
    upcoming = "upcoming"
    running = "running"
    finished = "finished"


class Campaign(CitedRecord):
    name: PlainText = Field(description="The campaign's name")
    hashtag: PlainText | None = Field(None, pattern=r"^#\w+$",
        description="Its hashtag, where the reports give one")
    area: AreaRef = Field(description="Where it ran")
    start: PartialDate = Field(description="When it began: a day, a month or a year, as reported")
    end: PartialDate | None = Field(None, description="When it ended, where reported")
    when: PlainText | None = Field(None, description="The dates as the report words them")
    status: CampaignStatus = Field(description="upcoming, running or finished")
    priorities: list[PriorityRef] = Field(default_factory=list, description="The priorities it served")
    organisers: list[OrgRef] = Field(default_factory=list, description="The organisations that ran it")
    channels: list[PlainText] = Field(default_factory=list, description="e.g. social media, radio")
    description: Prose | None = Field(None, description="What it did")
    reach: list[Figure] = Field(default_factory=list,
        description="Figures the reports give for whom it reached")
    cost: Money | None = Field(None, description="What it cost the partnership, in pounds")

    @model_validator(mode="after")
    def _end_after_start(self):
        if self.end is not None and self.end.last_day < self.start.first_day:
            raise problem(Rule.END_BEFORE_START, f"end {self.end} is before start {self.start}; swap them",
                          "end")
        return self

