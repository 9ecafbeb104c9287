"""'Cite this': a citation a journalist can paste, for a record, a chart or the open data.

Each names the site, what is cited, its permanent address and the date the data was published,
and for a record the report it comes from. The publishing site's name, address and build date are
set once per build (hooks.py calls `publish_as`); until then, as when a test renders a view on
its own, a citation names "this site".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import BaseModel

from macros.data.dataset import Dataset
from macros.model import label, record_path, type_of
from macros.site.provenance import facts

LICENCE = "Open Government Licence v3.0"


@dataclass(frozen=True)
class Publisher:
    name: str = "This site"
    url: str = ""  # absolute, ending in /
    today: dt.date | None = None

    def published(self) -> str:
        if self.today is None:
            return "data as published"
        return f"data as published on {self.today.day} {self.today:%B %Y}"


_publisher = Publisher()


def build_day() -> dt.date:
    """The day the build publishes as (today, outside a build)."""
    return _publisher.today or dt.date.today()


def publish_as(name: str, url: str, today: dt.date) -> None:
    """The build's site, for every citation rendered from now on."""
    global _publisher
    _publisher = Publisher(name, url, today)


def _source(dataset: Dataset, record: BaseModel) -> str:
    citations = getattr(record, "sources", None) or []
    document = dataset.find("sources", citations[0].document) if citations else None
    if document is None:
        return ""
    shown = {f.label: f.text for f in facts(dataset, document)}
    parts = [document.title, shown.get("Published by"), shown.get("Date")]
    return "; from " + ", ".join(p for p in parts if p) + f", section {citations[0].section}"


def for_record(dataset: Dataset, record: BaseModel) -> str:
    kind = type_of(record)
    noun = kind.noun.replace("-", " ")
    site = _publisher
    return (f"{site.name}, “{label(record)}” ({noun}), {site.url}{record_path(kind.name, record.id)}"
            f"{_source(dataset, record)}. {LICENCE}; {site.published()}.")


def for_chart(chart) -> str:
    site = _publisher
    return (f"{site.name}, “{chart.title}” (chart; covers: {chart.scope}), data at "
            f"{site.url}{chart.csv_path}. {LICENCE}; {site.published()}.")


def for_download(what: str = "open data: every published record", path: str = "data/") -> str:
    site = _publisher
    return f"{site.name}, {what}, {site.url}{path}. {LICENCE}; {site.published()}."
