"""Shared fixtures: the project's paths and a fresh copy of the minimal fixture data."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/minimal/data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal" / "data", target)
    return target


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files from the current output instead of comparing")


@pytest.fixture
def golden(request):
    """Compare text with a committed golden file; `pytest --update-golden` rewrites them."""
    update = request.config.getoption("--update-golden")

    def check(path: Path, actual: str) -> None:
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            if not update:
                pytest.fail(f"{path} did not exist; written now, check it and commit it")
        assert actual == path.read_text(encoding="utf-8"), f"differs from {path}; if the change " \
            "is intended, run 'pytest --update-golden' and review the diff"

    return check


def build(data: Path, site: Path, today: str = "2023-08-01") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.cli", "build", "--data", str(data), "--site-dir", str(site),
         "--today", today],
        cwd=PROJECT, capture_output=True, text=True,
    )


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    run = build(FIXTURES / "minimal" / "data", site)
    assert run.returncode == 0, run.stdout + run.stderr
    return site


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def html(site: Path, path: str):
    """A built page, parsed: minify-html leaves out quotes and reorders attributes, so tests ask
    for elements by CSS selector (`html(...).cssselect('a[href="tel:999"]')`), not for bytes."""
    return lxml.html.fromstring(page(site, path))


SHIPPED_TODAY = "2026-11-21"


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped data built once per run (browser tests serve it; export tests read its files)."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    run = build(PROJECT / "data", site, today=SHIPPED_TODAY)
    assert run.returncode == 0, run.stdout + run.stderr
    return site


SMOKE_SITE_ENV = "CSPSITE_SMOKE_SITE"  # `make smoke SITE=site`: check a site built already
SMOKE_DATA_ENV = "CSPSITE_SMOKE_DATA"


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory) -> Path:
    """A pull request's preview (`cspsite build --preview`): the one named by CSPSITE_SMOKE_SITE,
    or one built now from the minimal fixture."""
    import os

    if os.environ.get(SMOKE_SITE_ENV):
        return Path(os.environ[SMOKE_SITE_ENV]).resolve()
    site = tmp_path_factory.mktemp("preview") / "site"
    run = subprocess.run([sys.executable, "-m", "macros.cli", "build", "--preview", "--data",
                          str(FIXTURES / "minimal" / "data"), "--site-dir", str(site),
                          "--today", "2023-08-01"],
                         cwd=PROJECT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "works opened from disk (search excepted)" in run.stdout
    return site
