"""A published document that records cite: a committee report, an appendix, a web page."""

from enum import Enum

from pydantic import Field

from macros.model.base import Record
from macros.model.fields import Link, OrgRef, PartialDate, PlainText, Prose


class SourceKind(str, Enum):
    committee_report = "committee report"
    appendix = "appendix"
    action_plan = "action plan"
    web_page = "web page"
    editorial = "editorial"


class Source(Record):
    title: PlainText
    kind: SourceKind = SourceKind.committee_report
    publisher: OrgRef = Field(description="The organisation that published the document")
    committee: PlainText | None = Field(None, description="Committee or meeting it went to")
    date: PartialDate = Field(description="Meeting or publication date")
    report_number: PlainText | None = None
    url: Link | None = None
    summary: Prose | None = None
    note: PlainText | None = Field(None, description="Anything a reader should know about it")
