"""Organisation identifiers (org-id.guide: `<register prefix>-<the register's own id>`) and ONS
area codes (GSS codes, such as E07000244 for East Suffolk).

The registers are the UK lists org-id.guide names, kept here so a prefix is checked without the
network; one that is missing can be added with its org-id.guide code and name. 360Giving and
other standards join organisations across publishers by these identifiers.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from macros.model.catalogue import Rule, problem, shown

REGISTERS = {  # org-id.guide prefix -> the register it names
    "GB-CHC": "Charity Commission for England and Wales",
    "GB-SC": "Scottish Charity Register (OSCR)",
    "GB-NIC": "Charity Commission for Northern Ireland",
    "GB-COH": "Companies House",
    "GB-LAE": "Local Authorities in England (the local-authority-eng register)",
    "GB-LAS": "Local Authorities in Scotland",
    "GB-PLA": "Principal Local Authorities in Wales",
    "GB-LANI": "Local Authorities in Northern Ireland",
    "GB-GOR": "Government Organisation Register",
    "GB-NHS": "NHS Organisation Data Service",
    "GB-EDU": "Get Information about Schools (England)",
    "GB-UKPRN": "UK Register of Learning Providers",
    "GB-MPR": "Mutuals Public Register (FCA)",
    "GB-SHPE": "Social Housing Providers in England",
    "XI-ROR": "Research Organization Registry",
    "XI-GRID": "Global Research Identifier Database",
    "XI-PB": "Public Bodies of the United Kingdom",
}
FALLBACK = "360G"  # not a register: an id this site makes up where no register's is known

# The register's own id: letters, digits and . / - as registers write them (never spaces, quotes,
# '<' or '{'), at most 60 characters.
_ORG_ID_RE = re.compile(r"^([A-Z]{2}-[A-Z]{2,6})-([A-Za-z0-9][A-Za-z0-9./-]{0,59})$")  # stripped: $ ends it
# Registers whose numbers have a known form, as 360Giving's quality checks test them.
_NUMBER_FORMS = {
    "GB-CHC": (re.compile(r"^[0-9]{6,7}(-[0-9]{1,3})?\Z"), "a charity number is 6 or 7 digits, like 1108687"),
    "GB-COH": (re.compile(r"^(?:[0-9]{8}|[A-Z]{2}[0-9]{6})\Z"),
               "a company number is 8 characters, like 01234567 or SC123456"),
}
_GSS_RE = re.compile(r"^[EWSNK][0-9]{8}$")
# The ONS entity (a GSS code's first three characters) -> 360Giving's geoCodeType.
GEO_CODE_TYPES = {"E06": "UA", "E07": "NMD", "E08": "MD", "E09": "LONB", "E10": "CTY", "E12": "RGN/GOR",
                  "E22": "CSP", "E23": "PFA", "W06": "UA", "W14": "CDRP", "S12": "CA"}


def parse_org_id(value: Any) -> str:
    text = str(value).strip()
    match = _ORG_ID_RE.match(text)
    if not match:
        raise problem(Rule.ORG_ID, f"{shown(text)} is not an organisation identifier; write the "
                                   "register's prefix and its number, like GB-CHC-1108687")
    if match.group(1) not in REGISTERS:
        known = ", ".join(sorted(REGISTERS))
        raise problem(Rule.ORG_ID, f"{shown(match.group(1))} is not a register this site knows; use one "
                                   f"of {known} (or add the register to macros/model/fields/registers.py)")
    form = _NUMBER_FORMS.get(match.group(1))
    if form and not form[0].match(match.group(2)):
        raise problem(Rule.ORG_ID, f"{shown(text)} is not a number of the {REGISTERS[match.group(1)]}: "
                                   f"{form[1]}; check it on the register")
    return text


def parse_gss_code(value: Any) -> str:
    text = str(value).strip()
    if not _GSS_RE.match(text):
        raise problem(Rule.GSS_CODE, f"{shown(text)} is not an ONS area code; write a letter and 8 digits, "
                                     "like E07000244")
    return text


def geo_code_type(code: str) -> str | None:
    return GEO_CODE_TYPES.get(code[:3])


OrgId = Annotated[str, BeforeValidator(parse_org_id), WithJsonSchema({
    "type": "string", "pattern": _ORG_ID_RE.pattern,
    "description": "An org-id.guide identifier: a register's prefix and its id, e.g. GB-CHC-1108687"})]
GssCode = Annotated[str, BeforeValidator(parse_gss_code), WithJsonSchema({
    "type": "string", "pattern": _GSS_RE.pattern,
    "description": "An ONS (GSS) area code, e.g. E07000244"})]
