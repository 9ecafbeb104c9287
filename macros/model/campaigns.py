"""A dated event: an awareness campaign or week, a week of action, a conference, a consultation.

Its kind says which; its dates are at the precision the report gives them (a week without a
year stays without one), and its status is as at the report's date, never today's.
"""

from enum import Enum

from pydantic import Field, model_validator

from macros.model.base import Citation, CitedRecord, Figure, Model, Placed
from macros.model.catalogue import Rule
from macros.model.fields import AreaRef, Money, OrgRef, PartialDate, PlainText, PriorityRef, Prose, problem


class CampaignStatus(str, Enum):
    upcoming = "upcoming"
    running = "running"
    finished = "finished"


class EventKind(str, Enum):
    campaign = "campaign"
    awareness_week = "awareness week"
    week_of_action = "week of action"
    conference = "conference"
    consultation = "consultation"
    awards = "awards"
    event = "event"


class Milestone(Model):
    """A further dated step: a consultation's results published, a campaign's relaunch."""

    what: PlainText = Field(description="e.g. 'results published', as the report words it")
    date: PartialDate | None = Field(None, description="When, at the precision the report gives")
    sources: list[Citation] = Field(default_factory=list, description="Defaults to the event's")


class Campaign(Placed, CitedRecord):
    name: PlainText = Field(description="The event's name")
    kind: EventKind = Field(EventKind.campaign,
        description="campaign, awareness week, week of action, conference, consultation, awards or event")
    hashtag: PlainText | None = Field(None, pattern=r"^#\w+$",
        description="Its hashtag, where the reports give one")
    area: AreaRef = Field(description="Where it ran")
    start: PartialDate | None = Field(None,
        description="When it began (a consultation: when it opened), at the precision reported; leave "
                    "out when not stated")
    end: PartialDate | None = Field(None,
        description="When it ended (a consultation: when it closed), where reported")
    when: PlainText | None = Field(None, description="The dates as the report words them")
    milestones: list[Milestone] = Field(default_factory=list,
        description="Other dated steps, such as when a consultation's results were published")
    status: CampaignStatus | None = Field(None,
        description="upcoming, running or finished, as at the report's date; leave out when not stated")
    priorities: list[PriorityRef] = Field(default_factory=list, description="The priorities it served")
    organisers: list[OrgRef] = Field(default_factory=list, description="The organisations that ran it")
    participants: list[OrgRef] = Field(default_factory=list,
        description="Organisations the report says took part or supported it, without saying they ran it")
    channels: list[PlainText] = Field(default_factory=list, description="e.g. social media, radio")
    description: Prose | None = Field(None, description="What it did")
    reach: list[Figure] = Field(default_factory=list,
        description="Figures the reports give for whom it reached")
    cost: Money | None = Field(None, description="What it cost the partnership, in pounds")

    @model_validator(mode="after")
    def _end_after_start(self):
        if self.end is None or self.start is None:
            return self
        if self.start.has_year and self.end.has_year:
            wrong = self.end.last_day < self.start.first_day
        else:  # within one year, as a report dates a week without its year
            wrong = (self.end.month, self.end.day or 31) < (self.start.month or 0, self.start.day or 0)
        if wrong:
            raise problem(Rule.END_BEFORE_START, f"end {self.end} is before start {self.start}; swap them",
                          "end")
        return self
