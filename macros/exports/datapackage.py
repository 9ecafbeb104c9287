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


# The one-file downloads: the same records, every type in one file. Described as files (Frictionless
# checks they are there) rather than tables: each holds a table per record type, as the CSVs do.
ONE_FILE = [
    {"name": "all-records-xlsx", "type": "file", "path": "all-records.xlsx", "format": "xlsx",
     "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     "title": "Every record in one workbook",
     "description": "An XLSX workbook: a first sheet, About, with the licence, the date published and "
                    "the sources every record cites; then a sheet per record type, named as the "
                    "resources above, with the same columns as their CSV files, numbers as numbers "
                    "and dates as dates."},
    {"name": "all-records-sqlite", "type": "file", "path": "all-records.sqlite", "format": "sqlite",
     "mediatype": "application/vnd.sqlite3", "title": "Every record in one SQLite database",
     "description": "A SQLite database (open it with Datasette, `datasette all-records.sqlite`, or any "
                    "SQLite client): a table per record type, named as the resources above with "
                    "underscores for hyphens, with the same columns as their CSV files; id is each "
                    "table's primary key and every reference a foreign key. A list of references is "
                    "also a link table of its own, such as funded_projects_priorities "
                    "(funded_projects_id, priorities_id, position)."},
]


def datapackage(title: str, description: str, homepage: str, issued: dt.date) -> str:
    package = {
        "name": "community-safety-partnerships",
        "title": title,
        "description": description,
        "homepage": homepage,
        "created": f"{issued.isoformat()}T00:00:00Z",  # Frictionless wants a date-time
        "licenses": [LICENCE],
        "resources": [*(_resource(name) for name in RECORD_TYPES), *ONE_FILE],
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"

