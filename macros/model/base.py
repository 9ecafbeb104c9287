"""What every record shares: a permanent id, who may see it, and the document it comes from."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from macros.model.fields import FullDate, Id, Number, PlainText, SourceRef


class Model(BaseModel):
    """Strict by default: an unknown key is a typo and fails, values are frozen once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Visibility(str, Enum):
    public = "public"
    draft = "draft"
    restricted = "restricted"


class Citation(Model):
    """Where a fact was published: a document in sources.yml and the section or paragraph."""

    document: SourceRef = Field(description="The id of a document in data/sources.yml")
    section: PlainText = Field(description="Section, paragraph or table, e.g. '2.6' or 'Appendix C'")


class Record(Model):
    """A record that can be published: an id, a visibility and an optional embargo."""

    id: Id = Field(description="Permanent id: lower-case words joined by hyphens; never reused")
    visibility: Visibility = Field(
        Visibility.public, description="Only public records are published; draft and restricted never are"
    )
    embargo_until: FullDate | None = Field(
        None, description="Not published before this date (YYYY-MM-DD)"
    )

    def is_published(self, today: dt.date) -> bool:
        embargoed = self.embargo_until is not None and self.embargo_until > today
        return self.visibility is Visibility.public and not embargoed


class CitedRecord(Record):
    """A record of fact: it must say where it was published."""

    sources: list[Citation] = Field(min_length=1, description="Where this was reported")


class Qualifier(str, Enum):
    """How exact a reported figure is ('over 400', 'fewer than 2,000')."""

    exactly = "exactly"
    about = "about"
    more_than = "more than"
    at_least = "at least"
    less_than = "less than"
    up_to = "up to"


class Figure(Model):
    """A number a report gives: people reached, sessions held, attendances."""

    metric: PlainText
    value: Number
    unit: PlainText | None = Field(None, description="e.g. people, sessions, %")
    qualifier: Qualifier = Qualifier.exactly
