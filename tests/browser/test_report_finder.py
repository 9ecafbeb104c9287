"""The report finder as a resident uses it: without JavaScript, with filters, and leaving fast."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.data.validate import load_dataset
from macros.model.routes import Urgency
from macros.model.topics import Topic
from macros.site.views.related import area_and_ancestors

from ..conftest import PROJECT
from ..conftest import SHIPPED_TODAY as TODAY

VISIBLE_ROUTES = "() => [...document.querySelectorAll('[data-csp-route]')].filter(r => r.offsetParent !== null).map(r => r.id)"  # noqa: E501


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(PROJECT / "data", dt.date.fromisoformat(TODAY))


def listed(dataset, topic: Topic):
    """The routes a topic page lists below its emergency panel."""
    return [r for r in dataset.all("routes")
            if topic in r.topics and r.urgency != Urgency.emergency and r.reachable]


@pytest.mark.parametrize("topic", [Topic.domestic_abuse, Topic.fraud])
def test_without_javascript_a_topic_page_shows_emergency_numbers_and_every_route(visit, dataset, topic):
    page = visit(java_script_enabled=False).open(f"report/{topic.value}/")
    panel = page.locator(".csp-emergency")
    assert panel.is_visible()
    panel.locator("summary").click()
    assert panel.locator('a[href="tel:999"]').first.is_visible()
    assert "press 55" in panel.inner_text() and "18000" in panel.inner_text()
    assert "Sign Language" in panel.inner_text()
    assert sorted(page.evaluate(VISIBLE_ROUTES)) == sorted(r.id for r in listed(dataset, topic))
    assert not page.locator("[data-csp-filters]").is_visible(), "filters do nothing without JS"
    assert page.locator(".csp-route a[href^='tel:']").count() > 0


# A route whose answer is not in the data stays listed: a filter never hides help for lack of data.
FILTERS = {
    "anonymous": lambda r: r.anonymity.value in ("anonymous", "not stated"),
    "no-talking": lambda r: r.without_talking,
    "languages": lambda r: r.other_languages or not r.languages,
    "professional": lambda r: r.for_professionals,
}


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_narrows_the_list_to_the_routes_that_fit(visit, dataset, name):
    v = visit()
    narrowed_somewhere = False
    for topic in Topic:
        page = v.open(f"report/{topic.value}/")
        page.locator(".csp-filters summary").click()
        everything = sorted(r.id for r in listed(dataset, topic))
        assert sorted(page.evaluate(VISIBLE_ROUTES)) == everything
        page.get_by_role("checkbox", name=LABELS[name]).check()
        expected = sorted(r.id for r in listed(dataset, topic) if FILTERS[name](r))
        assert sorted(page.evaluate(VISIBLE_ROUTES)) == expected, topic
        status = page.locator("[data-csp-count]").inner_text()
        assert f"{len(expected)} of {len(everything)}" in status or len(expected) == len(everything)
        assert page.locator("[data-csp-none]").is_visible() == (not expected)
        narrowed_somewhere |= 0 < len(expected) < len(everything)
        page.get_by_role("button", name="Show every route").click()
        assert sorted(page.evaluate(VISIBLE_ROUTES)) == everything
    knowable = any(not FILTERS[name](r) for t in Topic for r in listed(dataset, t))
    assert narrowed_somewhere or not knowable, f"'{name}' never narrows any topic's list"


LABELS = {
    "anonymous": "I want to stay anonymous",
    "no-talking": "I cannot talk on the phone",
    "languages": "I need another language",
    "professional": "I am a professional",
}


def test_choosing_a_town_shows_its_local_routes_beside_national_ones(visit, dataset):
    page = visit().open("report/hate-crime/")
    page.locator(".csp-filters summary").click()
    routes = listed(dataset, Topic.hate_crime)
    narrowed = False
    for district in (a for a in dataset.all("areas") if a.kind.value == "district"):
        serving = set(area_and_ancestors(dataset, district.id))
        for town in district.towns:
            page.get_by_label("My area").select_option(label=town)
            shown = sorted(page.evaluate(VISIBLE_ROUTES))
            assert shown == sorted(r.id for r in routes if r.area in serving), town
            narrowed |= len(shown) < len(routes)
    assert narrowed, "no town's choice hides another area's route"
    for county in dataset.all("areas"):
        serving = set(area_and_ancestors(dataset, county.id))
        for place in county.elsewhere:
            for town in place.towns:
                page.get_by_label("My area").select_option(label=town)
                assert sorted(page.evaluate(VISIBLE_ROUTES)) == sorted(
                    r.id for r in routes if r.area in serving), town
                assert page.get_by_role("link", name=place.council).count() == 1


STORAGE = "() => JSON.stringify([{...localStorage}, {...sessionStorage}, document.cookie])"


def test_filter_choices_are_never_stored_on_the_device(visit):
    v = visit()
    page = v.open("report/domestic-abuse/")
    stored_before = page.evaluate(STORAGE)
    page.locator(".csp-filters summary").click()
    page.get_by_role("checkbox", name="I want to stay anonymous").check()
    page.get_by_label("My area").select_option(label="Lowestoft")
    assert page.url.endswith("/report/domestic-abuse/"), "choices must not enter the address or history"
    assert page.evaluate(STORAGE) == stored_before, "using the filters wrote to the device"
    page.reload()
    page.locator(".csp-filters summary").click()
    assert not page.get_by_role("checkbox", name="I want to stay anonymous").is_checked()
    assert v.context.cookies() == []



def _history_after_exit(v, leave) -> tuple[str, str]:
    """Open the home page, then a topic page; leave; go Back. -> (url after exit, url after Back)."""
    v.open("")
    page = v.open("report/domestic-abuse/")
    leave(page)
    page.wait_for_url("https://www.bbc.co.uk/**")
    assert "A neutral page" in page.content()
    after_exit = page.url
    page.go_back()
    return after_exit, page.url


def test_exit_button_replaces_the_page_so_back_does_not_return(visit, base_url):
    v = visit()
    after_exit, after_back = _history_after_exit(
        v, lambda page: page.get_by_role("link", name="Exit this page").click())
    assert after_exit.startswith("https://www.bbc.co.uk/")
    assert "report/domestic-abuse" not in after_back and after_back == base_url


def test_pressing_shift_three_times_leaves_too(visit, base_url):
    v = visit()

    def three_shifts(page):
        page.locator("body").click(position={"x": 5, "y": 300})
        for _ in range(3):
            page.keyboard.press("Shift")

    after_exit, after_back = _history_after_exit(v, three_shifts)
    assert after_exit.startswith("https://www.bbc.co.uk/")
    assert "report/domestic-abuse" not in after_back


def test_typing_capitals_does_not_trigger_the_exit(visit):
    v = visit()
    page = v.open("report/domestic-abuse/")
    page.get_by_role("button", name="Search", exact=True).click()
    page.keyboard.type("Hate Crime In Suffolk")
    page.wait_for_timeout(300)
    assert page.url.endswith("/report/domestic-abuse/") and not v.foreign


def test_exit_button_is_on_every_kind_of_page_and_works_without_javascript(visit):
    v = visit(java_script_enabled=False)
    for path in ("", "funding/", "priorities/es-vawg/", "report/cover-your-tracks/"):
        page = v.open(path)
        exit_link = page.get_by_role("link", name="Exit this page")
        assert exit_link.is_visible(), path
    exit_link.click()
    page.wait_for_url("https://www.bbc.co.uk/**")
