"""The pull request's preview (issue 17): the built site works opened from disk, every relative
link naming a file, search excepted and said so; `cspsite preview site.zip` serves a download."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import lxml.html

from macros.tools.preview import openable, openable_page
from tests.build.test_serve import wait_for
from tests.conftest import PROJECT
from tests.processes import started


def test_links_to_folders_name_their_index_html():
    assert [openable(u) for u in ("../funding/", "../..", ".", "x/#top", "../a/?q=1", "#top",
                                  "https://example.org/", "mailto:a@b.org", "../assets/app.js", "")] == [
        "../funding/index.html", "../../index.html", "./index.html", "x/index.html#top",
        "../a/index.html?q=1", "#top", "https://example.org/", "mailto:a@b.org", "../assets/app.js", ""]
    page = openable_page('<body class=x><a href=../funding/>F</a><a href="../">H</a>'
                         '<meta http-equiv="refresh" content="0; url=../../routes/new/">')
    assert page.startswith('<body class=x><div class="csp-preview-note"')
    assert "href=../funding/index.html>" in page and 'href="../index.html"' in page
    assert "url=../../routes/new/index.html" in page


def test_each_preview_page_says_search_needs_the_served_preview(preview_site: Path):
    text = (preview_site / "funding" / "index.html").read_text(encoding="utf-8")
    note = lxml.html.fromstring(text).cssselect(".csp-preview-note")[0].text_content()
    assert "search does not" in note and "cspsite preview site.zip" in note


def test_cspsite_preview_serves_a_downloaded_artifact_and_stops_on_ctrl_c(preview_site: Path,
                                                                          tmp_path: Path):
    archive = Path(shutil.make_archive(str(tmp_path / "site"), "zip", preview_site))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with started([sys.executable, "-m", "macros.cli", "preview", str(archive), "--dev-addr",
                  f"127.0.0.1:{port}"], cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                 text=True) as process:
        assert wait_for(f"http://127.0.0.1:{port}/funding/index.html", "County Lines theatre production")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/pagefind/pagefind.js", timeout=5) as response:
            assert response.status == 200  # the search index is served too
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0 and "Traceback" not in err
    assert re.search(r"Serving the preview at http://127\.0\.0\.1:\d+/", out)
