"""The open data described as a Frictionless data package: a resource per record type, with keys."""

from __future__ import annotations

import datetime as dt
import json

from macros.exports.records import LICENCE, columns
from macros.model import RECORD_TYPES


def _resource(record_type: str) -> dict:
    schema: dict = {
        "fields": [{"name": c.name, "type": c.kind, "description": c.description}
                   for c in columns(record_type)],
        "primaryKey": ["id"],
    }
    keys = [{"fields": c.name, "reference": {"resource": c.ref, "fields": "id"}}
            for c in columns(record_type) if c.ref]
    if keys:
        schema["foreignKeys"] = keys
    return {
        "name": record_type,
        "title": RECORD_TYPES[record_type].title,
        "description": RECORD_TYPES[record_type].description,
        "path": f"{record_type}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(title: str, description: str, homepage: str, issued: dt.date) -> str:
    package = {
        "name": "community-safety-partnerships",
        "title": title,
        "description": description,
        "homepage": homepage,
        "created": f"{issued.isoformat()}T00:00:00Z",  # Frictionless wants a date-time
        "licenses": [LICENCE],
        "resources": [_resource(name) for name in RECORD_TYPES],
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"

