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
    title: PlainText = Field(
        description="The document's title, as printed on it (or a descriptive one, said so in note)")
    kind: SourceKind = Field(SourceKind.committee_report,
        description="The kind of document: committee report, appendix, action plan, web page or editorial")
    publisher: OrgRef = Field(description="The organisation that published the document")
    committee: PlainText | None = Field(None, description="Committee or meeting it went to")
    date: PartialDate = Field(description="Meeting or publication date")
    report_number: PlainText | None = Field(None,
        description="The document's own reference number, where it has one")
    url: Link | None = Field(None, description="The address of the original document online, where known")
    summary: Prose | None = Field(None, description="What the document covers, in a few sentences")
    note: PlainText | None = Field(None, description="Anything a reader should know about it")
