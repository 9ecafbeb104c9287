"""Every file the site offers for download, at stable paths under /data/ (and the changes feed).

The build adds them to the site; the Open data page lists them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from macros.changes.changelog import Changelog, Entry
from macros.data.dataset import Dataset
from macros.exports import database, datapackage, feed, grants360, ical, records, workbook
from macros.exports.change_csv import change_csvs
from macros.model import RECORD_TYPES

DEFAULT_GRANT_PREFIX = "csp"


@dataclass(frozen=True)
class SiteInfo:
    """What the exports say about the site that publishes them."""

    name: str
    url: str  # absolute, ending in /
    grant_prefix: str  # the 360Giving prefix: 360G-<prefix>-<id>
    today: dt.date
    authority: str = ""  # the tag URI authority ids are minted under: "<domain>,<date>" (RFC 4151)

    @classmethod
    def from_config(cls, config, today: dt.date) -> SiteInfo:
        url = (config.site_url or "http://127.0.0.1:8000/").rstrip("/") + "/"
        extra = config.extra.get("open_data") or {}
        authority = str(extra.get("authority") or "").strip() or fallback_authority(url, today)
        return cls(config.site_name, url, extra.get("grant_prefix", DEFAULT_GRANT_PREFIX), today, authority)


def fallback_authority(site_url: str, today: dt.date) -> str:
    """Without a configured authority, the site's host: ids then change if the site moves, which is
    why mkdocs.yml sets extra.open_data.authority."""
    return f"{urlsplit(site_url).hostname or 'localhost'},{today.year}"


def open_data_files(dataset: Dataset, changelog: Changelog, site: SiteInfo,
                    entry_html: Callable[[Entry, str, set], str],
                    entry_address: Callable[[Entry], str]) -> dict[str, str | bytes]:
    """{site path: content}. For the feed, entry_html(entry, site_url, live records) is a change's
    HTML and entry_address(entry) its place on the changelog pages."""
    files: dict[str, str | bytes] = {}
    for record_type in RECORD_TYPES:
        files[f"data/{record_type}.csv"] = records.csv_text(dataset, record_type)
        files[f"data/{record_type}.json"] = records.json_text(dataset, record_type)
    files["data/datapackage.json"] = datapackage.datapackage(
        site.name, f"The open data behind {site.url}: every published record, one table per type.",
        site.url, site.today)
    files[workbook.WORKBOOK_PATH] = workbook.workbook(dataset, site.name, site.url, site.today)
    files[database.DATABASE_PATH] = database.database(dataset)
    modified = {record_id: entry.date for (record_type, record_id), entry in changelog.last_changed().items()
                if record_type == "funded-projects"}
    files["data/360giving.json"] = grants360.package(dataset, site.grant_prefix, site.url, site.name,
                                                     site.today, modified)
    files["data/campaigns.ics"] = ical.calendar(dataset, site.name, site.url, site.today,
                                                authority=site.authority)
    if not changelog.unavailable:
        files.update(change_csvs(changelog))
        live = {(t, r.id) for t in RECORD_TYPES for r in dataset.all(t)}
        files[feed.FEED_PATH] = feed.atom(changelog, site.name, site.url,
                                          lambda entry: entry_html(entry, site.url, live), entry_address,
                                          authority=site.authority)
    return files
