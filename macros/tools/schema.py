"""JSON Schemas for editors, generated from the models so they can never drift."""

from __future__ import annotations

import json
from pathlib import Path

from macros.model import RECORD_TYPES

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"


def schema_for(name: str) -> dict:
    record_type = RECORD_TYPES[name]
    item = record_type.model.model_json_schema()
    definitions = item.pop("$defs", {})
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.json",
        "title": record_type.title,
        "description": f"{record_type.description}. A data file is a list of these records.",
        "type": "array",
        "items": item,
    }
    if definitions:
        schema["$defs"] = definitions
    return schema


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
