"""The changelog as an Atom feed (RFC 4287), so journalists can subscribe to changes."""

from __future__ import annotations

from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from .changelog import Changelog, addresses
from .links import Links
from .views.render import render

FEED_PATH = "changes/feed.xml"
FEED_ENTRIES = 50  # the newest changes, as feeds carry; the changelog pages keep them all


def atom(changelog: Changelog, site_name: str, site_url: str, live: set[tuple[str, str]]) -> bytes:
    """One entry per commit; its content is the same change list the changelog page shows."""
    page = site_url + "changes/"
    host = urlsplit(site_url).hostname or "localhost"
    feed = FeedGenerator()
    feed.id(page)
    feed.title(f"{site_name}: what changed")
    feed.subtitle("Every change to the published data, field by field")
    feed.author({"name": site_name})
    feed.link(href=page, rel="alternate", type="text/html")
    feed.link(href=site_url + FEED_PATH, rel="self", type="application/atom+xml")
    feed.language("en-GB")
    feed.updated(changelog.entries[0].date if changelog.entries else None)
    at = addresses(changelog)
    for entry in reversed(changelog.entries[:FEED_ENTRIES]):  # feedgen lists the last added first
        item = feed.add_entry()
        # A tag URI (RFC 4151) never changes, even if the site moves.
        item.id(f"tag:{host},{entry.date:%Y-%m-%d}:changes/{entry.commit}")
        item.title(entry.message)
        item.updated(entry.date)
        item.link(href=site_url + at[entry.short], rel="alternate", type="text/html")
        body = render("changes_entry.html", entry=entry, links=Links(site_url), live=live)
        item.content(str(body), type="html")
    return feed.atom_str(pretty=True)
