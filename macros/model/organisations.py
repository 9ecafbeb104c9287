"""Responsible authorities, partners, funders, recipients and providers of help."""

from enum import Enum

from pydantic import Field

from macros.model.base import Citation, CitedRecord, Model
from macros.model.fields import AreaRef, Link, OrgId, PartialDate, PlainText, Prose


class OrganisationKind(str, Enum):
    council = "council"
    police = "police"
    fire = "fire and rescue"
    probation = "probation"
    health = "health"
    government = "government"
    partnership = "partnership"
    charity = "charity"
    business = "business"
    education = "education"
    other = "other"


class DatedName(Model):
    """A name the organisation went by, and when (one organisation, renamed)."""

    name: PlainText
    since: PartialDate | None = None
    until: PartialDate | None = None
    sources: list[Citation] = Field(min_length=1)


class Organisation(CitedRecord):
    name: PlainText = Field(description="The organisation's name")
    short_name: PlainText | None = Field(None, description="A shorter name or abbreviation the reports use")
    kind: OrganisationKind = Field(
        description="What sort of organisation: council, police, charity, business and so on")
    area: AreaRef | None = Field(None, description="The area it mainly serves, where it has one")
    url: Link | None = Field(None, description="Its website")
    identifier: OrgId | None = Field(
        None,
        description="An org-id.guide identifier such as GB-CHC-1108687, where known: a register's prefix "
                    "(macros/model/fields/registers.py lists them) and its id; cite where it comes from",
    )
    description: Prose | None = Field(None, description="What it does, as the reports describe it")
    former_names: list[DatedName] = Field(default_factory=list,
        description="Names it went by before (or beside) name, with when, as reported")
