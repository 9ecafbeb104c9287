"""Per-record pages, generated from the Dataset by plain Python (no mkdocs needed to test).

The build adds them to the site; they stay out of the nav, which mkdocs-material would otherwise
render into every page.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel

from macros.changes.changelog import Changelog, Entry
from macros.data.dataset import Dataset
from macros.exports import jsonld
from macros.model import RECORD_TYPES, label, record_path
from macros.model.topics import TOPIC_LABELS, Topic
from macros.site.citation import build_day
from macros.site.large import is_large, partnerships
from macros.site.links import Links
from macros.site.render import render
from macros.site.sections import (
    PAGED,
    SECTIONS,
    SITE_YEARS,
    by_county,
    section_body,
    section_path,
    site_year_body,
)
from macros.site.views.changes import addresses, changes_body
from macros.site.views.changes import pages as changelog_pages
from macros.site.views.related import related_for
from macros.site.views.report import topic_page, topic_path


@dataclass(frozen=True)
class RecordPage:
    """A generated page. Its HTML is made when asked for, so a national build never holds every
    page's body at once (hooks.py asks as mkdocs writes each page, then lets it go)."""

    src_uri: str
    title: str
    css_class: str
    body_for: Callable[[Links], str] = field(compare=False, repr=False)

    def front_matter(self) -> str:
        # render_macros: false -- a generated page holds data text, never template code.
        # mkdocs-material prints page.title unescaped in places, so escape it here.
        front = {"title": html.escape(self.title), "render_macros": False}
        return "---\n" + "".join(f"{key}: {json.dumps(value)}\n" for key, value in front.items()) + "---\n"

    @property
    def body(self) -> str:
        """The page's HTML: one block, with links relative to the page's own address."""
        path = self.src_uri.removesuffix(".md") + "/"
        inner = self.body_for(Links("../" * path.count("/")))
        return f'<div class="{self.css_class}">\n{inner}</div>\n'

    def markdown(self) -> str:
        """The page as a Markdown file would hold it (what the golden files record)."""
        return f"{self.front_matter()}\n{self.body}"


def generated_page(path: str, title: str, css_class: str, body_for) -> RecordPage:
    """A page at site path `path` ('funding/x/'); body_for(links) renders it with links from there."""
    return RecordPage(f"{path.rstrip('/')}.md", title, css_class, body_for)


def record_page(dataset: Dataset, record_type: str, record: BaseModel, site_url: str = "",
                last_change: Entry | None = None, change_address: str = "") -> RecordPage:
    ld = jsonld.for_record(dataset, site_url, record_type, record) if site_url else None
    return generated_page(
        record_path(record_type, record.id), label(record), f"csp-record csp-record--{record_type}",
        lambda links: _with_closed(record_type, record, render(
            f"record/{record_type}.html", record=record, links=links, data=dataset,
            related=related_for(dataset, record_type, record)))
        + (render("partnership_links.html", links=links, partnership=record, sections=SECTIONS,
                  path=section_path) if record_type == "areas" and is_large(dataset)
           and record.kind.value == "partnership" else "")
        + render("record/_about.html", record_type=record_type, links=links, jsonld=ld, record=record,
                 data=dataset, last_change=last_change, change_address=change_address))


def _with_closed(record_type: str, record: BaseModel, body: str) -> str:
    """A closed record's page says so under its heading (the record is kept: its address works)."""
    if getattr(record, "closed_on", None) is None:
        return body
    noun = RECORD_TYPES[record_type].noun.replace("-", " ")
    notice = render("record/_closed.html", record=record, noun=noun, closed=record.closed_on <= build_day())
    at = body.find("</h1>")
    return body[:at + 5] + "\n" + notice + body[at + 5:] if at >= 0 else notice + body


def report_pages(dataset: Dataset) -> list[RecordPage]:
    """One page per topic of the report finder, at /report/<topic>/; on a large site also one per
    topic and partnership, at /report/<topic>/<partnership>/, with its local routes."""
    local = [None, *(p.id for p in partnerships(dataset))] if is_large(dataset) else [None]
    return [generated_page(topic_path(topic, where), TOPIC_LABELS[topic], "csp-report",
                           lambda links, topic=topic, where=where: topic_page(dataset, links, topic, where))
            for topic in Topic for where in local]


# The order record pages join the build, and so the sitemap's order: what residents and readers
# look for first, then the reference records.
SITEMAP_ORDER = ("priorities", "actions", "campaigns", "funded-projects", "funding-pots", "routes", "sources",
                 "statistics", "organisations", "areas")


def record_pages(dataset: Dataset, site_url: str = "",
                 changelog: Changelog | None = None) -> list[RecordPage]:
    changed = changelog.last_changed() if changelog else {}
    at = addresses(changelog) if changelog else {}
    pages = []
    for record_type in SITEMAP_ORDER:
        for record in dataset.all(record_type):
            entry = changed.get((record_type, record.id))
            pages.append(record_page(dataset, record_type, record, site_url, entry,
                                     at[entry.short] if entry else ""))
    return pages


def areas_index_page(dataset: Dataset) -> RecordPage:
    """/areas/: counties, their partnerships and districts."""
    return generated_page("areas/", "Areas", "csp-areas",
                          lambda links: render("areas_index.html", links=links, counties=by_county(dataset)))


def partnership_pages(dataset: Dataset) -> list[RecordPage]:
    """On a large site, a page per partnership per section: /areas/<id>/action-plan/ and so on; a
    paged section also has a page per earlier year: /areas/<id>/funding/years/2022-23/."""
    if not is_large(dataset):
        return []
    found = []
    for p in partnerships(dataset):
        for section, (title, _) in SECTIONS.items():
            for page in PAGED[section](dataset, p.id) if section in PAGED else [None]:
                slug = page.slug if page else ""
                name = f"{p.name}: {title}" + (f", {page.label}" if slug else "")
                found.append(generated_page(
                    section_path(p.id, section) + slug, name, "csp-partnership",
                    lambda links, p=p, section=section, page=page: section_body(dataset, links, p, section,
                                                                                page)))
    return found


def year_pages(dataset: Dataset) -> list[RecordPage]:
    """On a small site, a page for every year but the newest of each site-wide list that grows with
    the years: /funding/years/2022-23/ and so on (the newest is /funding/ itself)."""
    if is_large(dataset):
        return []
    return [generated_page(section_path(None, section) + page.slug, f"{title}: {page.label}", "csp-year",
                           lambda links, section=section, page=page: site_year_body(dataset, links, section,
                                                                                    page))
            for section, (title, _) in SITE_YEARS.items() for page in PAGED[section](dataset)[1:]]


def changes_pages(dataset: Dataset, changelog: Changelog) -> list[RecordPage]:
    """/changes/ and its earlier years: the public changelog; removed records are named but no
    longer linked."""
    live = {(record_type, record.id) for record_type in RECORD_TYPES for record in dataset.all(record_type)}
    every = changelog_pages(changelog)
    return [generated_page("changes/" + page.slug,
                           "What changed" + (f": {page.label}" if page.slug else ""), "csp-changelog",
                           lambda links, page=page: changes_body(changelog, every, page, links, live))
            for page in every]
