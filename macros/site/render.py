"""Templates with autoescaping, and the filters that format data for people.

Every value from data passes through autoescape; only Prose fields become HTML, through
a Markdown renderer that first escapes any HTML.
"""

from __future__ import annotations

import html
from decimal import Decimal

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from macros.changes.words import sentence_parts
from macros.exports.change_csv import change_csv_path
from macros.model import RECORD_TYPES, label
from macros.model.base import NOT_STATED
from macros.model.fields import PartialDate
from macros.model.routes import CHANNEL_LABELS
from macros.site import citation
from macros.site.links import section_anchor


def money(amount: Decimal | int | None) -> str:
    """£8,700 or £8,700.50, as GOV.UK writes money."""
    if amount is None:
        return "not stated"
    amount = Decimal(str(amount))
    if amount == amount.to_integral_value():
        return f"£{int(amount):,}"
    return f"£{amount:,.2f}"


def number(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    value = Decimal(str(value))  # via str(): a float keeps the digits it shows
    return f"{int(value):,}" if value == value.to_integral_value() else f"{value:,}"


def stated(value) -> str:
    """A value, or 'Not stated in the report' when the report does not give it."""
    if value is None or value == [] or value == ():
        return NOT_STATED
    return human_date(value) if isinstance(value, PartialDate) else str(value)


def human_date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return value.human()
    return f"{value.day} {value:%B %Y}"


def sentence(text: str) -> str:
    """End a fragment with exactly one full stop (data may or may not have one)."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", ")")) and not text.endswith("..") else text.rstrip(".") + "."


class _SafeLinks(Treeprocessor):
    """Links only to https, mailto: or tel:; no images (they would load from another origin)."""

    def run(self, root):
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    parent.remove(child)
                elif child.tag == "a" and not child.get("href", "").startswith(SAFE_SCHEMES):
                    child.attrib.pop("href", None)


class _SafeProse(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_SafeLinks(md), "csp-safe-links", 0)


SAFE_SCHEMES = ("https://", "mailto:", "tel:")


def prose(text: str | None) -> Markup:
    """Markdown for fields meant for prose. Raw HTML shows as text; unsafe links and images go."""
    if not text:
        return Markup("")
    converter = markdown.Markdown(extensions=[_SafeProse()], output_format="html")
    return Markup(converter.convert(html.escape(text, quote=False)))


_ENV = Environment(
    loader=PackageLoader("macros.site", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)
_ENV.filters.update(money=money, number=number, human_date=human_date, prose=prose, label=label,
                    sentence=sentence, section_anchor=section_anchor,
                    stated=stated,
                    channel_kind=lambda kind: CHANNEL_LABELS[kind] if kind else "How to get in touch")
_ENV.globals["NOT_STATED"] = NOT_STATED
_ENV.globals["kinds"] = {name: record_type.title for name, record_type in RECORD_TYPES.items()}
_ENV.globals["cite"] = citation
_ENV.globals["change_words"] = sentence_parts


def _shown(shown: str | None, raw: str | None) -> str:
    """A changed field's value as readers see it; '(none)' where there was none."""
    value = shown if shown is not None else raw
    return value if value not in (None, "") else "(none)"


_ENV.globals["shown"] = _shown
_ENV.globals["change_csv"] = change_csv_path


def render(template: str, **context) -> Markup:
    """An HTML fragment, marked safe so one view's output can be placed inside another's."""
    return Markup(_ENV.get_template(template).render(**context).strip() + "\n")
