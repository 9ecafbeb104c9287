"""A record's fields as staff name them and readers see them: one entry per field people edit.

The changelog compares records field by field on the values as written (`points[2].value`), but
it speaks to people: each field by the name the staff editor's forms give it ("Hours"), a list
item by its own label or its place ("the point “12 months to June 2019”", "the 2nd channel"),
and each value as the site shows it (money as £8,700, a date at the precision reported, a
reference by the name of the record it names).
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from macros.model.fields.money import parse_money
from macros.model.introspect import field_title, list_item, nested_model, reference_target
from macros.model.routes import CHANNEL_LABELS
from macros.model.topics import TOPIC_LABELS

Names = Callable[[str, str], str | None]  # (record type, id) -> the name of that record, if known
ITEM_NOUNS = {"history": "year", "reach": "figure", "kpis": "KPI"}  # else the list's name, singular
ITEM_LABELS = ("name", "title", "metric", "period", "quarter", "date", "kind")  # what names an item
OWN_LABEL = {"history": "year"}  # a list whose items are named by another field
LABEL_MAX = 40
ENUM_LABELS = {**TOPIC_LABELS, **CHANNEL_LABELS}  # as the site's pages name them


@dataclass(frozen=True)
class Leaf:
    """One field of a record: its value as written, its names, and its value as readers see it."""

    raw: str
    name: str  # in full, as a heading: "Hours of the 2nd channel"
    short: str  # the field alone, as a sentence says it: "hours"
    shown: str
    items: tuple[tuple[str, str], ...] = ()  # the list items it is in, outermost first: (path, noun)


def in_sentence(label: str) -> str:
    """'Hours' -> 'hours', but 'URL' and 'KPIs' stay as they are."""
    first = label.split(" ", 1)[0]
    return label if sum(c.isupper() for c in first) > 1 else label[:1].lower() + label[1:]


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def singular(label: str) -> str:
    if label.endswith("ies"):
        return label[:-3] + "y"
    return label[:-1] if label.endswith("s") and not label.endswith("ss") else label


def _validates_with(annotation: Any, func: Callable) -> bool:
    if any(getattr(meta, "func", None) is func for meta in getattr(annotation, "__metadata__", ())):
        return True
    return any(_validates_with(arg, func) for arg in typing.get_args(annotation))


def _is_money(info: FieldInfo | None) -> bool:
    """A field of pounds (Money, alone or optional), not any other number."""
    return info is not None and (any(getattr(m, "func", None) is parse_money for m in info.metadata)
                                 or _validates_with(info.annotation, parse_money))


def shown_value(raw: str, typed: Any, info: FieldInfo | None, names: Names) -> str:
    """A value as the site shows it; the text as written when its type is not known."""
    if raw == "":
        return ""
    target = reference_target(info) if info is not None else None
    if target:
        return names(target, raw) or raw
    if hasattr(typed, "human"):
        return typed.human()
    if isinstance(typed, bool):
        return "yes" if typed else "no"
    if isinstance(typed, dt.date):
        return f"{typed.day} {typed:%B %Y}"
    if isinstance(typed, Decimal | int) and not isinstance(typed, bool):
        amount = Decimal(str(typed))
        whole = amount == amount.to_integral_value()
        text = f"{int(amount):,}" if whole else f"{amount:,.2f}" if _is_money(info) else f"{amount:,}"
        return f"£{text}" if _is_money(info) else text
    if isinstance(typed, enum.Enum):
        return ENUM_LABELS.get(typed, str(typed.value))
    return raw


def _item_names(field_name: str, noun: str, items: list) -> list[str]:
    """What to call each item of a list: by its label when every item has its own, else by its
    place ('the 2nd channel'), so that no two are called alike."""
    keys = (OWN_LABEL[field_name],) if field_name in OWN_LABEL else ITEM_LABELS

    def label(item: Any) -> str | None:
        if not isinstance(item, dict):
            return None
        value = next((item[key] for key in keys if isinstance(item.get(key), str) and item[key]), None)
        if value is None:
            return None
        return value if len(value) <= LABEL_MAX else value[:LABEL_MAX - 1].rstrip() + "…"

    labels = [label(item) for item in items]
    if None not in labels and len(set(labels)) == len(labels):
        quoted = "{}" if field_name in OWN_LABEL else "“{}”"  # 'the year 2019/20', 'the point “June”'
        return [f"the {noun} {quoted.format(own)}" for own in labels]
    return [f"the {ordinal(index)} {noun}" for index in range(1, len(items) + 1)]


def _typed_item(typed: Any, index: int) -> Any:
    return typed[index] if isinstance(typed, list | tuple) and index < len(typed) else None


def _leaf(out: dict, prefix: str, raw: str, label: str, context: list[str], shown: str,
          items: tuple) -> None:
    if not context:
        name = label
    elif label.endswith(" of"):  # 'As of': not 'As of of the point'
        name = f"{label} ({' of '.join(context)})"
    else:
        name = " of ".join([label, *context])
    out[prefix] = Leaf(raw, name, in_sentence(label), shown, items)


def _walk(out: dict[str, Leaf], model: type[BaseModel] | None, data: Any, typed: Any, prefix: str,
          label: str, info: FieldInfo | None, context: list[str], names: Names, items: tuple = ()) -> None:
    if isinstance(data, dict):
        fields = model.model_fields if model is not None else {}
        for key, item in data.items():
            child = fields.get(key)
            child_typed = getattr(typed, key, None) if isinstance(typed, BaseModel) else None
            inner = [f"the {in_sentence(label)}", *context] if prefix and label else context
            _walk(out, nested_model(child.annotation) if child else None, item, child_typed,
                  f"{prefix}.{key}" if prefix else key, field_title(key, child), child, inner, names, items)
        return
    if isinstance(data, list):
        if all(not isinstance(v, dict | list) for v in data):
            raws = ["" if v is None else v for v in data]
            fits = isinstance(typed, list | tuple) and len(typed) == len(data)
            typed_items = typed if fits else [None] * len(data)
            item_info = info if info is not None and list_item(info.annotation) is not None else None
            shown = [shown_value(r, t, item_info, names) for r, t in zip(raws, typed_items, strict=True)]
            _leaf(out, prefix, ", ".join(raws), label, context, ", ".join(shown), items)
            return
        field_name = prefix.rsplit(".", 1)[-1].split("[", 1)[0]
        noun = ITEM_NOUNS.get(field_name) or in_sentence(singular(label))
        for index, (item, called) in enumerate(zip(data, _item_names(field_name, noun, data), strict=True),
                                               start=1):
            _walk(out, model, item, _typed_item(typed, index - 1), f"{prefix}[{index}]", "", None,
                  [called, *context], names, (*items, (f"{prefix}[{index}]", noun)))
        return
    raw = "" if data is None else data
    _leaf(out, prefix, raw, label, context, shown_value(raw, typed, info, names), items)


def leaves(model: type[BaseModel], data: dict, typed: BaseModel | None = None,
           names: Names = lambda record_type, record_id: None) -> dict[str, Leaf]:
    """Every field of a record as `history.flatten` lists it (the same keys), with its names and
    its value as shown. `data` is the record as plain text (history.plain); `typed` the parsed
    record when it validated, for values shown by their type."""
    out: dict[str, Leaf] = {}
    _walk(out, model, data, typed, "", "", None, [], names)
    return out
