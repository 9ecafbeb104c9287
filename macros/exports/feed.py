"""The changelog as an Atom feed (RFC 4287), so journalists can subscribe to changes."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from macros.changes.changelog import Changelog, Entry

FEED_PATH = "changes/feed.xml"
FEED_ENTRIES = 50  # the newest changes, as feeds carry; the changelog pages keep them all


def atom(changelog: Changelog, site_name: str, site_url: str, content: Callable[[Entry], str],
         address: Callable[[Entry], str], authority: str | None = None) -> bytes:
    """One entry per change, titled with what changed in plain words, linking to its place on the
    changelog pages (address: a path from the site root); its content (HTML) is the same change
    list the changelog page shows.

    Ids are tag URIs (RFC 4151) minted under `authority` ("<domain>,<date>", mkdocs.yml's
    extra.open_data.authority), so they stay the same whatever address the site is served from;
    without one, under the site's host (as before)."""
    page = site_url + "changes/"
    host = urlsplit(site_url).hostname or "localhost"
    feed = FeedGenerator()
    feed.id(f"tag:{authority}:changes" if authority else page)
    feed.title(f"{site_name}: what changed")
    feed.subtitle("Every change to the published data, field by field")
    feed.author({"name": site_name})
    feed.link(href=page, rel="alternate", type="text/html")
    feed.link(href=site_url + FEED_PATH, rel="self", type="application/atom+xml")
    feed.language("en-GB")
    feed.updated(changelog.entries[0].date if changelog.entries else None)
    for entry in reversed(changelog.entries[:FEED_ENTRIES]):  # feedgen lists the last added first
        item = feed.add_entry()
        # A tag URI (RFC 4151): from the configured authority, it never changes, even if the site moves.
        item.id(f"tag:{authority}:changes/{entry.commit}" if authority
                else f"tag:{host},{entry.date:%Y-%m-%d}:changes/{entry.commit}")
        item.title(entry.title)  # what changed in plain words; never the commit's message
        if entry.summary:
            item.summary(entry.summary)
        item.updated(entry.date)
        item.link(href=site_url + address(entry), rel="alternate", type="text/html")
        item.content(str(content(entry)), type="html")
    return feed.atom_str(pretty=True)
