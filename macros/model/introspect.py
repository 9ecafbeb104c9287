"""What the models' annotations say: which fields name other records, which hold nested records,
and where a record cites its sources. Rules, parsing, exports and the Dataset all ask here.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from macros.model.base import Citation
from macros.model.fields import RefTo


def unwrap(annotation: typing.Any) -> typing.Any:
    """The type inside Optional[...] and Annotated[...]."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if typing.get_origin(annotation) in (typing.Union, types.UnionType) and args:
            annotation = args[0]
            continue
        return annotation


def _ref_in(annotation: typing.Any) -> RefTo | None:
    """The RefTo marker inside an annotation such as list[OrgRef] or AreaRef | None."""
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, RefTo):
            return meta
    for arg in typing.get_args(annotation):
        found = _ref_in(arg)
        if found:
            return found
    return None


def reference_target(info: FieldInfo) -> str | None:
    """The record type a field names by id (alone or in a list), or None."""
    # pydantic moves a top-level Annotated[...]'s markers into info.metadata
    marker = next((m for m in info.metadata if isinstance(m, RefTo)), None) or _ref_in(info.annotation)
    return marker.record_type if marker else None


def list_item(annotation: typing.Any) -> typing.Any | None:
    """The item type of a list field, or None when the field is not a list."""
    inner = unwrap(annotation)
    return unwrap(typing.get_args(inner)[0]) if typing.get_origin(inner) is list else None


def is_model(annotation: typing.Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def nested_model(annotation: typing.Any) -> type[BaseModel] | None:
    """The model a field holds, alone, optional or in a list."""
    for candidate in (unwrap(annotation), list_item(annotation), *typing.get_args(annotation)):
        if is_model(candidate):
            return candidate
    return None


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the last step of a location such as ('channels', 2, 'number')."""
    current: type[BaseModel] | None = model
    for step in loc[:-1]:
        if isinstance(step, int) or current is None:
            continue
        field = current.model_fields.get(step)
        if field is None:
            return None
        current = nested_model(field.annotation)
    return current


@functools.cache  # models do not change during a run; a national site asks for each record
def field_kinds(model: type[BaseModel]) -> tuple[tuple[str, str | None, type[BaseModel] | None], ...]:
    """(field name, the record type it names or None, the model it holds or None), per field."""
    return tuple((name, reference_target(info), nested_model(info.annotation))
                 for name, info in model.model_fields.items())


@functools.cache
def _ref_fields(model: type[BaseModel]) -> tuple[tuple[str, str | None, type[BaseModel] | None], ...]:
    """The fields that can hold a reference: the others need no look (100,000 broken records)."""
    return tuple(kind for kind in field_kinds(model) if kind[1] or kind[2] is not None)


def iter_refs(record: BaseModel, loc: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """Every (location, target type, id) that a record refers to, at any depth."""
    for name, target, _ in field_kinds(type(record)):
        value = getattr(record, name)
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            where = (*loc, name, index) if isinstance(value, list) else (*loc, name)
            if target and isinstance(item, str):
                yield where, target, item
            elif isinstance(item, BaseModel):
                yield from iter_refs(item, where)


def raw_refs(model: type[BaseModel], data: dict, loc: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """The references of a record that failed validation, at any depth, read from the file as
    written: a misspelt member is reported in the same run as the record's other mistakes."""
    for name, target, inner in _ref_fields(model):
        value = data.get(name)
        if value is None:
            continue
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            where = (*loc, name) if index is None else (*loc, name, index)
            if target and isinstance(item, str):
                yield where, target, item
            elif inner is not None and isinstance(item, dict):
                yield from raw_refs(inner, item, where)


def iter_citations(record: BaseModel) -> Iterator[Citation]:
    """Every citation in a record, at any depth (a statistic's points cite their own reports)."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, Citation):
                yield item
            elif isinstance(item, BaseModel):
                yield from iter_citations(item)


WORDS = {"id": "ID", "url": "URL", "kpis": "KPIs", "rag": "RAG"}


def label_of(name: str) -> str:
    """A field's name as a label: 'as_of' -> 'As of', 'url' -> 'URL'."""
    words = [WORDS.get(word, word) for word in name.replace("24_7", "24/7").split("_")]
    return " ".join(words)[0].upper() + " ".join(words)[1:]


def field_title(name: str, info: FieldInfo | None = None) -> str:
    """A field's name as staff see it in the editor's forms and in every change list: the model's
    own title when it gives one, else its name in words."""
    return info.title if info is not None and info.title else label_of(name)
