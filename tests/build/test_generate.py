"""Generation without an engine: the pages and files any engine builds, by plain Python."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from macros.build import generate as gen
from macros.build.state import state_for
from tests.conftest import FIXTURES, PROJECT

TODAY = "2023-08-01"


def _generated(monkeypatch, data: Path):
    monkeypatch.setenv("CSPSITE_DATA", str(data))
    monkeypatch.setenv("CSPSITE_TODAY", TODAY)
    state = state_for(PROJECT / "mkdocs.yml")
    settings = gen.settings(PROJECT / "mkdocs.yml")
    generated = gen.generate(state, gen.site_info(settings, state))
    state.drawer.stop()
    return generated


def test_record_topic_and_changes_pages_and_open_data_come_from_plain_python(monkeypatch):
    generated = _generated(monkeypatch, FIXTURES / "minimal" / "data")
    pages = generated.pages
    assert "funding/test-skate-park-event.md" in pages
    assert "report/domestic-abuse.md" in pages
    assert "changes.md" in pages and "areas.md" in pages
    for name in ("data/funded-projects.csv", "data/datapackage.json", "data/campaigns.ics"):
        assert name in generated.files
    assert dt.date.fromisoformat(TODAY).isoformat() in generated.files["data/datapackage.json"]


def test_staged_pages_sit_where_mkdocs_would_have_them_with_their_html_and_table_csvs(monkeypatch, tmp_path):
    generated = _generated(monkeypatch, FIXTURES / "minimal" / "data")
    docs = tmp_path / "docs"
    gen.stage(generated, PROJECT / "site_src", docs)
    page = (docs / "action-plan" / "test-action-training.md").read_text(encoding="utf-8")
    assert page.startswith("---\n") and 'csp_id: "test-action-training"' in page
    assert 'class="csp-record csp-record--actions"' in page
    assert "<table" in page and "Download this table (CSV)" in page  # its measures
    assert (docs / "action-plan" / "test-action-training" / "table-1.csv").is_file()
    assert (docs / "data" / "funded-projects.csv").is_file()
    assert (docs / "index.md").is_file()  # the hand-written pages come along


def test_entry_point_and_templates_use_only_what_every_engine_provides():
    """No mkdocs-internal config key, no File attribute, no global only our mkdocs hook sets that a
    template would need: Zensical stops at each of them."""
    entry = (PROJECT / "macros" / "__init__.py").read_text(encoding="utf-8")
    assert "config_file_path" not in entry and "env.conf[" not in entry
    for template in (PROJECT / "overrides").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "page.file" not in text, template
        for use in re.findall(r"csp_menus[^\n]*", text):
            # the per-folder menu store is a speed-up: every use sits behind "is defined"
            assert "csp_menus is defined" in text.split(use)[0] or "is defined" in use, template
