"""JSON Schemas for editors, generated from the models so they can never drift."""

from __future__ import annotations

import json
from pathlib import Path

from macros.model import RECORD_TYPES

PROJECT_DIR = Path(__file__).resolve().parents[2]
SCHEMA_DIR = PROJECT_DIR / "schema"
# The staff editor rewrites whole files and drops comments, so a record in a file of its own cannot
# keep a '# yaml-language-server' first line: editors find its schema by file name instead.
EDITOR_SETTINGS = PROJECT_DIR / ".vscode" / "settings.json"


def schema_for(name: str) -> dict:
    record_type = RECORD_TYPES[name]
    item = record_type.model.model_json_schema()
    definitions = item.pop("$defs", {})
    definitions[record_type.model.__name__] = item
    record = {"$ref": f"#/$defs/{record_type.model.__name__}"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.json",
        "title": record_type.title,
        "description": f"{record_type.description}. A data file is a list of these records, or one "
                       f"record in a file of its own (data/{name}/<id>.yml).",
        "anyOf": [{"type": "array", "items": record}, record],
        "$defs": definitions,
    }


def schema_globs() -> dict[str, list[str]]:
    """Which files each schema is for, in both layouts: the YAML extension's `yaml.schemas`."""
    return {f"schema/{name}.json": [f"data/{name}.yml", f"data/{name}/*.yml"] for name in RECORD_TYPES}


def _settings(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_editor_settings(path: Path = EDITOR_SETTINGS) -> bool:
    """Set `yaml.schemas` in .vscode/settings.json, keeping any other setting; True if it changed."""
    settings = _settings(path)
    if settings.get("yaml.schemas") == schema_globs():
        return False
    settings["yaml.schemas"] = schema_globs()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return True


def editor_settings_stale(path: Path = EDITOR_SETTINGS) -> bool:
    return _settings(path).get("yaml.schemas") != schema_globs()


def rendered_schemas() -> dict[str, str]:
    """File name -> exact file text, for every record type."""
    return {f"{name}.json": json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"
            for name in RECORD_TYPES}


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, text in rendered_schemas().items():
        path = directory / filename
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def stale_schemas(directory: Path = SCHEMA_DIR) -> list[str]:
    return [name for name, text in rendered_schemas().items()
            if not (directory / name).exists() or (directory / name).read_text(encoding="utf-8") != text]
