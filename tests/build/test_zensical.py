"""The same site built with Zensical, mkdocs-material's successor (`cspsite build --engine zensical`):
every page and every data and export file the mkdocs build has, each page's main text the same, and
the same validation first. `make install` installs Zensical (the 'zensical' extra), so this runs in
CI; a checkout without it skips, saying how to install it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.conftest import PROJECT, SHIPPED_TODAY, build

pytest.importorskip("zensical", reason="Zensical is not installed: pip install -e '.[zensical]' "
                    "(make install does)")

OUR_ASSETS = {p.relative_to(root).as_posix() for root in (PROJECT / "overrides", PROJECT / "site_src")
              for p in (root / "assets").rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("zensical") / "site"
    run = build(PROJECT / "data", site, today=SHIPPED_TODAY, engine="zensical")
    assert run.returncode == 0, run.stdout + run.stderr
    return site


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    run = build(PROJECT / "data", site, today=SHIPPED_TODAY, engine="mkdocs")
    assert run.returncode == 0, run.stdout + run.stderr
    return site


def _files(site: Path) -> set[str]:
    """Every file but the theme's own assets and the search index's content-named chunks."""
    found = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    return {f for f in found if not (f.startswith("assets/") and f not in OUR_ASSETS)
            and not (f.startswith("pagefind/") and f.count("/") > 1 and not f.startswith("pagefind/part-"))
            and not f.startswith("pagefind/pagefind.")}


def _main_text(path: Path) -> str:
    body = lxml.html.fromstring(path.read_bytes()).cssselect("[data-pagefind-body]")
    # Every character but whitespace: mkdocs' minifier removes it between elements and Zensical's
    # code highlighting splits code into spans, neither of which changes a word a reader sees.
    return "".join(body[0].text_content().split()) if body else ""


def test_every_page_and_data_file_of_the_mkdocs_build_is_there(mkdocs_site, zensical_site):
    mkdocs_files, zensical_files = _files(mkdocs_site), _files(zensical_site)
    assert sorted(mkdocs_files - zensical_files) == []
    assert sorted(zensical_files - mkdocs_files) == []
    assert any(f.startswith("data/") for f in mkdocs_files)


def test_each_page_says_the_same(mkdocs_site, zensical_site):
    pages = sorted(p.relative_to(mkdocs_site) for p in mkdocs_site.rglob("index.html"))
    differ = [str(p) for p in pages if _main_text(mkdocs_site / p) != _main_text(zensical_site / p)]
    assert differ == [], f"{len(differ)} of {len(pages)} pages differ, first {differ[:5]}"


def test_data_and_export_files_are_the_same_bytes(mkdocs_site, zensical_site):
    data = sorted(p.relative_to(mkdocs_site) for p in (mkdocs_site / "data").rglob("*")
                  if p.is_file() and p.suffix != ".html")  # /data/ itself is a page: compared above
    assert data and [str(p) for p in data
                     if (mkdocs_site / p).read_bytes() != (zensical_site / p).read_bytes()] == []


def test_bad_data_stops_the_build_with_the_same_problems(minimal_data: Path, tmp_path: Path):
    (minimal_data / "campaign.yml").write_text("- id: x\n")
    runs = {engine: build(minimal_data, tmp_path / engine, engine=engine)
            for engine in ("mkdocs", "zensical")}
    for engine, run in runs.items():
        assert run.returncode != 0, engine
        assert "data/campaign.yml:1: (file): this file is not read" in run.stdout + run.stderr, engine
        assert "The site was not built because the data has errors." in run.stdout + run.stderr, engine
        assert "Traceback" not in run.stdout + run.stderr, engine
        assert not (tmp_path / engine / "index.html").exists(), engine
