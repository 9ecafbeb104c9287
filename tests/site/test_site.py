"""Site-wide promises: hidden records stay hidden, search finds records, builds repeat exactly,
template mistakes fail the build, and data text can never run."""

from __future__ import annotations

import datetime as dt
import filecmp
import gzip
import json
import shutil
from pathlib import Path

import lxml.html
import pytest

from macros.build import state as build_module
from macros.data.dataset import Dataset
from macros.data.load import load_data
from macros.data.parse import parse_all
from tests.conftest import FIXTURES, PROJECT, build

HIDDEN_WORDS = ["Zebracorn", "Quokkaberry", "Wombatfire"]  # draft, embargoed, restricted


def all_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in site.rglob("*") if p.is_file() and p.suffix != ".gz")


def test_draft_restricted_and_embargoed_records_appear_in_no_file(minimal_site: Path):
    text = all_text(minimal_site)
    for word in HIDDEN_WORDS:
        assert word not in text, word
    assert not (minimal_site / "funding" / "test-embargoed-project").exists()


def test_embargoed_record_appears_once_its_date_has_passed(tmp_path: Path):
    run = build(FIXTURES / "minimal" / "data", tmp_path / "site", today="2099-01-01")
    assert run.returncode == 0, run.stdout + run.stderr
    embargoed = tmp_path / "site" / "funding" / "test-embargoed-project" / "index.html"
    assert "Quokkaberry" in embargoed.read_text()
    assert "Zebracorn" not in all_text(tmp_path / "site")


def search_index_text(site: Path) -> str:
    """Everything in the Pagefind index, whose files are compressed (tests/browser searches it)."""
    return "\n".join(gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace").lower()
                     for p in (site / "pagefind").rglob("*.pf_*"))


@pytest.mark.parametrize("word", ["Skate park", "#TestLooksCloser", "Police emergency", "Exampleton",
                                  "Criminal Exploitation"])
def test_search_index_holds_records_significant_words(minimal_site: Path, word: str):
    assert word.lower() in search_index_text(minimal_site), f"{word} is not in the search index"


def test_hidden_records_are_not_in_the_search_index_and_no_whole_site_index_is_shipped(minimal_site: Path):
    text = search_index_text(minimal_site)
    assert "skate park" in text
    for word in HIDDEN_WORDS:
        assert word.lower() not in text, word
    assert not (minimal_site / "search").exists(), "mkdocs-material's search_index.json is back"


def test_two_builds_of_the_same_data_are_byte_identical(tmp_path: Path):
    for name in ("one", "two"):
        run = build(FIXTURES / "minimal" / "data", tmp_path / name)
        assert run.returncode == 0, run.stderr
    comparison = filecmp.dircmp(tmp_path / "one", tmp_path / "two")

    def differences(cmp) -> list[str]:
        found = cmp.left_only + cmp.right_only + cmp.diff_files
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    # dircmp compares shallowly by size and mtime; compare contents of every file to be sure
    one = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    two = sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*") if p.is_file())
    assert one == two and differences(comparison) == []
    assert all((tmp_path / "one" / p).read_bytes() == (tmp_path / "two" / p).read_bytes() for p in one)


def _project_with_page(tmp_path: Path, page: str) -> Path:
    """A copy of the site config whose only page is `page`."""
    docs = tmp_path / "site_src"
    docs.mkdir()
    (docs / "index.md").write_text(page)
    config = (PROJECT / "mkdocs.yml").read_text()
    config = config.replace("docs_dir: site_src", f"docs_dir: {docs}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {PROJECT / 'overrides'}")
    config = config.replace("  - macros/build/hooks.py", f"  - {PROJECT / 'macros' / 'build' / 'hooks.py'}")
    config = config.split("\nnav:")[0] + "\n"
    (tmp_path / "mkdocs.yml").write_text(config)
    return tmp_path / "mkdocs.yml"


@pytest.mark.parametrize("page", ["# Home\n\n{{ no_such_view() }}\n", "# Home\n\n{{ undefined_name }}\n",
                                  '# Home\n\n{{ chart("no_such_chart") }}\n'])
def test_a_macro_error_or_undefined_name_fails_the_build(tmp_path: Path, page: str):
    import subprocess
    import sys

    config = _project_with_page(tmp_path, page)
    run = subprocess.run([sys.executable, "-m", "macros.cli", "build", "--config", str(config),
                          "--data", str(FIXTURES / "minimal" / "data"), "--site-dir",
                          str(tmp_path / "site"), "--today", "2023-08-01"],
                         cwd=PROJECT, capture_output=True, text=True)
    assert run.returncode != 0
    assert not (tmp_path / "site" / "index.html").exists()


PAYLOAD = ("{{ 7*7 }} {% raw %}<script>alert('x')</script> *em* [click](javascript:alert(1)) "
           "![pixel](https://tracker.example/p.png)")



def _payload_dataset(today: dt.date) -> Dataset:
    """The fixture data with payloads forced into text fields, as if validation had been bypassed."""
    raws, _ = load_data(FIXTURES / "minimal" / "data")
    parsed = parse_all(raws)[0]
    forced = []
    for p in parsed:
        if p.raw.record_type in {"campaigns", "funded-projects"}:
            field = "name" if p.raw.record_type == "campaigns" else "title"
            record = p.record.model_copy(update={field: PAYLOAD, "description": PAYLOAD})
            p = type(p)(record, p.raw)
        forced.append(p)
    return Dataset.from_parsed(forced, today)


def test_injection_payloads_render_inert_even_past_the_validator(tmp_path: Path, monkeypatch):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("CSPSITE_DATA", str(FIXTURES / "minimal" / "data"))
    monkeypatch.setenv("CSPSITE_TODAY", "2023-08-01")
    config_file = PROJECT / "mkdocs.yml"
    monkeypatch.setattr(build_module, "_current", build_module.BuildState(
        build_module.cache_key(config_file), FIXTURES / "minimal" / "data", dt.date(2023, 8, 1),
        _payload_dataset(dt.date(2023, 8, 1))))
    site = tmp_path / "site"
    mkdocs_build(load_config(str(config_file), site_dir=str(site)))
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)

    pages = [site / "campaigns" / "test-awareness-week" / "index.html", site / "campaigns" / "index.html",
             site / "funding" / "test-theatre" / "index.html", site / "funding" / "index.html"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "{{ 7*7 }}" in text, f"{page}: template text should show literally"
        assert "&lt;script>alert" in text or "&lt;script&gt;alert" in text, page  # escaped as text
        doc = lxml.html.fromstring(text)
        _assert_inert(doc, page)
        assert not doc.cssselect(".md-content img"), page
        assert "alert('x')" in doc.text_content(), page  # shown, as words
    for path in site.rglob("*.html"):
        _assert_inert(lxml.html.fromstring(path.read_text(encoding="utf-8")), path)
    served_as_code = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*")
                                if p.suffix in {".js", ".xml", ".svg"})
    assert "<script>alert" not in served_as_code
    # a plain-text field shows exactly what was typed: no Markdown, no template, no HTML
    for page in ("campaigns/test-awareness-week", "funding/test-theatre"):
        [heading] = lxml.html.fromstring((site / page / "index.html").read_bytes()).cssselect("h1")
        assert heading.text_content() == PAYLOAD and len(heading) == 0  # text only, no elements


def _assert_inert(doc, where) -> None:
    """No script, handler, javascript: link or tracking pixel came from the data."""
    for script in doc.iter("script"):
        if script.get("type") == "application/ld+json":  # data, and nothing in it can close it
            assert "<" not in script.text and json.loads(script.text), where
        else:
            assert "alert" not in (script.text or ""), where
    assert not [e for e in doc.iter() if isinstance(e.tag, str)
                and any(name.startswith("on") for name in e.attrib)], where
    assert not doc.cssselect('[href^="javascript:"], [src^="javascript:"]'), where
    assert not doc.cssselect('[src*="tracker.example"], [srcset*="tracker.example"]'), where


def test_every_chart_is_inline_svg_with_a_name_a_description_and_a_table(minimal_site: Path):
    checked = 0
    for page_file in minimal_site.rglob("*.html"):
        doc = lxml.html.fromstring(page_file.read_text(encoding="utf-8"))
        for block in doc.cssselect("div.csp-chart-block"):
            checked += 1
            [svg] = block.cssselect("svg")
            assert svg.get("role") == "img"
            title_id, desc_id = svg.get("aria-labelledby").split()
            assert svg.cssselect(f"title#{title_id}")[0].text.strip()
            assert svg.cssselect(f"desc#{desc_id}")[0].text.strip()
            # A statistic's own page follows its chart with the sourced table of the same points.
            table = (block.cssselect("table") or block.xpath("following::table[1]"))[0]
            assert table[0].tag == "caption" and table.cssselect("td")
            assert [a for a in block.cssselect("a[href]") if "data/charts/" in a.get("href")
                    and a.get("href").endswith(".csv")]
    # action status, campaigns, a statistic's trend (on its own page; the year-by-year list links there)
    assert checked >= 3
    assert not list(minimal_site.rglob("*vega*.js")), "no chart JavaScript"
