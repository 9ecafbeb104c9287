"""Text shown to the public: plain text, and prose where a safe subset of Markdown is allowed.

Every check here takes time in proportion to the text's length, whatever the text: no pattern
can try each starting point against the rest of a long text (a value of a million letters is
checked as fast as its reading). tests/model/test_fields.py times them on hostile texts.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, WithJsonSchema

from macros.model.catalogue import Rule, problem, shown

_TEMPLATE_RE = re.compile(r"\{\{|\{%|\{#")
# A tag ends at the first '>' or at the next '<': so each '<' is looked at once.
_HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]*>")
# ... and the tags that load or run something, even left unclosed ('<img src=x onerror=...').
_ACTIVE_TAG_RE = re.compile(r"<\s*/?\s*(?:script|img|iframe|frame|svg|math|object|embed|link|meta|"
                            r"style|base|form|input|button|textarea|video|audio|source|a|body|html)\b",
                            re.IGNORECASE)
# For an address as a whole (fullmatch): labels separated by dots, so there is one way to match.
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
# For an address inside a text: it starts where a run of address characters starts, and each
# part has the most characters an address can have, so the search is linear in the text.
_EMAIL_IN_TEXT = re.compile(r"(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}"
                            r"(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}")


def check_text(value: str) -> str:
    """Text from data is shown to the public: no template code, no HTML, no e-mail addresses."""
    if not value.strip():
        raise problem(Rule.EMPTY_TEXT, "is empty; write the text, or leave the field out when it is optional")
    if _TEMPLATE_RE.search(value):
        raise problem(Rule.TEMPLATE_CODE,
            "contains '{{', '{%' or '{#', which are template code; "
            "remove them or write the words out",
        )
    tag = _HTML_RE.search(value) or _ACTIVE_TAG_RE.search(value)
    if tag:
        raise problem(Rule.HTML,
            f"contains the HTML tag {shown(tag.group(0))}; remove it and write plain text "
            "(in description fields use Markdown, such as **bold** or [a link](https://...))",
        )
    if _EMAIL_IN_TEXT.search(value):
        raise problem(Rule.EMAIL_IN_TEXT,
            "contains an e-mail address; remove it. Publish contact details only in a "
            "route's channels, and only a team mailbox, never a person's address",
        )
    return value


PlainText = Annotated[str, AfterValidator(check_text)]
"""One line or a short passage shown exactly as written (never as Markdown)."""

# Where Markdown names a link target: [text](target) and a reference definition [name]: target.
_INLINE_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]{0,2048})")
_REFERENCE_RE = re.compile(r"^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*<?([^\s>]{0,2048})", re.MULTILINE)
_IMAGE_RE = re.compile(r"!\[")
SAFE_SCHEMES = ("https://", "tel:", "mailto:")


def link_targets(value: str) -> list[str]:
    return [*_INLINE_LINK_RE.findall(value), *_REFERENCE_RE.findall(value)]


def check_prose(value: str) -> str:
    """Prose may use Markdown, but no pictures, and its links must be links check_link accepts."""
    from macros.model.fields.contact import parse_link  # contact.py imports this module

    if _IMAGE_RE.search(value):
        raise problem(Rule.IMAGE,
            "contains a picture (Markdown's '![...](...)'); pictures are not shown on this site and "
            "would be fetched from another website: remove it, or link to the page with "
            "[words](https://...)",
        )
    for target in link_targets(value):
        if not target.startswith(SAFE_SCHEMES):
            raise problem(Rule.URL, f"the link {shown(target)} must start with https://, tel: or mailto:")
        parse_link(target)
    return check_text(value)


Prose = Annotated[str, AfterValidator(check_prose), WithJsonSchema({
    "type": "string", "description": "Markdown allowed: paragraphs, **bold**, lists, links.",
})]
"""Longer text where a safe subset of Markdown is honoured."""
