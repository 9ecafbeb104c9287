"""schema.org JSON-LD for record pages where a type fits, so search engines and tools read them.

Templates print it with Jinja's `tojson`, which escapes <, > and &, so data text can never close
the script element.
"""

from __future__ import annotations

from pydantic import BaseModel

from macros.data.dataset import Dataset
from macros.model import record_path
from macros.model.organisations import OrganisationKind

PUBLIC_BODIES = {OrganisationKind.council, OrganisationKind.police, OrganisationKind.fire,
                 OrganisationKind.probation, OrganisationKind.health, OrganisationKind.government,
                 OrganisationKind.partnership}


def _money(amount) -> dict:
    value = int(amount) if amount == int(amount) else float(amount)
    return {"@type": "MonetaryAmount", "currency": "GBP", "value": value}


def _organisation(dataset: Dataset, site_url: str, org_id: str) -> dict:
    org = dataset.get("organisations", org_id)
    kind = "GovernmentOrganization" if org.kind in PUBLIC_BODIES else (
        "NGO" if org.kind is OrganisationKind.charity else "Organization")
    found = {"@type": kind, "name": org.name, "url": site_url + record_path("organisations", org.id)}
    if org.url:
        found["sameAs"] = str(org.url)
    return found


def _based_on(dataset: Dataset, record: BaseModel) -> list[str]:
    """The documents a record cites, by their published address where there is one."""
    docs = [dataset.find("sources", c.document) for c in record.sources]
    return [str(doc.url) for doc in docs if doc and doc.url and str(doc.url).startswith("https://")]


def _grant(dataset, site_url, record) -> dict:
    found = {"@type": "MonetaryGrant", "name": record.title}
    if record.amount is not None:
        found["amount"] = _money(record.amount)
    if record.funder:
        found["funder"] = _organisation(dataset, site_url, record.funder)
    if record.description:
        found["description"] = record.description
    if record.recipient:
        found["recipient"] = _organisation(dataset, site_url, record.recipient)
    return found


def _event(dataset, site_url, record) -> dict:
    area = dataset.get("areas", record.area)
    found = {"@type": "Event", "name": record.name,
             "location": {"@type": "AdministrativeArea", "name": area.name}}
    # schema.org dates are ISO dates with a year; a period the report gives otherwise is left out
    if record.start and record.start.has_year and not record.start.period and not record.start.from_:
        found["startDate"] = str(record.start)
    if record.end and record.end.has_year and not record.end.period:
        found["endDate"] = str(record.end)
    if record.description:
        found["description"] = record.description
    if record.organisers:
        found["organizer"] = [_organisation(dataset, site_url, org) for org in record.organisers]
    return found


BUILDERS = {
    "funded-projects": _grant,
    "campaigns": _event,
    "organisations": lambda dataset, site_url, record: _organisation(dataset, site_url, record.id),
}


def for_record(dataset: Dataset, site_url: str, record_type: str, record: BaseModel) -> dict | None:
    if record_type not in BUILDERS:
        return None
    found = {"@context": "https://schema.org", **BUILDERS[record_type](dataset, site_url, record)}
    found["url"] = site_url + record_path(record_type, record.id)
    based_on = _based_on(dataset, record)
    if based_on:
        found["isBasedOn"] = based_on
    return found
