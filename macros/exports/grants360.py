"""The funded projects as a 360Giving data package (https://standard.threesixtygiving.org).

Grant ids are `360G-<prefix>-<record id>`. Organisations use their org-id.guide identifier where
the data gives one, and otherwise an id under our own prefix, as the standard allows.
"""

from __future__ import annotations

import datetime as dt
import json

from macros.data.dataset import Dataset
from macros.exports.records import LICENCE
from macros.model import record_path
from macros.model.funding import FundedProject

SCHEMA_VERSION = "1.4"


def _organisation(dataset: Dataset, prefix: str, org_id: str) -> dict:
    org = dataset.get("organisations", org_id)
    return {"id": org.identifier or f"360G-{prefix}-org-{org.id}", "name": org.name}


def _recipient(dataset: Dataset, prefix: str, project: FundedProject) -> dict:
    if project.recipient:
        return _organisation(dataset, prefix, project.recipient)
    # The standard needs a recipient; the reports do not always name one, so say exactly that.
    return {"id": f"360G-{prefix}-unnamed-recipient-{project.id}",
            "name": project.recipient_note or "Not named in the report"}


def _description(project: FundedProject) -> str:
    text = project.description or project.title
    if project.award_date.precision != "day":
        # 360Giving needs a full date; the report gives less, so the first day stands in for it.
        text += (f" (The report dates this award only to {project.award_date.human()}; "
                 f"awardDate is the first day of that period.)")
    return text


def _number(amount) -> int | float:
    return int(amount) if amount == int(amount) else float(amount)


def grant(dataset: Dataset, prefix: str, site_url: str, project: FundedProject) -> dict:
    area = dataset.get("areas", project.area)
    record: dict = {
        "id": f"360G-{prefix}-{project.id}",
        "title": project.title,
        "description": _description(project),
        "currency": "GBP",
        "amountAwarded": _number(project.amount),
        "awardDate": project.award_date.first_day.isoformat(),
        "recipientOrganization": [_recipient(dataset, prefix, project)],
        "fundingOrganization": [_organisation(dataset, prefix, project.funder)],
        "url": site_url + record_path("funded-projects", project.id),
        "beneficiaryLocation": [{"name": area.name, "countryCode": "GB"}],
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
    if linked:
        record["dataSource"] = str(linked[0].url)
    return record


def package(dataset: Dataset, prefix: str, site_url: str, publisher: str, issued: dt.date) -> str:
    grants = [grant(dataset, prefix, site_url, p) for p in dataset.all("funded-projects")]
    body = {
        "version": SCHEMA_VERSION,
        "title": f"{publisher}: funded projects",
        "description": "Every project the partnerships report funding, as transcribed from their "
                       "published reports; each grant links to its page, which cites the report.",
        "issued": issued.isoformat(),
        "publisher": {"name": publisher},
        "license": LICENCE["path"],
        "accessURL": site_url + "data/",
        "downloadURL": site_url + "data/360giving.json",
        "grants": grants,
    }
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"
