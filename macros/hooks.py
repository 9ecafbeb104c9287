"""mkdocs hooks: add the generated pages and downloads to the build.

Listed under `hooks:` in mkdocs.yml, so `mkdocs build` and `mkdocs serve` work as usual.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from macros.build import build_date, data_dir, dataset_for_build
from macros.changelog import build_changelog
from macros.charts import site_charts
from macros.downloads import SiteInfo, open_data_files
from macros.pages import (
    areas_index_page,
    changes_page,
    partnership_pages,
    record_pages,
    report_pages,
    year_pages,
)
from macros.summaries import site_tables
from macros.table_downloads import add_table_downloads


def on_files(files: Files, config) -> Files:
    """Generated pages join the hand-written ones; the nav in mkdocs.yml leaves most of them out."""
    dataset = dataset_for_build(config.config_file_path)
    site = SiteInfo.from_config(config, build_date())
    changelog = build_changelog(data_dir(config.config_file_path), site.today)
    pages = [*report_pages(dataset), *record_pages(dataset, site.url, changelog),
             changes_page(dataset, changelog), areas_index_page(dataset), *partnership_pages(dataset),
             *year_pages(dataset)]
    for page in pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown()))
    for table in [*site_charts(dataset), *site_tables(dataset)]:
        files.append(File.generated(config, table.csv_path, content=table.csv()))
    for path, content in open_data_files(dataset, changelog, site).items():
        files.append(File.generated(config, path, content=content))
    return files


_table_csvs: dict[str, str] = {}  # site path -> CSV, for the tables of the pages built so far


def on_pre_build(config) -> None:
    _table_csvs.clear()


def on_page_content(html: str, page, config, files) -> str:
    """A "Download this table" link beside every table; the CSVs are written after the build."""
    html, csvs = add_table_downloads(html)
    _table_csvs.update({page.url + name: text for name, text in csvs.items()})
    return html


def on_post_build(config) -> None:
    """Write the tables' CSVs; then make sure nothing requests another origin, even in old browsers."""
    from macros.offline import localise_bundle
    from macros.search_index import index_site

    site = Path(config.site_dir)
    for path, text in _table_csvs.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8", newline="")
    localise_bundle(site)
    index_site(site)  # last: Pagefind reads the finished pages
