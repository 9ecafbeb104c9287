"""The JSON Schemas staff's editors use are generated, fresh, wired in, and agree with the models."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from macros.data.load import data_files
from macros.data.yaml_reader import read_yaml
from macros.model import RECORD_TYPES
from macros.tools.schema import SCHEMA_DIR, rendered_schemas, stale_schemas
from tests.conftest import FIXTURES, PROJECT

DATA_DIRS = [PROJECT / "data", FIXTURES / "minimal" / "data"]


def test_committed_schemas_are_fresh():
    assert stale_schemas() == [], "run 'cspsite schema' (make schema) and commit schema/"


def test_stale_schema_is_detected(tmp_path: Path):
    for name, text in rendered_schemas().items():
        (tmp_path / name).write_text(text)
    (tmp_path / "routes.json").write_text("{}")
    assert stale_schemas(tmp_path) == ["routes.json"]


def _plain(node):
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _shipped_files():
    return [(name, path) for name, paths in data_files(PROJECT / "data").items() for path in paths]


@pytest.mark.parametrize("name, path", _shipped_files(), ids=lambda v: getattr(v, "name", v))
def test_each_data_file_points_editors_at_its_schema_and_passes_it(name: str, path: Path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    relative = Path("..") if path.parent.name == "data" else Path("../..")
    assert first_line == f"# yaml-language-server: $schema={relative / 'schema' / f'{name}.json'}"
    schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text())
    records = _plain(read_yaml(path.read_text(encoding="utf-8")))
    jsonschema.Draft202012Validator(schema).validate(records)


def test_schema_rejects_an_unknown_field_like_the_validator():
    schema = json.loads((SCHEMA_DIR / "campaigns.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "nmae": "typo"}], schema)


def test_every_record_type_has_a_schema():
    assert sorted(p.stem for p in SCHEMA_DIR.glob("*.json")) == sorted(RECORD_TYPES)
