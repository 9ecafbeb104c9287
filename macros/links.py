"""Where each record lives on the site, and relative links to it from any page.

A record's id is its permanent address: /funding/<id>/ never changes.
"""

from __future__ import annotations

from dataclasses import dataclass

RECORD_PATHS = {
    "priorities": "priorities",
    "actions": "action-plan",
    "campaigns": "campaigns",
    "funded-projects": "funding",
    "funding-pots": "funding-pots",
    "routes": "routes",
    "sources": "sources",
    "statistics": "statistics",
    "organisations": "organisations",
    "areas": "areas",
}


def record_path(record_type: str, record_id: str) -> str:
    """The site path of a record's page, without a leading slash: 'funding/x/'."""
    return f"{RECORD_PATHS[record_type]}/{record_id}/"


def root_from(page_url: str) -> str:
    """The relative path from a page (mkdocs page.url, e.g. 'funding/x/') to the site root."""
    depth = page_url.count("/") if page_url else 0
    return "../" * depth


@dataclass(frozen=True)
class Links:
    """Relative links from one page; templates call links.to('campaigns', id)."""

    root: str = ""

    def to(self, record_type: str, record_id: str) -> str:
        return self.root + record_path(record_type, record_id)

    def page(self, path: str) -> str:
        return self.root + path
