"""Ids (a record's permanent address) and references to other records by id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from macros.model.catalogue import Rule, problem, shown

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
ID_MAX_LENGTH = 80


def parse_id(value: Any) -> str:
    """An id is a permanent web address part: lower-case words joined by hyphens."""
    if not isinstance(value, str):
        raise problem(Rule.ID, f"{shown(value)} is not an id; write lower-case words joined by hyphens")
    if len(value) > ID_MAX_LENGTH:
        raise problem(Rule.ID, f"{shown(value)} is longer than {ID_MAX_LENGTH} characters; shorten it")
    if not _ID_RE.match(value):
        suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-record"
        raise problem(Rule.ID,
            f"{shown(value)} is not a valid id; use lower-case letters, digits and single hyphens, "
            f"for example '{suggestion}'",
        )
    return value


@dataclass(frozen=True)
class RefTo:
    """Marks a field as naming a record of another type; rules.py checks that it exists."""

    record_type: str


_ID_SCHEMA = WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH})
Id = Annotated[str, BeforeValidator(parse_id), _ID_SCHEMA]


def ref(record_type: str) -> Any:
    """The type of a field that names a record of `record_type` by id."""
    return Annotated[str, BeforeValidator(parse_id), _ID_SCHEMA, RefTo(record_type)]


AreaRef = ref("areas")
OrgRef = ref("organisations")
PriorityRef = ref("priorities")
SourceRef = ref("sources")
PotRef = ref("funding-pots")
CampaignRef = ref("campaigns")
