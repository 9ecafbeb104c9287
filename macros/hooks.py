"""mkdocs hooks: add the generated record pages to the build.

Listed under `hooks:` in mkdocs.yml, so `mkdocs build` and `mkdocs serve` work as usual.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from macros.build import dataset_for_build
from macros.charts import site_charts
from macros.pages import record_pages, report_pages


def on_files(files: Files, config) -> Files:
    """Generated pages join the hand-written ones; the nav in mkdocs.yml leaves them out."""
    dataset = dataset_for_build(config.config_file_path)
    for page in [*report_pages(dataset), *record_pages(dataset)]:
        files.append(File.generated(config, page.src_uri, content=page.markdown()))
    for chart in site_charts(dataset):
        files.append(File.generated(config, chart.csv_path, content=chart.csv()))
    return files


def on_post_build(config) -> None:
    """No request to any other origin, even from code paths only old browsers take."""
    from macros.offline import localise_bundle

    localise_bundle(Path(config.site_dir))
