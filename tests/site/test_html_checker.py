"""The Nu HTML checker (npm vnu-jar, run with Debian's Java) finds no error on a page of each family."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from macros.site.markup import valid_markup
from tests.conftest import PROJECT

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FAMILIES = ["index.html", "report/index.html", "report/domestic-abuse/index.html", "a-z/index.html",
            "report/cover-your-tracks/index.html", "routes/crimestoppers/index.html", "funding/index.html",
            "priorities/es-vawg/index.html", "areas/suffolk/index.html", "action-plan/index.html",
            "statistics/index.html", "sources/index.html", "campaigns/index.html", "updates/index.html",
            "action-plan/es-asb-hot-spot-comms/index.html"]


def vnu_errors(paths) -> list[str]:
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    return [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
            for m in messages]


def test_the_theme_toggles_lose_the_attribute_a_checkbox_may_not_have():
    theme = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
             'autocomplete="off">')
    assert "autocomplete" not in valid_markup(theme)
    assert valid_markup('<input type=search autocomplete=off>') == '<input type=search autocomplete=off>'


def test_the_html_checker_finds_no_error_on_a_page_of_each_family(shipped_site):
    if not (VNU.exists() and shutil.which("java")):
        pytest.fail("the Nu HTML checker needs 'make install' (npm vnu-jar) and Java (apt-get install "
                    "default-jre-headless)")
    pages = [shipped_site / page for page in FAMILIES]
    assert all(p.exists() for p in pages), [str(p) for p in pages if not p.exists()]
    assert vnu_errors(pages) == []


def test_a_label_for_a_missing_table_of_contents_toggle_loses_its_for():
    page = '<label class=md-nav__title for=__toc>Contents</label>'
    assert valid_markup(page) == '<label class=md-nav__title>Contents</label>'
    kept = page + '<input class="md-nav__toggle md-toggle" id=__toc type=checkbox>'
    assert valid_markup(kept) == kept
