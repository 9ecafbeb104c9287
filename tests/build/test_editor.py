"""The staff editor is served from the site itself at /admin/, and is kept out of everything public:
the menus, the search index and the sitemap, with noindex and a policy allowing only the git host."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html
import pytest

from macros.build.editor import DIST, add_editor
from macros.build.search_index import _fragments
from macros.tools.cms_files import ADMIN_DIR

needs_npm = pytest.mark.skipif(not (DIST / "decap-cms.js").is_file(),
                               reason="Decap CMS is not installed: run 'make install' (npm ci)")


@needs_npm
def test_the_editor_and_every_file_it_loads_are_in_the_built_site(minimal_site: Path):
    admin = minimal_site / "admin"
    assert (admin / "config.yml").read_bytes() == (ADMIN_DIR / "config.yml").read_bytes()
    assert (admin / "index.html").read_bytes() == (ADMIN_DIR / "index.html").read_bytes()
    shipped = sorted(p.name for p in (admin / "decap").iterdir())
    assert "decap-cms.js" in shipped and len(shipped) > 90  # the bundle, its lazy chunks, its WebAssembly
    assert sum(1 for name in shipped if name.endswith(".wasm")) == 2
    assert not [name for name in shipped if name.endswith(".map") or name.startswith("cms")]


def test_the_editor_page_is_noindex_and_may_talk_only_to_this_site_and_the_git_host():
    page = lxml.html.fromstring((ADMIN_DIR / "index.html").read_bytes())
    assert page.cssselect('meta[name="robots"]')[0].get("content") == "noindex, nofollow"
    policy = page.cssselect('meta[http-equiv="Content-Security-Policy"]')[0].get("content")
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["connect-src"] == "'self' blob: data: https://api.github.com http://127.0.0.1:8081"
    for directive in ("script-src", "img-src", "font-src", "style-src", "worker-src"):
        assert "http" not in directives[directive], directive
    assert [s.get("src") for s in page.iter("script")] == ["decap/decap-cms.js"]


@needs_npm
def test_the_editor_is_in_no_menu_search_index_or_sitemap(minimal_site: Path):
    sitemap = gzip.decompress((minimal_site / "sitemap.xml.gz").read_bytes()).decode()
    assert "/staff/" in sitemap and "admin" not in sitemap
    assert "admin" not in (minimal_site / "sitemap.xml").read_text()
    urls = [fragment["url"] for _, fragment in _fragments(minimal_site / "pagefind")]
    assert "/staff/" in urls and not [u for u in urls if "admin" in u]
    for page in ("index.html", "staff/index.html", "campaigns/index.html"):
        links = lxml.html.fromstring((minimal_site / page).read_bytes()).xpath("//a/@href")
        assert links and not [link for link in links if "admin/" in link], page


def test_without_npm_the_site_is_built_without_a_broken_editor(tmp_path: Path):
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text("copied by mkdocs")
    assert add_editor(tmp_path, dist=tmp_path / "not-installed") == []
    assert not (tmp_path / "admin").exists()


def test_the_packages_are_pinned_exactly_and_installed_from_the_lock_file():
    from tests.conftest import PROJECT

    package = json.loads((PROJECT / "package.json").read_text())
    lock = json.loads((PROJECT / "package-lock.json").read_text())
    for name, version in package["dependencies"].items():
        assert version[0].isdigit(), f"{name} {version} is a range; pin it"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert "$(NPM) ci " in (PROJECT / "Makefile").read_text()


def test_the_staff_guide_explains_the_forms_switching_them_on_and_their_limits(minimal_site: Path):
    guide = lxml.html.fromstring((minimal_site / "staff" / "index.html").read_bytes())
    headings = [h.text_content().strip("¶ ") for h in guide.cssselect("h2, h3")]
    for heading in ("Edit records in forms", "Sign in", "Add a record", "Change a record",
                    "Send it for review, and publish", "Switch on the editor (for the council's GitHub "
                    "administrator)", "What the forms cannot do", "Publish an update in GitHub's web editor"):
        assert heading in headings, heading
    text = guide.text_content()
    assert "OAuth App" in text and "cspsite cms-config" in text and "Protect main" in text
