"""Real strict mkdocs builds of fixture data: what a visitor would get."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, PROJECT


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


def test_funding_page_lists_projects_and_their_total(minimal_site: Path):
    html = page(minimal_site, "funding")
    assert "Skate park safety event" in html and "County Lines theatre production" in html
    assert "£9,120" in html  # 420 + 8,700


def test_priorities_show_the_rename_by_year(minimal_site: Path):
    html = page(minimal_site, "priorities")
    assert "County Lines" in html and "Criminal Exploitation" in html
    assert "2020/21" in html and "2021/22" in html


def test_report_page_has_tel_links(minimal_site: Path):
    html = page(minimal_site, "report")
    assert 'href="tel:999"' in html


def test_build_refuses_invalid_data_and_lists_the_problems(tmp_path: Path):
    run = build(FIXTURES / "five-mistakes" / "data", tmp_path / "site")
    assert run.returncode == 1
    assert "write 8700" in run.stdout
    assert not (tmp_path / "site" / "index.html").exists()
