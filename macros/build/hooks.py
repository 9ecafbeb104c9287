"""mkdocs hooks: add the generated pages and downloads to the build.

Listed under `hooks:` in mkdocs.yml, so `mkdocs build` and `mkdocs serve` work as usual.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from macros.build.editor import add_editor
from macros.build.offline import localise_bundle
from macros.build.search_index import index_site, readable_by_search
from macros.build.state import current_state, state_for
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


def on_files(files: Files, config) -> Files:
    """Generated pages join the hand-written ones; the nav in mkdocs.yml leaves most of them out."""
    state = state_for(config.config_file_path)
    dataset = state.dataset
    site = SiteInfo.from_config(config, state.today)
    publish_as(site.name, site.url, site.today)  # for every "Cite this" on the pages
    changelog = build_changelog(state.data_dir, site.today)
    own_pages = [p.id for p in partnerships(dataset)] if is_large(dataset) else []
    charts = site_charts(dataset, own_pages)
    state.drawer.ahead([chart.spec_json for chart in charts])  # on the other core, meanwhile
    pages = [*report_pages(dataset), *record_pages(dataset, site.url, changelog),
             *changes_pages(dataset, changelog), areas_index_page(dataset), *partnership_pages(dataset),
             *year_pages(dataset)]
    state.pages.clear()
    for page in pages:
        # Only the front matter goes through mkdocs' Markdown: the body is HTML already.
        state.pages[page.src_uri] = page
        files.append(File.generated(config, page.src_uri, content=page.front_matter()))
    for path, content in redirect_pages(dataset, site.url).items():  # old addresses of renamed records
        files.append(File.generated(config, path, content=content))
    for table in [*charts, *site_tables(dataset, own_pages)]:
        files.append(File.generated(config, table.csv_path, content=table.csv()))
    at = addresses(changelog)
    for path, content in open_data_files(dataset, changelog, site, entry_html,
                                         lambda entry: at[entry.short]).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_env(env, config, files):
    """A fresh store, each build, for the menus overrides/main.html draws once per folder."""
    env.globals["csp_menus"] = {}
    return env


def on_page_content(html: str, page, config, files) -> str:
    """A "Download this table" link beside every table of a hand-written page."""
    if page.file.src_uri in current_state().pages:
        return html  # empty: on_page_context makes it
    return _with_table_downloads(html, page, config)


def on_page_context(context, page, config, nav):
    """A generated page's HTML is made here, as it is written, and dropped once it is written."""
    generated = current_state().pages
    if page.file.src_uri in generated:
        page.content = _with_table_downloads(generated[page.file.src_uri].body, page, config)
    return context


def on_post_page(output: str, page, config) -> str:
    """After the minifier (hooks run after plugins): make the page readable by the search index."""
    if page.file.src_uri in current_state().pages:
        page.content = None  # written: let it go, so memory does not grow with the site
    return valid_markup(readable_by_search(output))


def _with_table_downloads(html: str, page, config) -> str:
    html, csvs = add_table_downloads(html)
    site = Path(config.site_dir)
    for name, text in csvs.items():
        path = site / page.url / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    return html


def on_post_build(config) -> None:
    """Make sure nothing requests another origin, even in old browsers; then index the finished site."""
    current_state().drawer.stop()
    site = Path(config.site_dir)
    localise_bundle(site)
    add_editor(site)  # the staff editor at /admin/
    index_site(site)  # last: Pagefind reads the finished pages


def on_build_error(error) -> None:
    state = current_state(required=False)
    if state is not None:
        state.drawer.stop()
