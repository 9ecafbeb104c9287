"""WCAG 2.2 AA in a real browser: axe-core finds nothing, and keyboard users can see where they are."""

from __future__ import annotations

import pytest

from .searching import search

AXE_PAGES = {
    "home": "",
    "report topic": "report/domestic-abuse/",
    "report start": "report/",
    "cover your tracks": "report/cover-your-tracks/",
    "priority": "priorities/es-vawg/",
    "funding": "funding/",
    "charts": "priorities/",
    "statistics": "statistics/",
    "route": "routes/crimestoppers/",
}


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"]]


@pytest.mark.parametrize("path", AXE_PAGES.values(), ids=AXE_PAGES.keys())
def test_axe_finds_no_violations(visit, path):
    page = visit().open(path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["", "report/domestic-abuse/"])
def test_axe_finds_no_violations_on_a_small_phone(visit, path):
    page = visit(viewport={"width": 320, "height": 640}).open(path)
    assert axe_violations(page) == []


# One page of each family beside every report page, at a phone's width and a desktop's.
FAMILIES = {**AXE_PAGES, "action plan": "action-plan/", "action": "action-plan/es-asb-hot-spot-comms/",
            "a to z": "a-z/", "area": "areas/suffolk/",
            "source": "sources/", "campaigns": "campaigns/", "updates": "updates/"}


@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violations_on_every_report_page_and_each_family(visit, width):
    from macros.model.topics import Topic
    v = visit(viewport={"width": width, "height": 640})
    paths = {*FAMILIES.values(), *(f"report/{t.value}/" for t in Topic)}
    found = {path: axe_violations(v.open(path)) for path in sorted(paths)}
    assert not {path: errors for path, errors in found.items() if errors}


@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_no_violations_in_search_results(visit, width):
    page = visit(viewport={"width": width, "height": 700}).open("")
    assert search(page, "domestic abuse").count() > 0
    assert axe_violations(page) == []


# Where focus is after each Tab: is it drawn, and is anything opaque on top of it?
FOCUS = """async () => {
  // Let the page react to the focus (the search closes when focus leaves it), then settle.
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // a link that wraps: its first line
  const r = e.getClientRects()[0] || e.getBoundingClientRect(), s = getComputedStyle(e);
  const x = r.left + Math.min(r.width / 2, 20), y = r.top + Math.min(r.height / 2, 8);
  const seen = x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
  const opaque = el => {
    for (; el; el = el.parentElement) if (getComputedStyle(el).opacity === "0") return false;
    return true;
  };
  const top = seen ? document.elementsFromPoint(x, y).find(opaque) : null;
  return {
    name: [e.tagName, e.getAttribute("class"), (e.innerText || e.value || "").slice(0, 30)].join(" "),
    drawn: s.outlineStyle !== "none" || s.boxShadow !== "none",
    seen, onTop: !!top && (top === e || e.contains(top) || top.contains(e)),
  };
}"""


@pytest.mark.parametrize("path", ["report/domestic-abuse/", ""])
@pytest.mark.parametrize("width", [1280, 320])
def test_keyboard_focus_is_always_visible_and_never_hidden_by_sticky_parts(visit, path, width):
    page = visit(viewport={"width": width, "height": 700}).open(path)
    stops = []
    for _ in range(400):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus is None:
            break
        stops.append(focus)
        if len(stops) > 2 and focus == stops[0]:
            break
    assert len(stops) > 10
    hidden = [s["name"] for s in stops if not (s["seen"] and s["onTop"])]
    undrawn = [s["name"] for s in stops if not s["drawn"]]
    assert hidden == [], "focused but off screen or covered"
    assert undrawn == [], "focused with no visible focus indicator"


@pytest.mark.parametrize("path", ["", "report/domestic-abuse/", "funding/", "statistics/", "action-plan/",
                                  "priorities/es-vawg/"])
@pytest.mark.parametrize("width", [320, 640])
def test_pages_reflow_at_320px_and_200_percent_zoom_without_sideways_scrolling(visit, path, width):
    # 200% zoom on a 1280 px screen lays the page out at 640 CSS px.
    page = visit(viewport={"width": width, "height": 800}).open(path)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
    assert page.get_by_role("link", name="Exit this page").is_visible()
