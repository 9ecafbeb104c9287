"""A published document that records cite: a committee report, an appendix, a web page, or the
editors' own note of what they checked when they filled a gap the reports leave."""

from enum import Enum

from pydantic import Field, model_validator

from macros.model.base import Model, Record
from macros.model.catalogue import Rule
from macros.model.fields import Link, OrgRef, PartialDate, PlainText, Prose, SourceRef, problem


class SourceKind(str, Enum):
    committee_report = "committee report"
    appendix = "appendix"
    action_plan = "action plan"
    web_page = "web page"
    editors = "editors"  # the site's editors: what they checked, and when


class Relation(str, Enum):
    reviews = "reviews"
    appendix_of = "appendix of"
    updates = "updates"
    replaces = "replaces"
    refers_to = "refers to"


class Related(Model):
    """How this document stands to another: it reviews another body's plan, is its appendix..."""

    relation: Relation = Field(description="reviews, appendix of, updates, replaces or refers to")
    document: SourceRef = Field(description="The id of the other document in data/sources.yml")


class Risk(Model):
    """A risk the report lists, in its own words."""

    risk: Prose
    level: PlainText | None = Field(None, description="e.g. 'high to medium', as the report rates it")
    mitigation: Prose | None = Field(None, description="How the report says it can be mitigated")
    section: PlainText = Field(description="Where in the document")


class Decision(Model):
    """A recommendation the report makes, and what the committee resolved where that is known."""

    recommendation: Prose
    resolved: Prose | None = Field(None, description="What the committee resolved, where a source says")
    section: PlainText = Field(description="Where in the document")


class Meeting(Model):
    """The meeting a document went to (a report considered on 20 September, published later)."""

    name: PlainText | None = Field(None, description="e.g. 'Joint Overview and Scrutiny Committee'")
    date: PartialDate | None = Field(None, description="When it met, at the precision the report gives")


class Source(Record):
    title: PlainText = Field(
        description="The document's title, as printed on it (or a descriptive one, said so in note)")
    kind: SourceKind = Field(SourceKind.committee_report,
        description="The kind of document: committee report, appendix, action plan, web page or editors "
                    "(the site's editors' own check of a fact the reports do not give)")
    publisher: OrgRef = Field(description="The organisation that published the document")
    committee: PlainText | None = Field(None, description="Committee or meeting it went to")
    meeting: Meeting | None = Field(None,
        description="The meeting it went to, with its date, where it differs from the document's date")
    date: PartialDate = Field(description="Meeting or publication date")
    report_number: PlainText | None = Field(None,
        description="The document's own reference number, where it has one")
    url: Link | None = Field(None, description="The address of the original document online, where known")
    summary: Prose | None = Field(None, description="What the document covers, in a few sentences")
    note: PlainText | None = Field(None, description="Anything a reader should know about it")
    checked: PlainText | None = Field(None,
        description="For an editors' source: what the editors checked, and against what")
    checked_on: PartialDate | None = Field(None,
        description="For an editors' source: when they checked it, as precisely as they know")
    risks: list[Risk] = Field(default_factory=list, description="Risks the report lists")
    decisions: list[Decision] = Field(default_factory=list,
        description="Its recommendations, and what was resolved")
    related: list[Related] = Field(default_factory=list,
        description="Other documents this one reviews, updates or belongs to")

    @model_validator(mode="after")
    def _editors_say_what_they_checked(self):
        if self.kind is SourceKind.editors:
            for name, what in (("checked", "what you checked, and against what"),
                               ("checked_on", "when you checked it, like 2026-11-21")):
                if getattr(self, name) is None:
                    raise problem(Rule.EDITORS_SOURCE,
                                  f"an editors' source says what was checked and when; add {name}: "
                                  f"{what}", name)
        return self
