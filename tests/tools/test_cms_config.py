"""The staff editor's forms are generated from the models: fresh, complete, and checking what the
validator checks, so a record saved from a form validates or the form says why first."""

from __future__ import annotations

import enum
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from pydantic import Field

from macros.data.load import load_data
from macros.model import RECORD_TYPES, RecordType
from macros.model.base import CitedRecord
from macros.model.fields import AreaRef, Money, OrgRef, PartialDate, PlainText
from macros.model.introspect import list_item, nested_model, reference_target, unwrap
from macros.tools.cms_config import collection
from macros.tools.cms_files import ADMIN_DIR, EditorSettings, config_yml, csp, rendered, stale_admin
from tests.conftest import PROJECT

CONFIG = yaml.safe_load((ADMIN_DIR / "config.yml").read_text(encoding="utf-8"))
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}


def test_committed_editor_files_are_fresh():
    assert stale_admin() == [], "run 'cspsite cms-config' and commit site_src/admin/"


def test_a_stale_editor_file_is_detected(tmp_path: Path):
    for name, text in rendered().items():
        (tmp_path / name).write_text(text)
    assert stale_admin(tmp_path) == []
    (tmp_path / "config.yml").write_text((tmp_path / "config.yml").read_text().replace("min: 1", "min: 2"))
    assert stale_admin(tmp_path) == ["config.yml"]


def _expected_widget(info) -> str:
    """What a field's type should become, worked out here from the model independently."""
    item = list_item(info.annotation)
    inner = unwrap(item if item is not None else info.annotation)
    if reference_target(info):
        return "relation"
    if nested_model(info.annotation):
        return "list" if item is not None else "object"
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return "select"
    if item is not None:
        return "list"
    return {bool: "boolean"}.get(inner, "")


def _walk(model, entries: list[dict], where: str, optional_parent: bool = False) -> int:
    """Compare one model's fields with one form's fields, at any depth; returns fields checked."""
    by_name = {e["name"]: e for e in entries}
    assert set(by_name) == set(model.model_fields), f"{where}: form fields differ from the model"
    checked = 0
    for name, info in model.model_fields.items():
        entry, at = by_name[name], f"{where}.{name}"
        assert entry.get("widget"), at
        expected = _expected_widget(info)
        assert not expected or entry["widget"] == expected, (at, entry["widget"], expected)
        target = reference_target(info)
        if target:
            assert entry["collection"] == target and entry["value_field"] == "id", at
            assert entry.get("multiple", False) == (list_item(info.annotation) is not None), at
        if entry["widget"] == "select":
            choices = unwrap(list_item(info.annotation) or info.annotation)
            assert entry["options"] == [c.value for c in choices], at
        min_length = next((m.min_length for m in info.metadata if getattr(m, "min_length", None)), 0)
        required = (info.is_required() or min_length > 0) and not optional_parent
        assert entry.get("required", True) == required, f"{at}: required should be {required}"
        if info.description:
            assert entry["hint"].startswith(info.description), at
        checked += 1
        nested = nested_model(info.annotation)
        if nested:
            optional = entry["widget"] == "object" and not required
            checked += _walk(nested, entry["fields"], at, optional)
    return checked


def test_every_field_of_every_record_type_has_a_form_field_of_its_kind():
    assert list(COLLECTIONS) == list(RECORD_TYPES)
    checked = 0
    for name, record_type in RECORD_TYPES.items():
        form = COLLECTIONS[name]
        assert form["folder"] == f"data/{name}" and form["slug"] == "{{id}}", name
        assert form["fields"][0]["name"] == "id"
        checked += _walk(record_type.model, form["fields"], name)
    assert checked > 150, "the walk found too few fields to be trusted"


def _field(collection_name: str, *path: str) -> dict:
    fields = COLLECTIONS[collection_name]["fields"]
    for step in path[:-1]:
        fields = next(f for f in fields if f["name"] == step)["fields"]
    return next(f for f in fields if f["name"] == path[-1])


def test_each_kind_of_value_gets_the_widget_staff_need():
    amount = _field("funded-projects", "amount")
    assert amount.items() >= {"widget": "number", "min": 0, "step": 0.01, "value_type": "float"}.items()
    assert "pounds" in _field("funded-projects", "amount")["hint"].lower()
    assert _field("funded-projects", "award_date")["widget"] == "string"  # to the day, month or year
    assert _field("funded-projects", "embargo_until")["widget"] == "datetime"  # always to the day
    funder = _field("funded-projects", "funder")
    assert funder["display_fields"] == ["{{name}} ({{id}})"] and funder["search_fields"] == ["name", "id"]
    assert _field("campaigns", "description")["widget"] == "markdown"
    assert "image" not in json.dumps(_field("campaigns", "description"))
    outcomes = _field("funded-projects", "outcomes")
    assert outcomes["default"] == [] and [f["name"] for f in outcomes["fields"]] == [
        "metric", "value", "unit", "qualifier"]
    assert _field("funded-projects", "outcomes", "qualifier")["default"] == "exactly"
    assert _field("routes", "audience")["default"] == ["anyone"]
    # a route whose report gives no channel has none (issue 14): only its topics are required
    assert "min" not in _field("routes", "channels") and _field("routes", "topics")["min"] == 1
    assert _field("actions", "status")["default"] == "not stated"
    assert "never change it" in _field("campaigns", "id")["hint"]
    assert _field("routes", "channels", "open_24_7")["label"] == "Open 24/7"
    # an optional part whose own fields are required: optional in the form, checked by the validator
    assert _field("areas", "body", "name")["required"] is False
    assert COLLECTIONS["campaigns"]["delete"] is False


def test_the_workflow_opens_a_pull_request_per_change():
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["backend"]["name"] == "github" and CONFIG["backend"]["squash_merges"] is True
    assert CONFIG["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def _patterned(fields: list[dict], path=()):
    for entry in fields:
        inner = entry.get("field", entry)
        if "pattern" in inner:
            yield (*path, entry["name"]), inner["pattern"]
        yield from _patterned(entry.get("fields", []), (*path, entry["name"]))


def _values(data, path):
    if not path:
        yield from (data if isinstance(data, list) else [data])
    elif isinstance(data, list):
        for item in data:
            yield from _values(item, path)
    elif isinstance(data, dict) and path[0] in data:
        yield from _values(data[path[0]], path[1:])


def test_patterns_work_in_the_browser_accept_every_shipped_value_and_refuse_a_wrong_one():
    node = shutil.which("node")
    if not node:
        pytest.skip("Node.js is not installed ('make install' needs it for the editor)")
    raws, _ = load_data(PROJECT / "data")
    cases = []
    for name, form in COLLECTIONS.items():
        for path, (pattern, message) in _patterned(form["fields"]):
            assert message and "must match" not in message or "hashtag" in path or "identifier" in path
            values = [str(v) for raw in raws if raw.record_type == name for v in _values(raw.data, path)]
            cases.append({"where": f"{name}.{'.'.join(path)}", "pattern": pattern, "values": values})
    assert len(cases) > 20 and sum(len(c["values"]) for c in cases) > 400
    script = ("const cases = JSON.parse(require('fs').readFileSync(0, 'utf8')); const out = [];"
              "for (const c of cases) { const re = new RegExp(c.pattern);"
              " for (const v of c.values) if (!re.test(v)) out.push(c.where + ' refuses ' + v);"
              " if (re.test('?!')) out.push(c.where + ' accepts ?!'); }"
              "console.log(JSON.stringify(out));")
    run = subprocess.run([node, "-e", script], input=json.dumps(cases), capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []


def test_the_settings_in_mkdocs_yml_choose_the_repository_and_sign_in(tmp_path: Path):
    mkdocs = tmp_path / "mkdocs.yml"
    mkdocs.write_text("site_name: x\nextra:\n  cms:\n    repo: suffolk/csp-data\n    branch: live\n"
                      "    base_url: https://auth.example.org\n")
    settings = EditorSettings.from_mkdocs(mkdocs)
    backend = yaml.safe_load(config_yml(settings))["backend"]
    assert backend == {"name": "github", "repo": "suffolk/csp-data", "branch": "live", "squash_merges": True,
                       "base_url": "https://auth.example.org"}
    assert "connect-src 'self' blob: data: https://api.github.com http://127.0.0.1:8081;" in csp(settings)
    enterprise = EditorSettings(repo="a/b", api_root="https://git.example.gov.uk/api/v3")
    assert "https://git.example.gov.uk " in csp(enterprise)
    mkdocs.write_text("site_name: x\nextra:\n  cms:\n    repository: suffolk/csp-data\n")
    with pytest.raises(ValueError, match="extra.cms has no setting repository"):
        EditorSettings.from_mkdocs(mkdocs)


class Event(CitedRecord):
    """A record type that does not exist yet: the forms follow the models, nothing is hard-coded."""

    name: PlainText
    area: AreaRef
    date: PartialDate
    hosts: list[OrgRef] = Field(default_factory=list)
    cost: Money | None = Field(None, description="What it cost")


def test_a_new_record_type_or_field_needs_only_a_regeneration():
    form = collection(RecordType("events", Event, "events", "event", "Events", "Local events", "name"))
    assert [f["name"] for f in form["fields"]] == ["id", "name", "area", "date", "hosts", "cost", "sources",
                                                   "discrepancy", "visibility", "embargo_until", "replaces",
                                                   "closed_on"]
    _walk(Event, form["fields"], "events")
    assert _field_in(form, "cost") == {"label": "Cost", "name": "cost", "widget": "number",
                                       "value_type": "float", "min": 0, "step": 0.01,
                                       "hint": "What it cost", "required": False}


def _field_in(form: dict, name: str) -> dict:
    return next(f for f in form["fields"] if f["name"] == name)
