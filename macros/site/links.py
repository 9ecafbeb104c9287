"""Where each record lives on the site, and relative links to it from any page.

A record's id is its permanent address: /funding/<id>/ never changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.model import record_path


def section_anchor(section: str) -> str:
    """The id of a section's entry on its source's page: '2.6 (table)' -> 'section-2.6-table'."""
    return "section-" + (re.sub(r"[^a-z0-9.]+", "-", section.lower()).strip("-") or "none")


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

    def cite(self, citation) -> str:
        """The entry for a citation's section on its source document's page."""
        return f"{self.to('sources', citation.document)}#{section_anchor(citation.section)}"

    def page(self, path: str) -> str:
        return self.root + path


def section_path(partnership: str | None, section: str) -> str:
    """A section's page: 'funding/' site-wide, 'areas/<partnership>/funding/' for one partnership."""
    return f"areas/{partnership}/{section}/" if partnership else f"{section}/"
