"""The smoke check a data-only pull request runs on its built preview, in seconds (`make smoke
SITE=site`; .github/workflows/check.yml): every published record has its page, every relative
link names a file that exists (as a preview opened from disk needs), and the open data is there.
In the whole suite it checks a preview of the minimal fixture."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

from macros.data.validate import load_dataset
from macros.model import RECORD_TYPES, record_path
from tests.conftest import FIXTURES, PROJECT, SMOKE_DATA_ENV, SMOKE_SITE_ENV


def _data() -> tuple[Path, str | None]:
    if os.environ.get(SMOKE_SITE_ENV):
        return Path(os.environ.get(SMOKE_DATA_ENV) or PROJECT / "data"), None
    return FIXTURES / "minimal" / "data", "2023-08-01"


def test_every_published_record_has_its_page(preview_site: Path):
    import datetime as dt

    data, today = _data()
    dataset = load_dataset(data, dt.date.fromisoformat(today) if today else None)
    missing = [record_path(name, r.id) for name in RECORD_TYPES for r in dataset.all(name)
               if not (preview_site / record_path(name, r.id) / "index.html").is_file()]
    assert sum(dataset.counts().values()) > 0 and missing == []


def test_the_site_holds_its_main_pages_and_open_data(preview_site: Path):
    for path in ("index.html", "report/index.html", "funding/index.html", "404.html",
                 "data/datapackage.json", *(f"data/{name}.csv" for name in RECORD_TYPES)):
        assert (preview_site / path).is_file(), path


def test_every_relative_link_names_a_file_that_exists(preview_site: Path):
    broken, pages = [], 0
    for page in preview_site.rglob("*.html"):
        if page.relative_to(preview_site).parts[0] == "admin":
            continue  # the staff editor, served only with its sign-in
        pages += 1
        tree = lxml.html.parse(str(page)).getroot()
        for url in tree.xpath("//a/@href | //link[@rel='stylesheet']/@href | //script/@src | //img/@src"):
            parts = urlsplit(url)
            if not parts.path or parts.scheme or url.startswith(("/", "#")):
                continue
            if not (page.parent / unquote(parts.path)).resolve().is_file():  # a folder: a listing
                broken.append(f"{page.relative_to(preview_site)}: {url}")
    assert pages > 20 and broken[:20] == []
