"""Markup the HTML checker refuses in the theme's base template, fixed on each written page.

mkdocs-material puts autocomplete="off" on its drawer and search toggles (checkboxes, for which
HTML allows no autocomplete) directly in base.html, outside any block an override can replace.
The attribute only stops Firefox restoring a toggle's state on Back; our pages work either way.
Its table of contents also labels a "__toc" toggle that the navigation draws only for pages in
the menu: on a page outside it (Cover your tracks, a record page) the label points at nothing.
"""

from __future__ import annotations

import re

_INPUT = re.compile(r"<input\b[^>]*>")
_AUTOCOMPLETE = re.compile(r"\s+autocomplete=(?:\"off\"|off)(?=[\s>/])")


def _fix(tag: re.Match) -> str:
    text = tag.group(0)
    if "md-toggle" in text and "checkbox" in text:
        return _AUTOCOMPLETE.sub("", text)
    return text


_TOC_LABEL = re.compile(r"(<label class=(?:\"md-nav__title\"|md-nav__title)) for=(?:\"__toc\"|__toc)>")


def valid_markup(html: str) -> str:
    """The theme's toggles without the attribute the Nu HTML checker refuses on a checkbox, and
    no label for a toggle the page does not have."""
    html = _INPUT.sub(_fix, html)
    if not re.search(r"id=(?:\"__toc\"|__toc)[\s>]", html):
        html = _TOC_LABEL.sub(r"\1>", html)
    return html
