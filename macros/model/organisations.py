"""Responsible authorities, partners, funders, recipients and providers of help."""

from enum import Enum

from pydantic import Field

from macros.model.base import CitedRecord
from macros.model.fields import AreaRef, Link, OrgId, PlainText, Prose


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
