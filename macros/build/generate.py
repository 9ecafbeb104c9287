"""Everything the build generates from the data, by plain Python, for any engine.

`generate` gives the record pages, report topics, year pages, changelog pages, the tables' and
charts' downloads and the open data, as {source path: page} and {site path: content}. The mkdocs
hook (hooks.py) adds them to mkdocs' files; `stage` writes them into a source tree that any
engine reading mkdocs.yml (Zensical) builds like hand-written pages. `finish` is what runs on
the finished site whatever the engine: search readability, the offline bundle, the staff
editor, the search index.
"""

from __future__ import annotations

import functools
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from macros.build.editor import add_editor
from macros.build.offline import localise_bundle
from macros.build.search_index import index_site, readable_by_search
from macros.build.state import BuildState, Generated
from macros.changes.changelog import build_changelog
from macros.exports.files import SiteInfo, open_data_files
from macros.exports.table_csv import add_table_downloads
from macros.figures.charts import site_charts
from macros.figures.tables import site_tables
from macros.site.citation import publish_as
from macros.site.large import is_large, partnerships
from macros.site.markup import valid_markup
from macros.site.pages import (
    areas_index_page,
    changes_pages,
    partnership_pages,
    record_pages,
    report_pages,
    year_pages,
)
from macros.site.redirects import redirect_pages
from macros.site.views.changes import addresses, entry_html


@dataclass(frozen=True)
class Settings:
    """What generation reads from mkdocs.yml: the same keys whichever engine reads the rest."""

    site_name: str
    site_url: str | None
    extra: dict
    docs_dir: Path
    config_file: Path


@functools.cache
def _settings(config_file: str, site_url_env: str | None) -> Settings:
    from mkdocs.utils import yaml_load  # mkdocs' own loader: !ENV and !relative as mkdocs reads them

    path = Path(config_file).resolve()
    with path.open(encoding="utf-8") as stream:
        raw = yaml_load(stream) or {}
    return Settings(raw.get("site_name", ""), raw.get("site_url"), raw.get("extra") or {},
                    path.parent / raw.get("docs_dir", "docs"), path)


def settings(config_file: str | Path) -> Settings:
    return _settings(str(config_file), os.environ.get("SITE_URL"))


def site_info(settings: Settings, state: BuildState) -> SiteInfo:
    return SiteInfo.from_config(settings, state.today)


def generate(state: BuildState, site: SiteInfo) -> Generated:
    """The generated pages and files of this build; also starts drawing the charts (other core)."""
    dataset = state.dataset
    publish_as(site.name, site.url, site.today)  # for every "Cite this" on the pages
    changelog = build_changelog(state.data_dir, site.today)
    own_pages = [p.id for p in partnerships(dataset)] if is_large(dataset) else []
    charts = site_charts(dataset, own_pages)
    state.drawer.ahead([chart.spec_json for chart in charts])  # on the other core, meanwhile
    out = Generated()
    for page in [*report_pages(dataset), *record_pages(dataset, site.url, changelog),
                 *changes_pages(dataset, changelog), areas_index_page(dataset), *partnership_pages(dataset),
                 *year_pages(dataset)]:
        out.pages[page.src_uri] = page
    out.files.update(redirect_pages(dataset, site.url))  # old addresses of renamed records
    for table in [*charts, *site_tables(dataset, own_pages)]:
        out.files[table.csv_path] = table.csv()
    at = addresses(changelog)
    out.files.update(open_data_files(dataset, changelog, site, entry_html, lambda entry: at[entry.short]))
    return out


def page_url(src_uri: str) -> str:
    """The address a source file gets with use_directory_urls: 'funding/x.md' -> 'funding/x/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


def with_table_downloads(html: str, url: str, site_dir: Path) -> str:
    """A "Download this table" link beside every table, its CSV written beside the page."""
    html, csvs = add_table_downloads(html)
    for name, text in csvs.items():
        path = site_dir / url / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    return html


def stage(generated: Generated, docs_dir: Path, target: Path) -> None:
    """A source tree for an engine without mkdocs hooks: docs_dir's files, each generated page
    at its source path holding its finished HTML (tables' CSVs beside it), and the files."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(docs_dir, target)
    for src_uri, page in generated.pages.items():
        url = page_url(src_uri)
        path = target / src_uri  # where mkdocs would have it: links to it resolve the same
        path.parent.mkdir(parents=True, exist_ok=True)
        body = with_table_downloads(page.body, url, target)
        path.write_text(f"{page.front_matter()}\n{body}", encoding="utf-8")
    for site_path, content in generated.files.items():
        path = target / site_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")


def readable_site(site_dir: Path) -> None:
    """What hooks.py does to every written page, for an engine without a per-page hook."""
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        done = valid_markup(readable_by_search(text))
        if done != text:
            path.write_text(done, encoding="utf-8")


def finish(site_dir: Path) -> None:
    """Make sure nothing requests another origin, even in old browsers; add the staff editor;
    then index the finished site (last: Pagefind reads the finished pages)."""
    localise_bundle(site_dir)
    add_editor(site_dir)  # the staff editor at /admin/
    index_site(site_dir)
