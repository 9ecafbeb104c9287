"""What every record shares: a permanent id, who may see it, and the document it comes from."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from macros.model.fields import AreaRef, FullDate, Id, Number, PlainText, SourceRef
from macros.model.fields.ids import ID_MAX_LENGTH, ID_PATTERN

NOT_STATED = "Not stated in the report"  # how every page and export shows a fact the report omits


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
    discrepancy: PlainText | None = Field(None,
        description="Where the report's own figures disagree (its arithmetic does not add up, or two "
                    "sections differ): say how, in a sentence; the page shows it beside the record")


class Placed(Model):
    """A record of one main area that may name further ones: joint work of two districts, a figure
    for two named towns. It appears on the page of each."""

    areas: list[AreaRef] = Field(default_factory=list,
        description="Further areas it covers, beside area: a second district, or towns (areas of kind "
                    "town or place)")

    def all_areas(self) -> list[str]:
        return list(dict.fromkeys([self.area, *self.areas]))


class Qualifier(str, Enum):
    """How exact a reported figure is ('over 400', 'fewer than 2,000')."""

    exactly = "exactly"
    about = "about"
    more_than = "more than"
    at_least = "at least"
    less_than = "less than"
    up_to = "up to"


class Part(Model):
    """One part of a total: a district's, a town's or a kind's share of it."""

    label: PlainText | None = Field(None, description="What the part is, e.g. 'Lowestoft' or 'online'")
    area: AreaRef | None = Field(None, description="The area the part is for, when it is an area's")
    value: Number
    qualifier: Qualifier = Qualifier.exactly


class Figure(Model):
    """A number a report gives: people reached, sessions held, attendances."""

    metric: PlainText
    value: Number
    unit: PlainText | None = Field(None, description="e.g. people, sessions, %")
    qualifier: Qualifier = Qualifier.exactly
