"""Using the site search as a visitor does: open it, type, wait for the results."""

from __future__ import annotations

RESULT = ".csp-search__results li"


def search(page, term: str, opener: str = "click"):
    """Open the search (by clicking its button, or with the "/" key), type `term`, and return the
    result links once the count is announced."""
    toggle = page.get_by_role("button", name="Search", exact=True)
    if toggle.get_attribute("aria-expanded") != "true":
        page.keyboard.press("/") if opener == "/" else toggle.click()
    page.get_by_role("searchbox", name="Search this site").fill(term)
    page.wait_for_function("quoted => document.querySelector('[data-csp-search-status]').textContent"
                           ".includes(quoted)", arg=f"\u201c{term}\u201d")
    settled(page)
    return page.locator(".csp-search__link")


def settled(page) -> None:
    """Wait until the search has loaded all it will for now (a large index loads in parts)."""
    page.wait_for_function("() => !document.querySelector('[data-csp-search-results][aria-busy]')")


def rank_of(page, term: str, address: str, more: int = 5) -> int | None:
    """Where the page at `address` comes in the results for `term` (1 = first), asking for more
    results up to `more` times; None if it never shows."""
    links = search(page, term)
    for _ in range(more + 1):
        hrefs = [link.get_attribute("href") for link in links.all()]
        hits = [i for i, href in enumerate(hrefs, 1) if href.endswith(address)]
        if hits:
            return hits[0]
        button = page.locator("[data-csp-search-more]")  # "Show more results" or "Search more of the site"
        if not button.is_visible():
            return None
        button.click()
        settled(page)
    return None


def found(page, term: str) -> list[tuple[str, str]]:
    """(title, address) of every result shown for `term`, best first."""
    return [(link.inner_text(), link.get_attribute("href")) for link in search(page, term).all()]
