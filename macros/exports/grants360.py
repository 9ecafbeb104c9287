"""The funded projects as a 360Giving data package (https://standard.threesixtygiving.org).

Grant ids are `360G-<prefix>-<record id>`. Organisations use their org-id.guide identifier where
the data gives one (`identifier`, a register's prefix checked against model/fields/registers.py),
and otherwise, as the standard allows, the documented fallback `360G-<prefix>-org-<record id>`.
Places carry their ONS (GSS) code where the area has one (`gss_code`); a partnership, which has
none here, is described by its districts' codes. dateModified is when the record last changed in
the data's git history; dataSource the cited report's address, or its page on this site.

An award dated only to a month, quarter or year is given the first day of that period that falls
inside the award's financial year (2018 in 2018/19: 2018-04-01), and its description says the date
is approximate. A project without a stated amount, award date, funder or recipient (all of which
the standard requires) is left out, and the file's description lists each with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from macros.data.dataset import Dataset
from macros.exports.records import LICENCE
from macros.model import record_path
from macros.model.fields import financial_year_of
from macros.model.fields.registers import geo_code_type
from macros.model.funding import FundedProject

SCHEMA_VERSION = "1.4"


def fallback_id(prefix: str, org_id: str) -> str:
    return f"360G-{prefix}-org-{org_id}"


def _place(area) -> dict:
    found = {"name": area.name, "countryCode": "GB"}
    code = getattr(area, "gss_code", None)
    if code:
        found |= {"geoCode": code, "geoCodeType": geo_code_type(code)} if geo_code_type(code) else {
            "geoCode": code}
    return found


def locations(dataset: Dataset, area_id: str | None) -> list[dict]:
    """An area as 360Giving Locations: itself with its code, or (without one) its districts' with theirs."""
    area = dataset.find("areas", area_id)
    if area is None:
        return []
    if getattr(area, "gss_code", None):
        return [_place(area)]
    parts = [a for a in dataset.all("areas") if a.parent == area.id and getattr(a, "gss_code", None)]
    return [_place(a) for a in parts] or [_place(area)]


def _organisation(dataset: Dataset, prefix: str, org_id: str) -> dict:
    org = dataset.get("organisations", org_id)
    found = {"id": org.identifier or fallback_id(prefix, org.id), "name": org.name}
    where = locations(dataset, org.area) if org.area else []
    if where:
        found["location"] = where
    return found


def award_date(project: FundedProject) -> dt.date:
    """The first day of the award date's period inside its financial year (360Giving needs a day)."""
    first = project.award_date.first_day
    year = getattr(project, "financial_year", None)
    if year and financial_year_of(first) != year:
        start = dt.date(int(year[:4]), 4, 1)
        if first < start <= project.award_date.last_day:
            return start
    return first


def _description(project: FundedProject) -> str:
    text = project.description or project.title
    if project.award_date.approximate:
        # 360Giving needs a full date; the report gives less, so a first day stands in for it.
        within = f" within {project.financial_year}" if getattr(project, "financial_year", None) else ""
        text += (f" (Approximate date: the report dates this award only to {project.award_date.human()}; "
                 f"awardDate is the first day of that period{within}.)")
    return text


def _number(amount) -> int | float:
    return int(amount) if amount == int(amount) else float(amount)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def grant(dataset: Dataset, prefix: str, site_url: str, project: FundedProject,
          modified: dt.datetime | None = None) -> dict:
    area = dataset.get("areas", project.area)
    record: dict = {
        "id": f"360G-{prefix}-{project.id}",
        "title": project.title,
        "description": _description(project),
        "currency": "GBP",
        "amountAwarded": _number(project.amount),
        "awardDate": award_date(project).isoformat(),
        "recipientOrganization": [_organisation(dataset, prefix, project.recipient)],
        "fundingOrganization": [_organisation(dataset, prefix, project.funder)],
        "url": site_url + record_path("funded-projects", project.id),
        "beneficiaryLocation": locations(dataset, area.id),
    }
    if project.pot:
        pot = dataset.get("funding-pots", project.pot)
        record["grantProgramme"] = [{"code": pot.id, "title": pot.name}]
    if project.priorities:
        record["classifications"] = [
            {"vocabulary": f"360G-{prefix}-priorities", "code": pid,
             "title": dataset.get("priorities", pid).name} for pid in project.priorities]
    documents = [dataset.find("sources", c.document) for c in project.sources]
    linked = [doc for doc in documents if doc and doc.url and doc.url.startswith("https://")]
    # The report itself where its address is known; else its page here, which says what it is.
    record["dataSource"] = str(linked[0].url) if linked else site_url + record_path(
        "sources", project.sources[0].document)
    if modified is not None:
        record["dateModified"] = _stamp(modified)
    return record


def left_out_because(project) -> str | None:
    """Why a project cannot go into 360Giving, which needs an amount, an award date with its year
    and a funder; None when it can."""
    award = getattr(project, "award_date", None)
    missing = [what for what, absent in (
        ("amount", getattr(project, "amount", None) is None),
        ("award date", award is None or not award.has_year),
        ("funder", getattr(project, "funder", None) is None),
        ("recipient", getattr(project, "recipient", None) is None)) if absent]
    return "no stated " + " or ".join(missing) if missing else None


def publishable(project) -> bool:
    return left_out_because(project) is None


def package(dataset: Dataset, prefix: str, site_url: str, publisher: str, issued: dt.date,
            modified: Mapping[str, dt.datetime] | None = None) -> str:
    """modified: {project id: when it last changed in the data's history}, where known."""
    modified = modified or {}
    projects = dataset.all("funded-projects")
    grants = [grant(dataset, prefix, site_url, p, modified.get(p.id)) for p in projects if publishable(p)]
    left_out = [f"{p.id} ({left_out_because(p)})" for p in projects if not publishable(p)]
    note = (" Left out, because 360Giving needs a fact their report does not state (nothing is "
            f"guessed): {'; '.join(left_out)}." if left_out else "")
    body = {
        "version": SCHEMA_VERSION,
        "title": f"{publisher}: funded projects",
        "description": "Every project the partnerships report funding, as transcribed from their "
                       "published reports; each grant links to its page, which cites the report. "
                       "Organisations without a register identifier have one of this site's own: "
                       f"360G-{prefix}-org-<id>." + note,
        "issued": issued.isoformat(),
        "publisher": {"name": publisher},
        "license": LICENCE["path"],
        "accessURL": site_url + "data/",
        "downloadURL": site_url + "data/360giving.json",
        "grants": grants,
    }
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"
