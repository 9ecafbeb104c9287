"""Text shown to the public: plain text, and prose where a safe subset of Markdown is allowed."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, WithJsonSchema

from macros.model.catalogue import Rule, problem

_TEMPLATE_RE = re.compile(r"\{\{|\{%|\{#")
_HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def check_text(value: str) -> str:
    """Text from data is shown to the public: no template code, no HTML, no e-mail addresses."""
    if _TEMPLATE_RE.search(value):
        raise problem(Rule.TEMPLATE_CODE,
            "contains '{{', '{%' or '{#', which are template code; "
            "remove them or write the words out",
        )
    tag = _HTML_RE.search(value)
    if tag:
        raise problem(Rule.HTML,
            f"contains the HTML tag '{tag.group(0)}'; remove it and write plain text "
            "(in description fields use Markdown, such as **bold** or [a link](https://...))",
        )
    if EMAIL_RE.search(value):
        raise problem(Rule.EMAIL_IN_TEXT,
            "contains an e-mail address; remove it. Publish contact details only in a "
            "route's channels, and only a team mailbox, never a person's address",
        )
    return value


PlainText = Annotated[str, AfterValidator(check_text)]
"""One line or a short passage shown exactly as written (never as Markdown)."""

_MARKDOWN_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")


def check_prose(value: str) -> str:
    """Prose may use Markdown, but its links must go to https pages or be tel:/mailto:."""
    check_text(value)
    for target in _MARKDOWN_LINK_RE.findall(value):
        if not target.startswith(("https://", "tel:", "mailto:")):
            raise problem(Rule.URL, f"the link '{target}' must start with https://, tel: or mailto:")
    return value


Prose = Annotated[str, AfterValidator(check_prose), WithJsonSchema({
    "type": "string", "description": "Markdown allowed: paragraphs, **bold**, lists, links.",
})]
"""Longer text where a safe subset of Markdown is honoured."""
