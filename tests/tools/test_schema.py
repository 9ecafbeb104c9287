"""The JSON Schemas staff's editors use are generated, fresh, wired in, and agree with the models."""

from __future__ import annotations

import fnmatch
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from macros.data.load import data_files
from macros.data.yaml_reader import read_yaml
from macros.model import RECORD_TYPES
from macros.tools.schema import (
    EDITOR_SETTINGS,
    SCHEMA_DIR,
    editor_settings_stale,
    rendered_schemas,
    stale_schemas,
    write_editor_settings,
)
from macros.tools.split import split
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
def test_each_data_file_is_found_by_editors_and_passes_its_schema(name: str, path: Path):
    """A list file's first line points at its schema; a record in a file of its own loses comments
    to the staff editor, so .vscode/settings.json finds its schema by file name (both ways work)."""
    records = _plain(read_yaml(path.read_text(encoding="utf-8")))
    if isinstance(records, list):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        relative = Path("..") if path.parent.name == "data" else Path("../..")
        assert first_line == f"# yaml-language-server: $schema={relative / 'schema' / f'{name}.json'}"
    assert _schema_by_file_name(path.relative_to(PROJECT).as_posix()) == f"schema/{name}.json"
    schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(records)


def _schema_by_file_name(relative: str) -> str | None:
    settings = json.loads(EDITOR_SETTINGS.read_text())["yaml.schemas"]
    found = [schema for schema, globs in settings.items() if any(fnmatch.fnmatch(relative, g) for g in globs)]
    return found[0] if len(found) == 1 else None


def test_editor_settings_are_fresh_and_find_the_schema_of_one_record_files(tmp_path: Path):
    assert not editor_settings_stale(), "run 'cspsite schema' (make schema) and commit .vscode/"
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal" / "data", data)
    split(data)
    for path in sorted(data.rglob("*.yml")):
        name = path.parent.name
        assert _schema_by_file_name(path.relative_to(tmp_path).as_posix()) == f"schema/{name}.json"
        schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text())
        jsonschema.Draft202012Validator(schema).validate(_plain(read_yaml(path.read_text())))
    campaigns = json.loads((SCHEMA_DIR / "campaigns.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "nmae": "typo"}, campaigns)


def test_editor_settings_keep_other_settings(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text('{"editor.rulers": [100], "yaml.schemas": {}}')
    assert editor_settings_stale(path) and write_editor_settings(path)
    settings = json.loads(path.read_text())
    assert settings["editor.rulers"] == [100] and not editor_settings_stale(path)
    assert not write_editor_settings(path)


def test_schema_rejects_an_unknown_field_like_the_validator():
    schema = json.loads((SCHEMA_DIR / "campaigns.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "nmae": "typo"}], schema)


def test_every_record_type_has_a_schema():
    assert sorted(p.stem for p in SCHEMA_DIR.glob("*.json")) == sorted(RECORD_TYPES)
