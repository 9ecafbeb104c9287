"""Every text field of every record type, on every page that shows it, with HTML, a script,
template code and Markdown forced in past the validator: the build shows the words and runs
nothing (issue 15: "text never executed as Jinja, never raw HTML")."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

import lxml.html
import pytest
from pydantic import BaseModel

from macros.build import state as build_module
from macros.data.dataset import Dataset
from macros.data.load import load_data
from macros.data.parse import parse_all
from macros.model.fields.text import check_prose, check_text
from tests.conftest import FIXTURES, PROJECT

PAYLOAD = ("{{ 7*7 }}{% raw %}<script>alert('x')</script><img src=x onerror=alert(2)>"
           "[c](javascript:alert(3)) ![p](https://tracker.example/p.png){# c #}")
TEXT_CHECKS = {check_text, check_prose}
TODAY = dt.date(2023, 8, 1)


def _is_text(annotation: typing.Any) -> bool:
    """PlainText or Prose, also inside Optional[...]."""
    if any(getattr(m, "func", None) in TEXT_CHECKS for m in getattr(annotation, "__metadata__", ())):
        return True
    return any(_is_text(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def _text_list(annotation: typing.Any) -> bool:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is list:
        return bool(args) and _is_text(args[0])
    return any(_text_list(a) for a in args)


def poisoned(record: BaseModel, counted: list[str]) -> BaseModel:
    """The record with PAYLOAD in each of its text fields, nested records included."""
    update: dict[str, typing.Any] = {}
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if value is None:
            continue
        text = _is_text(info.annotation) or any(getattr(m, "func", None) in TEXT_CHECKS
                                                for m in info.metadata)
        if isinstance(value, str) and text:
            update[name] = PAYLOAD
        elif isinstance(value, list) and value and isinstance(value[0], str) and _text_list(info.annotation):
            update[name] = [PAYLOAD] * len(value)
        elif isinstance(value, BaseModel):
            update[name] = poisoned(value, counted)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [poisoned(v, counted) for v in value]
        else:
            continue
        counted.append(f"{type(record).__name__}.{name}")
    return record.model_copy(update=update)


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> tuple[Path, list[str]]:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    raws, _ = load_data(FIXTURES / "minimal" / "data")
    counted: list[str] = []
    parsed = [type(p)(poisoned(p.record, counted), p.raw) for p in parse_all(raws)[0]]
    dataset = Dataset.from_parsed(parsed, TODAY)
    patch = pytest.MonkeyPatch()
    patch.setenv("CSPSITE_DATA", str(FIXTURES / "minimal" / "data"))
    patch.setenv("CSPSITE_TODAY", TODAY.isoformat())
    config_file = PROJECT / "mkdocs.yml"
    patch.setattr(build_module, "_current", build_module.BuildState(
        build_module.cache_key(config_file), FIXTURES / "minimal" / "data", TODAY, dataset))
    site = tmp_path_factory.mktemp("payload") / "site"
    try:
        mkdocs_build(load_config(str(config_file), site_dir=str(site)))
    finally:
        patch.undo()
    return site, sorted(set(counted))


def test_the_payload_went_into_the_text_fields_of_every_record_type(payload_site):
    _, fields = payload_site
    owners = {field.split(".")[0] for field in fields}
    for model in ("Organisation", "Route", "Campaign", "FundedProject", "Source", "Area"):
        assert any(model in owner for owner in owners), f"no text field of {model} was poisoned: {fields}"


def test_no_page_runs_or_fetches_anything_from_a_text_field(payload_site):
    site, _ = payload_site
    pages = sorted(site.rglob("*.html"))
    shown_literally = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        doc = lxml.html.fromstring(text)
        for script in doc.iter("script"):
            body = script.text or ""
            assert "alert(" not in body or script.get("type") == "application/ld+json", page
            if script.get("type") == "application/ld+json":
                assert "<" not in body, f"{page}: a '<' in JSON-LD could close its script"
        handlers = [e for e in doc.iter() if isinstance(e.tag, str)
                    and any(a.startswith("on") for a in e.attrib)]
        assert not handlers, f"{page}: an event handler from the data: {handlers[0].attrib}"
        links = [a.get("href", "") for a in doc.iter("a")]
        assert not [h for h in links if h.strip().lower().startswith("javascript:")], page
        assert not [i for i in doc.iter("img") if "tracker.example" in (i.get("src") or "")], page
        # (a '<script>' inside a quoted attribute value, as a town in the finder's <option
        # value="...">, is text to the browser: the parsed page is what counts)
        shown_literally += "{{ 7*7 }}" in doc.text_content()
    assert shown_literally >= 10, f"the payload shows as words on only {shown_literally} pages"


@pytest.mark.parametrize("page", ["organisations/test-police", "report/test-helpline",
                                  "campaigns/test-awareness-week",
                                  "funding/test-theatre", "sources/test-report", "areas/test-csp"])
def test_each_kind_of_record_page_shows_the_payload_as_words(payload_site, page):
    site, _ = payload_site
    candidates = [site / page / "index.html", *site.glob(f"*/{Path(page).name}/index.html")]
    found = next((p for p in candidates if p.is_file()), None)
    assert found, f"no page for {page}"
    words = lxml.html.fromstring(found.read_bytes()).text_content()
    assert "{{ 7*7 }}{% raw %}<script>alert('x')</script>" in words, found
