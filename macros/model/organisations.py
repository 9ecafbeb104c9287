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
    name: PlainText
    short_name: PlainText | None = None
    kind: OrganisationKind
    area: AreaRef | None = None
    url: Link | None = None
    identifier: OrgId | None = Field(
        None,
        description="An org-id.guide identifier such as GB-CHC-1108687, where known: a register's prefix "
                    "(macros/model/fields/registers.py lists them) and its id; cite where it comes from",
    )
    description: Prose | None = None
