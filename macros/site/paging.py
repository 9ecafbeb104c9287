"""Lists that grow with the years: one year per page, newest first, with a navigation between years.

The newest year is the section's own page (/funding/, /areas/<partnership>/funding/); every other
year has its own page under it (/funding/years/2022-23/). A year holding more than its list's
`per_page` items is split into numbered parts (/funding/years/2022-23/2/), so no page grows
without bound however many years or partnerships a site has.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from macros.site.links import Links
from macros.site.render import render


@dataclass(frozen=True)
class Page:
    key: str  # what its items share: a financial year ("2023/24") or an action plan's name
    part: int  # 1-based, within the key
    parts: int
    items: tuple
    every: tuple  # every item with this key, in every part
    slug: str  # its path under the section's page: "" for the newest, else "years/2023-24/" or ".../2/"
    first: int  # 1-based position of items[0] among every

    @property
    def label(self) -> str:
        return self.key if self.parts == 1 else f"{self.key}, part {self.part} of {self.parts}"


def slug_of(key: str) -> str:
    """'2023/24' -> '2023-24'; data text is reduced to lower-case letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "none"


def paginate(items: Iterable, key: Callable[[object], str], per_page: int,
             order: Callable[[str], object] | None = None, whole_if_fits: bool = False) -> list[Page]:
    """Items grouped by key, newest key (largest by `order`) first, each key in parts of per_page.

    Items keep their given order within a key. With no items there is still one (empty) page.
    With whole_if_fits, items that fit on one page stay on one page, every key together (key "").
    """
    items = tuple(items)
    if whole_if_fits and len(items) <= per_page:
        return [Page("", 1, 1, items, items, "", 1)]
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    pages: list[Page] = []
    used: set[str] = set()
    for k in sorted(groups, key=order or (lambda k: k), reverse=True):
        members = tuple(groups[k])
        base = slug_of(k)
        while base in used:  # two action plans whose names differ only in punctuation
            base += "-2"
        used.add(base)
        parts = max(1, math.ceil(len(members) / per_page))
        for n in range(parts):
            slug = f"years/{base}/" + (f"{n + 1}/" if n else "")
            pages.append(Page(k, n + 1, parts, members[n * per_page:(n + 1) * per_page], members,
                              "" if not pages else slug, n * per_page + 1))
    return pages or [Page("", 1, 1, (), (), "", 1)]


def chosen(pages: list[Page], slug: str = "") -> Page:
    for page in pages:
        if page.slug == slug:
            return page
    raise ValueError(f"there is no page {slug!r}; choose from {[p.slug for p in pages]}")


def page_and_nav(pages: list[Page], slug: str, links: Links, base: str, label: str,
                 noun: str) -> tuple[Page, str]:
    """The page `slug` names (the newest by default) and the navigation that marks it."""
    current = chosen(pages, slug)
    return current, year_nav(pages, current, links, base, label, noun)


def year_nav(pages: list[Page], current: Page, links: Links, base: str, label: str, noun: str) -> str:
    """The list of years (or plans) with the current one marked; nothing when there is only one page."""
    return render("year_nav.html", pages=pages, current=current, links=links, base=base, label=label,
                  noun=noun)
