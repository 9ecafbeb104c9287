"""Issue 16: residents get the right route in seconds, on a small phone, with or without JavaScript."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.data.validate import load_dataset
from macros.model.routes import ChannelKind, Urgency
from macros.model.topics import Topic

from ..conftest import PROJECT
from ..conftest import SHIPPED_TODAY as TODAY

CARDS = "() => [...document.querySelectorAll('[data-csp-route]')].filter(r => r.offsetParent !== null)"
CONTACTS = ".csp-channels a[href^='tel:'], .csp-channels a[href^='sms:'], .csp-channels a[href^='https:'], " \
           ".csp-channels a[href^='mailto:']"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(PROJECT / "data", dt.date.fromisoformat(TODAY))


def contactable(dataset, topic: Topic) -> list[str]:
    return sorted(r.id for r in dataset.all("routes")
                  if topic in r.topics and r.urgency != Urgency.emergency and r.reachable)


def test_every_card_has_a_contact_link_and_every_contactable_route_is_listed(visit, dataset):
    v = visit(java_script_enabled=False)
    for topic in Topic:
        page = v.open(f"report/{topic.value}/")
        cards = page.locator("[data-csp-route]")
        assert sorted(cards.evaluate_all("cs => cs.map(c => c.id)")) == contactable(dataset, topic), topic
        for i in range(cards.count()):
            card = cards.nth(i)
            assert card.locator(CONTACTS).count() > 0, f"{topic.value}: {card.get_attribute('id')}"
        words = page.locator("[data-csp-routes]").inner_text()
        assert "Not given in the source" not in words and "Not stated" not in words, topic


def test_text_services_are_sms_links_and_relay_is_a_call(visit, dataset):
    page = visit(java_script_enabled=False).open("report/domestic-abuse/")
    panel = page.locator(".csp-emergency")
    panel.locator("summary").click()
    texts = [c for r in dataset.all("routes") if r.reachable
             for c in r.channels if c.kind == ChannelKind.text]
    assert texts, "the shipped data has a text service"
    for channel in texts:
        assert page.locator(f'a[href="sms:{channel.number.e164}"]').count() > 0
    assert page.locator('a[href^="tel:"]', has_text="999").count() > 0
    assert page.locator('a[href="sms:18000"]').count() == 0
    assert page.locator('a[href="tel:18000"]').count() == 1
    words = panel.inner_text()
    assert "textphone or the Relay UK app" in words
    assert "On a mobile, press 55" in words and "Cough or tap" in words


def _above_fold(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] + min(box["height"], 44) <= 640


def test_first_screen_of_a_small_phone_shows_999_and_the_first_choice(visit):
    page = visit(viewport={"width": 360, "height": 640}).open("report/")
    heading = page.locator("#csp-emergency-title")
    one_line = heading.evaluate("h => h.getClientRects().length") == 1
    assert one_line and heading.bounding_box()["height"] < 50, "999 on one line"
    first = page.locator(".csp-topics a").first
    assert _above_fold(page, first), first.bounding_box()


def test_each_topic_shows_its_first_route_on_the_first_screen_and_big_targets(visit):
    v = visit(viewport={"width": 360, "height": 640})
    for topic in Topic:
        page = v.open(f"report/{topic.value}/")
        first = page.locator("[data-csp-route]").first
        assert _above_fold(page, first.locator("h3")), (topic, first.bounding_box())
        page.locator(".csp-emergency summary").click()
        for link in page.locator("a[href^='tel:'], a[href^='sms:']").all():
            if not link.is_visible():
                continue
            box = link.bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, (topic, link.get_attribute("href"), box)


def test_exit_after_home_report_and_topic_back_goes_to_the_page_before_the_site(visit, base_url):
    v = visit()
    page = v.page
    page.goto("https://example.org/before")
    page.goto(base_url)
    page.locator("a[href='report/']").first.click()
    page.wait_for_url("**/report/")
    page.locator(".csp-topics a").first.click()
    page.wait_for_url("**/report/*/")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url("https://www.bbc.co.uk/**")
    page.go_back()
    assert page.url == "https://example.org/before"


def test_shift_presses_show_progress_and_expire(visit):
    page = visit().open("report/")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("Shift")
    status = page.locator("[data-csp-exit-status]")
    assert "press 2 more times" in status.text_content()
    assert page.locator(".csp-exit-indicator").text_content() == "\u25cf\u25cb\u25cb"
    page.wait_for_timeout(5300)
    assert status.text_content() == "Exit this page expired."


def test_every_page_has_a_skip_link_to_the_content(shipped_site):
    pages = list(shipped_site.rglob("*.html"))
    missing = [str(p.relative_to(shipped_site)) for p in pages
               if "csp-skip" not in (text := p.read_text(encoding="utf-8")) or "csp-content" not in text]
    assert len(pages) > 100 and not [m for m in missing if not m.startswith(("admin/", "404"))], missing[:5]


def help_queries(dataset) -> list[tuple[str, str]]:
    """(what a resident types, the report page that must come first), generated from the data."""
    from macros.model.topics import TOPIC_LABELS, TOPIC_WORDS
    queries = []
    towns = [town for area in dataset.all("areas") for town in area.towns]
    for topic in Topic:
        address = f"/report/{topic.value}/"
        queries += [(TOPIC_LABELS[topic], address), *((w, address) for w in TOPIC_WORDS[topic])]
        queries.append((f"{TOPIC_LABELS[topic]} {towns[len(queries) % len(towns)]}", address))
    return queries


def test_help_searches_find_the_right_report_page_first(visit, dataset):
    from .searching import rank_of
    page = visit().open("report/")
    wrong = {}
    for term, address in help_queries(dataset):
        rank = rank_of(page, term, address, more=0)
        if rank != 1:
            wrong[term] = rank
    assert not wrong, wrong


def test_a_town_finds_its_area_page(visit, dataset):
    from .searching import rank_of
    page = visit().open("")
    for area in dataset.all("areas"):
        for town in area.towns[:2]:
            assert rank_of(page, town, f"/areas/{area.id}/", more=0) == 1, town


def test_without_javascript_the_search_leads_to_the_a_to_z(visit, dataset):
    page = visit(java_script_enabled=False).open("report/domestic-abuse/")
    page.get_by_role("link", name="A to Z").first.click()
    page.wait_for_url("**/a-z/")
    for name in ("Domestic abuse", "DV", "scam", "Lowestoft", "Ipswich"):
        assert page.get_by_role("link", name=name, exact=True).count() >= 1, name
    page.get_by_role("link", name="scam", exact=True).click()
    page.wait_for_url("**/report/fraud/")
