"""The public changelog's pages: ten changes a page, a year to a page, and each change's address."""

from __future__ import annotations

from macros.changes.changelog import Changelog, Entry
from macros.site.links import Links
from macros.site.paging import Page, paginate, year_nav
from macros.site.render import render

ENTRIES_PER_PAGE = 10  # changes on one page of /changes/; older ones are on pages by year


def pages(changelog: Changelog) -> list[Page]:
    """The changes, newest first, ENTRIES_PER_PAGE to a page and a year to a page: /changes/ has
    the newest; /changes/years/2024/ (and /2/, /3/...) the others. The list is bounded however
    long the history grows."""
    return paginate(changelog.entries, lambda entry: str(entry.date.year), ENTRIES_PER_PAGE)


def addresses(changelog: Changelog) -> dict[str, str]:
    """Each change's address: 'changes/years/2024/#change-1a2b3c4', for links from record pages."""
    return {entry.short: f"changes/{page.slug}#change-{entry.short}"
            for page in pages(changelog) for entry in page.items}


def changes_body(changelog: Changelog, every: list[Page], page: Page, links: Links, live: set) -> str:
    nav = year_nav(every, page, links, "changes/", "Changes by year", "Showing the changes made in")
    return render("changes.html", changelog=changelog, page=page, nav=nav, links=links, live=live)


def entry_html(entry: Entry, site_url: str, live: set) -> str:
    """One change as HTML with absolute links, for the Atom feed."""
    return render("changes_entry.html", entry=entry, links=Links(site_url), live=live)
