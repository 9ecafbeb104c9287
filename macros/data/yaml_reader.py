"""YAML read by libyaml into dicts and lists that remember the line of every key and item.

YAML is parsed by libyaml (PyYAML's C parser: a national site has about 100 MB of it) into nodes
that carry their line. Plain scalars follow YAML 1.2's core schema, so `no` stays text and
`2019-02-30` stays text: an impossible date becomes a clear validation message instead of a crash.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.cyaml import CParser
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver


class _Core12Resolver(BaseResolver):
    """YAML 1.2 core schema (PyYAML's own resolver is YAML 1.1: yes/no/on/off are booleans there)."""


for _tag, _pattern, _first in [
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    ("float", r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)",
     "-+0123456789."),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
]:
    _Core12Resolver.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pattern})$"),
                                          list(_first))


class _Parser(CParser, SafeConstructor, _Core12Resolver):
    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        SafeConstructor.__init__(self)
        _Core12Resolver.__init__(self)


_SCALARS = {
    "tag:yaml.org,2002:bool": lambda text: text.lower() == "true",
    "tag:yaml.org,2002:null": lambda text: None,
    "tag:yaml.org,2002:int": lambda text: int(text, 0) if text[:2] in ("0o", "0x") else int(text),
    "tag:yaml.org,2002:float": lambda text: float(text.lower().replace(".inf", "inf").replace(".nan", "nan")),
}


class LineMap(dict):
    """A YAML mapping that knows the line (1-based) of each of its keys."""

    key_lines: dict[Any, int]


class LineList(list):
    """A YAML sequence that knows the line (1-based) of each of its items."""

    item_lines: list[int]


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _build(node, parser: _Parser) -> Any:
    if isinstance(node, ScalarNode):
        convert = _SCALARS.get(node.tag)
        return convert(node.value) if convert else node.value  # everything else, dates included, is text
    if isinstance(node, SequenceNode):
        items = LineList(_build(item, parser) for item in node.value)
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        return items
    if isinstance(node, MappingNode):
        parser.flatten_mapping(node)  # '<<' merge keys, as YAML readers do
        mapping = LineMap()
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = _build(key_node, parser)
            if key in mapping:
                raise DuplicateKey(None, None, f"the field '{key}' appears twice in this record; keep one",
                                   key_node.start_mark)
            mapping[key] = _build(value_node, parser)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping
    raise ConstructorError(None, None, f"unexpected YAML node {node.tag}", node.start_mark)


def read_yaml(text: str) -> Any:
    """A YAML document as LineMap, LineList and plain values; raises yaml.MarkedYAMLError."""
    parser = _Parser(text)
    try:
        node = parser.get_single_node()
        return None if node is None else _build(node, parser)
    finally:
        parser.dispose()
