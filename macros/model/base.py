"""What every record shares: a permanent id, who may see it, and the document it comes from."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from macros.model.fields import FullDate, Id, Number, PlainText, SourceRef
from macros.model.fields.ids import ID_MAX_LENGTH, ID_PATTERN


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


def _as_list(value):
    """`replaces: old-id` as well as a list of them."""
    return [value] if isinstance(value, str) else value


_ID = {"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH}
# The ids a record took over: each old address redirects to this record's page, for good.
Replaced = Annotated[list[Id], BeforeValidator(_as_list),
                     WithJsonSchema({"anyOf": [_ID, {"type": "array", "items": _ID}]})]


class Record(Model):
    """A record that can be published: an id, a visibility and an optional embargo."""

    id: Id = Field(description="Permanent id: lower-case words joined by hyphens; never reused")
    visibility: Visibility = Field(
        Visibility.public, description="Only public records are published; draft and restricted never are"
    )
    embargo_until: FullDate | None = Field(
        None, description="Not published before this date (YYYY-MM-DD)"
    )
    replaces: Replaced = Field(
        default_factory=list,
        description="The old id(s) of this record, after a rename: each old address redirects here. "
        "Keep every one, for good",
    )
    closed_on: FullDate | None = Field(
        None, description="The date it closed or ended (YYYY-MM-DD): the record stays published and "
        "its page says it closed. The way to take something down; never delete a published record",
    )

    def closed(self, today: dt.date) -> bool:
        return self.closed_on is not None and self.closed_on <= today

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
