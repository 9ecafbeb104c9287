"""Real strict mkdocs builds of fixture data: what a visitor would get."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, build, html, page


def test_funding_page_lists_projects_and_their_total(minimal_site: Path):
    html = page(minimal_site, "funding")
    assert "Skate park safety event" in html and "County Lines theatre production" in html
    assert "£9,120" in html  # 420 + 8,700


def test_priorities_show_the_rename_by_year(minimal_site: Path):
    html = page(minimal_site, "priorities")
    assert "County Lines" in html and "Criminal Exploitation" in html
    assert "2020/21" in html and "2021/22" in html


def test_report_pages_have_tel_links(minimal_site: Path):
    for path in ("report", "report/domestic-abuse", "report/cover-your-tracks"):
        assert html(minimal_site, path).cssselect('a[href="tel:999"]'), path


def test_build_refuses_invalid_data_and_lists_the_problems(tmp_path: Path):
    run = build(FIXTURES / "five-mistakes" / "data", tmp_path / "site")
    assert run.returncode == 1
    assert "write 8700" in run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert not (tmp_path / "site" / "index.html").exists()


EXTERNAL_LOADS = [
    r"<script[^>]+src=[\"']?(https?:)?//",
    # canonical and alternate links name a URL without loading it
    r"<link(?![^>]*rel=[\"']?(canonical|alternate))[^>]+href=[\"']?(https?:)?//",
    r"<(img|iframe|frame|embed|object|source|video|audio)[^>]+(src|data)=[\"']?(https?:)?//",
    r"url\(\s*[\"']?(https?:)?//",
    r"@import\s+[\"']?(https?:)?//",
    r"srcset=[\"'][^\"']*https?://",
]


def test_no_file_loads_anything_from_another_origin(minimal_site: Path):
    import re

    from macros.build.offline import EXTERNAL_LITERAL

    checked = 0
    for path in minimal_site.rglob("*"):
        if path.suffix not in {".html", ".css", ".js", ".xml", ".json", ".svg"}:
            continue
        if path.name == "feed.xml":
            continue  # an Atom feed's <link>s are addresses for feed readers, never loaded by a page
        if path.relative_to(minimal_site).parts[0] == "admin":
            continue  # the staff editor, not a public page: its CSP allows only the git host's API
            # (tests/build/test_editor.py), and tests/browser/test_staff_editor.py records what it loads
        text = path.read_text(encoding="utf-8", errors="replace")
        checked += 1
        for pattern in EXTERNAL_LOADS:
            assert not re.search(pattern, text, re.IGNORECASE), f"{path}: {pattern}"
        if path.suffix == ".js" and "vendor" not in path.parts:
            loads = [m for m in EXTERNAL_LITERAL.findall(text) if "${" not in m]
            assert not loads, f"{path} would fetch {loads}"
    assert checked > 20


def test_old_browsers_get_the_resize_observer_polyfill_from_this_site(minimal_site: Path):
    [bundle] = (minimal_site / "assets" / "javascripts").glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert "unpkg.com" not in text
    assert 'new URL("assets/javascripts/vendor/resize-observer-polyfill.js",__md_scope)' in text
    assert (minimal_site / "assets/javascripts/vendor/resize-observer-polyfill.js").exists()


def test_each_record_has_its_own_page(minimal_site: Path):
    for path in ["priorities/test-criminal-exploitation", "funding/test-theatre",
                 "campaigns/test-awareness-week", "routes/test-emergency", "sources/test-report",
                 "funding-pots/test-core-funding"]:
        assert (minimal_site / path / "index.html").exists(), path
    source = page(minimal_site, "sources/test-report")
    assert "County Lines theatre production" in source  # the Sources page lists what cites it


def broken_links(site: Path) -> list[str]:
    """Every href/src in the built pages that points inside the site but to no file (read by an
    HTML parser: the minifier leaves most attribute values unquoted)."""
    import re
    from urllib.parse import unquote, urljoin, urlparse

    import lxml.html

    broken = []
    for html_file in site.rglob("*.html"):
        page_url = "/" + html_file.relative_to(site).as_posix()
        doc = lxml.html.fromstring(html_file.read_bytes())
        for element in doc.xpath("//*[@href or @src]"):
            target = (element.get("href") or element.get("src") or "").split("#")[0]
            if not target or re.match(r"^[a-z]+:", target):  # https:, tel:, mailto:, data:
                continue
            # 404.html links absolutely, from site_url's path (the root unless SITE_URL says otherwise)
            path = unquote(urlparse(urljoin(page_url, target)).path).lstrip("/")
            candidate = site / path
            if not (candidate.is_file() or (candidate / "index.html").is_file()):
                broken.append(f"{page_url} -> {target}")
    return broken


def test_every_generated_page_has_the_same_menu_as_the_home_page(minimal_site: Path):
    """Menus are drawn once per folder for generated pages: each must lead where the home page's does."""
    from urllib.parse import urljoin

    import lxml.html

    def menu(path: str) -> list[str]:
        doc = lxml.html.fromstring((minimal_site / path / "index.html").read_bytes())
        nav = doc.cssselect('[data-md-type="navigation"]')[0]
        # (the home page's menu also lists its own headings, as anchors: those are left out)
        links = [a.get("href") for a in nav.cssselect("a[href]")]
        return [urljoin(f"/{path}", href) for href in links if "#" not in href]

    home = menu("")
    assert len(home) >= 10
    for path in ["funding/test-theatre/", "report/domestic-abuse/", "campaigns/test-awareness-week/",
                 "areas/", "changes/", "statistics/years/2018-19/"]:
        assert menu(path) == home, path


def test_every_internal_link_and_asset_resolves(minimal_site: Path):
    assert broken_links(minimal_site) == []


FAMILIES = {
    "": ["Need to report something?", "Criminal Exploitation", "Test Community Safety Partnership"],
    "priorities": ["Criminal Exploitation", "2020/21", "County Lines"],
    "action-plan": ["Deliver training to frontline staff", "In progress", "Two sessions delivered",
                    "Test District Council"],
    "campaigns": ["Test Awareness Week", "#TestLooksCloser", "68,575"],
    "funding": ["County Lines theatre production", "£8,700", "Core funding", "£10,000"],
    "report": ["tel:999", "Call 999, then press 55", "Domestic abuse", "cover your tracks online"],
    "report/domestic-abuse": ["tel:999", "press 55", "Testshire Abuse Helpline",
                              "tel:+448082000247", "Interpreters for other languages"],
    "report/cover-your-tracks": ["private", "History"],
    # one financial year per page: the newest at the section's address, the others under years/
    "statistics": ["Staff trained in Prevent", (".csp-num", "20"), "2020/21", "statistics/years/2018-19/"],
    "statistics/years/2018-19": ["Staff trained in Prevent", (".csp-num", "34"),
                                 ('[aria-current="page"]', "2018/19")],
    "partnership": ["Test Community Safety Partnership", "Every 3 months, online", "Testshire Police"],
    "sources": ["Test partnership annual report", "TEST/23/001"],
    "updates": ["Q1 2023/24", "Two sessions delivered", "updates/years/2019-20/"],
    "updates/years/2019-20": ["Q2 2019/20", "£8,700 awarded"],
    "about": ["Open Government Licence"],
    "accessibility": ["WCAG"],
    "privacy": ["does not use cookies"],
}


@pytest.mark.parametrize("path", FAMILIES, ids=lambda p: p or "home")
def test_each_page_family_shows_its_records(minimal_site: Path, path: str):
    """Each text is on the page; a (selector, text) pair is an element of the page with that text."""
    text_of_page = page(minimal_site, path)
    for wanted in FAMILIES[path]:
        if isinstance(wanted, tuple):
            selector, text = wanted
            found = [e.text_content() for e in html(minimal_site, path).cssselect(selector)]
            assert text in found, f"{path or 'home'}: no {selector} reading {text!r} among {found}"
        else:
            assert wanted in text_of_page, f"{path or 'home'} lacks {wanted!r}"
