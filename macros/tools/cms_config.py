"""The staff editor's forms (Decap CMS's config.yml), generated from the models, never by hand.

One folder collection per record type (data/<type>/<id>.yml, one record per file) and one widget
per field, chosen from the field's type: references become pickers showing names, enums become
choices, nested records become lists of sub-forms, money a number in pounds, dates a pattern at
their precision (or a date picker for dates known to the day), prose a Markdown editor. What the
models say about a value (patterns, lengths, ranges, required or not, descriptions) becomes the
form's own checks and hints, so most mistakes are caught before anything is saved; the message
for a pattern is the rule's meaning and fix from the catalogue, as the validator would give it.

Rules learnt from Decap's behaviour (decap.md in the project notes):
- an optional list needs `default: []`, or a list whose items have defaults starts with one
  half-filled item that would be saved;
- an optional object's required sub-fields block saving even when the object is left empty
  (decap-cms issue 7748), so they are optional in the form and `cspsite validate` checks them;
- `id` names the file and cannot be made read-only, so its hint says never to change it;
- a list of plain strings shows each item only when `collapsed: false`.
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from macros.model import RECORD_TYPES, RecordType
from macros.model.base import CitedRecord, Record
from macros.model.catalogue import Rule
from macros.model.fields import check_prose
from macros.model.introspect import field_title, label_of, nested_model, reference_target, unwrap

# Fields every record shares go last, as the data files are laid out (Decap writes keys in order).
SHARED_LAST = [name for name in CitedRecord.model_fields if name not in Record.model_fields] + [
    name for name in Record.model_fields if name != "id"]
ID_HINT = "It names the record's file and its web address: never change it once saved."
NEEDED_WHEN_FILLED = "Needed when this part is filled in."
# Prose allows paragraphs, bold, lists and links (macros/model/fields/text.py): no images or code.
MARKDOWN = {"widget": "markdown", "buttons": ["bold", "italic", "link", "bulleted-list", "numbered-list"],
            "editor_components": [], "modes": ["rich_text", "raw"]}
PROBE = "?!"  # not valid for any typed value: tells which catalogue rule a field's validator gives


def _without_none(annotation: Any) -> Any:
    """X from `X | None`, keeping Annotated[...] (its validators tell the kind of value)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _list_item(annotation: Any) -> Any | None:
    inner = _without_none(annotation)
    return typing.get_args(inner)[0] if typing.get_origin(unwrap(inner)) is list else None


def _validators(annotation: Any, metadata: list) -> set:
    found = {getattr(m, "func", None) for m in metadata}
    for arg in typing.get_args(annotation):
        found |= _validators(arg, list(getattr(arg, "__metadata__", ())))
    return found | {getattr(m, "func", None) for m in getattr(annotation, "__metadata__", ())}


def _adapter(annotation: Any, metadata: list) -> TypeAdapter:
    return TypeAdapter(Annotated[(annotation, *metadata)] if metadata else annotation)


def _schema(annotation: Any, metadata: list) -> dict:
    """The value's JSON Schema (as in schema/), without null; the string form of a choice."""
    schema = _adapter(annotation, metadata).json_schema()
    while "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        chosen = next((s for s in options if s.get("type") == "string"), options[0])
        schema = {**{k: v for k, v in schema.items() if k != "anyOf"}, **chosen}
    return schema


def _rule_of(annotation: Any, metadata: list) -> Rule | None:
    """The catalogue rule the value's validator reports for a wrong value, if it has its own."""
    try:
        _adapter(annotation, metadata).validate_python(PROBE)
    except ValidationError as exc:
        codes = [e["type"] for e in exc.errors() if e["type"] in Rule._value2member_map_]
        return Rule(codes[0]) if codes else None
    return None


def _pattern(annotation: Any, metadata: list, schema: dict) -> list[str] | None:
    """[regex, message] for Decap: the model's pattern and length limit, in JavaScript's syntax."""
    pattern = next((m.pattern for m in metadata if getattr(m, "pattern", None)), schema.get("pattern"))
    if not pattern:
        return None
    rule = _rule_of(annotation, metadata)
    message = f"{rule.meaning} {rule.fix}" if rule else f"It must match {pattern}."
    longest = schema.get("maxLength")
    if longest and pattern.startswith("^"):
        pattern = f"^(?=.{{1,{longest}}}$){pattern[1:]}"
        message += f" At most {longest} characters."
    return [pattern, f"{message} [{rule.value}]" if rule else message]


def _scalar(annotation: Any, metadata: list) -> dict:
    """The widget for one plain value: text, Markdown, a number, a date or a yes/no."""
    schema = _schema(annotation, metadata)
    if unwrap(annotation) is bool:
        return {"widget": "boolean"}
    if schema.get("type") in ("number", "integer"):
        widget: dict = {"widget": "number", "value_type": "float" if schema["type"] == "number" else "int"}
        for key, decap in (("minimum", "min"), ("maximum", "max"), ("multipleOf", "step")):
            if key in schema:
                widget[decap] = schema[key]
        return widget
    if schema.get("format") == "date":  # known to the day: a date picker
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                "time_format": False, "picker_utc": True}
    if check_prose in _validators(annotation, metadata):
        return dict(MARKDOWN)
    widget = {"widget": "string"}
    pattern = _pattern(annotation, metadata, schema)
    if pattern:
        widget["pattern"] = pattern
    return widget


def _relation(record_type: str) -> dict:
    shown = RECORD_TYPES[record_type].label_field
    # Names repeat across partnerships ("Hate Crime" three times): show the id beside the name.
    return {"widget": "relation", "collection": record_type, "value_field": "id",
            "search_fields": [shown, "id"], "display_fields": [f"{{{{{shown}}}}} ({{{{id}}}})"],
            "options_length": 50}


def _enum(annotation: Any) -> type[enum.Enum] | None:
    inner = unwrap(annotation)
    return inner if isinstance(inner, type) and issubclass(inner, enum.Enum) else None


def _default(info: FieldInfo) -> Any:
    value = info.default_factory() if info.default_factory else info.default
    if value is PydanticUndefined or value is None:
        return None
    if isinstance(value, list):
        return [v.value if isinstance(v, enum.Enum) else v for v in value]
    return value.value if isinstance(value, enum.Enum) else value


def widget_for(name: str, info: FieldInfo) -> dict:
    """The widget for a field, from its type alone (without label, hint or required)."""
    item = _list_item(info.annotation)
    target, nested = reference_target(info), nested_model(info.annotation)
    if target:
        return {**_relation(target), **({"multiple": True} if item is not None else {})}
    if nested:
        fields = fields_of(nested)
        if item is None:
            return {"widget": "object", "fields": fields}
        return {"widget": "list", "fields": fields, "summary": f"{{{{fields.{_summary_field(nested)}}}}}"}
    choices = _enum(item if item is not None else info.annotation)
    if choices:
        return {"widget": "select", "options": [c.value for c in choices],
                **({"multiple": True} if item is not None else {})}
    if item is not None:
        return {"widget": "list", "collapsed": False,
                "field": {"label": label_of(name), "name": name, **_scalar(item, [])}}
    return _scalar(_without_none(info.annotation), info.metadata)


def _summary_field(model: type[BaseModel]) -> str:
    """What names an item in a collapsed list: its first required field."""
    return next((n for n, f in model.model_fields.items() if f.is_required()), next(iter(model.model_fields)))


def field_entry(name: str, info: FieldInfo) -> dict:
    entry = {"label": field_title(name, info), "name": name, **widget_for(name, info)}
    fewest = next((m.min_length for m in info.metadata if getattr(m, "min_length", None)), 0)
    required = info.is_required() or fewest > 0
    if fewest and entry["widget"] in ("list", "select", "relation"):
        entry["min"] = fewest
    hint = info.description or ""
    type_hint = _schema(_without_none(info.annotation), info.metadata).get("description")
    if not hint and type_hint and entry["widget"] not in ("list", "object"):
        hint = type_hint
    if name == "id":
        hint = f"{hint.rstrip('.')}. {ID_HINT}"
    if hint:
        entry["hint"] = hint
    default = _default(info)
    if not required:
        entry["required"] = False
        if entry["widget"] == "list":
            entry["default"] = default or []
        if entry["widget"] == "object":
            for sub in entry["fields"]:
                if sub.get("required", True):
                    sub["required"] = False
                    sub["hint"] = f"{sub.get('hint', '')} {NEEDED_WHEN_FILLED}".strip()
    if default not in (None, []) and "default" not in entry:
        entry["default"] = default
    return entry


def fields_of(model: type[BaseModel]) -> list[dict]:
    """id first, then the type's own fields, then what every record shares."""
    names = list(model.model_fields)
    order = [n for n in names if n not in SHARED_LAST] + [n for n in SHARED_LAST if n in names]
    return [field_entry(name, model.model_fields[name]) for name in order]


def collection(record_type: RecordType) -> dict:
    shown = record_type.label_field
    return {
        "name": record_type.name,
        "label": record_type.title,
        "label_singular": record_type.noun.replace("-", " "),
        "description": f"{record_type.description}. One file per record: data/{record_type.name}/<id>.yml.",
        "folder": f"data/{record_type.name}",
        "extension": "yml",
        "format": "yaml",
        "create": True,
        "delete": False,  # a published id is never removed by a form; see the staff guide
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": f"{{{{{shown}}}}}",
        "sortable_fields": ["id", shown] if shown != "id" else ["id"],
        "editor": {"preview": False},
        "fields": fields_of(record_type.model),
    }


def cms_config(backend: dict, proxy_port: int) -> dict:
    """The whole configuration: the git host, the local proxy, the workflow and the collections."""
    return {
        "backend": backend,
        # Used only when the editor is opened on this computer (127.0.0.1 or localhost).
        "local_backend": {"url": f"http://127.0.0.1:{proxy_port}/api/v1"},
        "publish_mode": "editorial_workflow",
        "media_folder": "site_src/assets/uploads",  # required by Decap; no form uploads files
        "locale": "en",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [collection(record_type) for record_type in RECORD_TYPES.values()],
    }
