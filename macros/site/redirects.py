"""Old addresses of renamed records: a small page at each that sends the reader to the new one.

A record's id is its address, and an address, once published, keeps working: a record renamed
with `replaces: <old-id>` gets a page at its old address with a meta refresh, a link (no
JavaScript needed) and the new page as canonical, so search engines move their entry too. The
build adds these pages beside the record pages (build/hooks.py).
"""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.model import RECORD_TYPES, label, record_path
from macros.site.render import render


def redirect_pages(dataset: Dataset, site_url: str = "") -> dict[str, str]:
    """'routes/old-id/index.html' -> its HTML, for every old id a published record replaces."""
    pages = {}
    for record_type, kind in RECORD_TYPES.items():
        for record in dataset.all(record_type):
            new = record_path(record_type, record.id)
            for old in getattr(record, "replaces", None) or []:
                old_path = record_path(record_type, old)
                # From /<folder>/<old>/ the new page is one folder up and along: ../<new>/
                target = "../" * old_path.count("/") + new
                pages[f"{old_path}index.html"] = render(
                    "redirect.html", title=label(record), noun=kind.noun.replace("-", " "), old_id=old,
                    target=target, canonical=(site_url.rstrip("/") + "/" + new) if site_url else target)
    return pages
