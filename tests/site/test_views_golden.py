"""Golden files for every view and one record page of each type, on the minimal fixture.

After an intended change to the output: `pytest --update-golden`, then review the diff.
The drawing inside each chart's <svg> is left out (vl-convert may redraw it between versions);
the chart's label, caption and table are compared in full.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from macros.data.validate import load_dataset
from macros.site import citation
from macros.site.links import Links
from macros.site.pages import record_pages, report_pages
from macros.site.views import VIEWS
from tests.conftest import FIXTURES, GOLDEN_DIR

GOLDEN = GOLDEN_DIR
CALLS = {
    "chart": [("funding_by_year",), ("priorities_by_year", "test-csp")],
}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FIXTURES / "minimal" / "data", dt.date(2023, 8, 1))


@pytest.fixture(autouse=True)
def no_build_under_way(monkeypatch):
    """A view rendered on its own cites "this site", whatever build ran earlier in the session."""
    monkeypatch.setattr(citation, "_publisher", citation.Publisher())


def without_drawing(html: str) -> str:
    """Keep the SVG's accessible name; drop its size and marks, which vl-convert may redraw."""
    return re.sub(r"<svg (role=\"img\" aria-labelledby=\"[^\"]+\")[^>]*>(<title.*?</desc>).*?</svg>",
                  r"<svg \1>\2[drawing]</svg>", html, flags=re.S)


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_view_matches_golden(dataset, golden, name):
    output = "".join(VIEWS[name].function(dataset, Links("../"), *args)
                     for args in CALLS.get(name, [()]))
    golden(GOLDEN / "views" / f"{name}.html", without_drawing(output))


def test_record_pages_match_golden(dataset, golden):
    seen = set()
    for page in record_pages(dataset):
        kind = page.src_uri.split("/")[0]
        if kind not in seen:
            seen.add(kind)
            golden(GOLDEN / "pages" / page.src_uri.replace("/", "__"), without_drawing(page.markdown()))
    assert len(seen) == 10


def test_report_topic_page_matches_golden(dataset, golden):
    [page] = [p for p in report_pages(dataset) if p.src_uri == "report/domestic-abuse.md"]
    golden(GOLDEN / "pages" / "report__domestic-abuse.md", page.markdown())
