"""Charts stay readable and bounded however many records there are, and each is drawn once."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
import vl_convert

from macros.data.validate import load_dataset
from macros.figures import charts, drawing
from macros.site.links import Links
from macros.site.views import VIEWS
from macros.site.views.figures import figure
from macros.tools.synth import write as synthesise
from tests.conftest import FIXTURES

TODAY = dt.date(2023, 8, 1)
MANY = 2_000  # a bar each overflowed Vega's stack somewhere past 1,200


def _with_campaigns(data: Path, count: int) -> Path:
    """The minimal fixture with `count` more campaigns, a few a week from January 2019."""
    lines = []
    for n in range(count):
        start = dt.date(2019, 1, 1) + dt.timedelta(days=n // 3)
        lines += [f"- id: many-campaign-{n}", f"  name: Campaign number {n}", "  area: test-csp",
                  f"  start: {start.isoformat()}", f"  end: {(start + dt.timedelta(days=6)).isoformat()}",
                  "  status: finished", '  sources: [{document: test-report, section: "2.3"}]']
    with (data / "campaigns.yml").open("a", encoding="utf-8") as out:
        out.write("\n" + "\n".join(lines) + "\n")
    return data


@pytest.fixture
def crowded(minimal_data: Path):
    return load_dataset(_with_campaigns(minimal_data, MANY), TODAY)


def _cells(table_html: str) -> int:
    return len(re.findall(r"<td>", table_html))


@pytest.mark.parametrize("area", [None, "test-csp"])
def test_thousands_of_campaigns_make_a_small_chart_of_campaigns_per_quarter(crowded, area):
    chart = charts.campaigns_timeline(crowded, area)
    assert len(crowded.all("campaigns")) > MANY
    svg = chart.svg  # raised "Maximum call stack size exceeded" with a bar per campaign
    assert svg.startswith("<svg role=\"img\"") and len(svg) < 40_000
    assert chart.title == "Campaigns running each quarter" and f"{MANY + 1:,} campaigns" in chart.description
    # A row per quarter from January 2019 to the last campaign, and every campaign counted once.
    assert chart.rows[0][:2] == ("Jan to Mar 2019", "2019-01-01") and len(chart.rows) <= 24
    assert sum(row[3] for row in chart.rows) == len(crowded.all("campaigns"))
    assert all(row[2] >= row[3] for row in chart.rows)  # running includes those starting
    page = figure(chart, Links("../"))
    assert len(page) < 60_000 and _cells(page) == 4 * len(chart.rows)
    assert chart.csv().count("\n") == len(chart.rows) + 1


def test_a_few_campaigns_still_get_a_bar_each(minimal_data: Path):
    dataset = load_dataset(_with_campaigns(minimal_data, charts.TIMELINE_BARS - 1), TODAY)
    chart = charts.campaigns_timeline(dataset)
    assert chart.title == "Campaigns timeline" and len(chart.rows) == charts.TIMELINE_BARS
    assert chart.columns == ("Campaign", "Start", "End")


def test_a_long_run_of_campaigns_is_counted_by_year():
    spans = [(dt.date(1990 + n, 6, 1), dt.date(1990 + n, 6, 7), f"c{n}") for n in range(30)]
    chart = charts._campaigns_per_period("t", spans * 2)
    assert chart.title == "Campaigns running each year" and len(chart.rows) == 30
    assert chart.rows[0][:4] == ("1990", "1990-01-01", 2, 2)
    vl_convert.vegalite_to_svg(chart.spec)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    data = tmp_path_factory.mktemp("synth") / "data"
    made = synthesise(data, 10, 1, 5)
    return load_dataset(data, made.as_of)


def test_national_funding_keeps_one_colour_a_priority_and_adds_up_the_rest(synthetic):
    chart = charts.funding_by_year(synthetic)
    names = {row[1] for row in chart.rows}
    assert len(names) == charts.MAX_COLOURS
    assert any(re.fullmatch(r"Other priorities \(\d+\)", name) for name in names)
    shown = sum(Decimal(str(row[2])) for row in chart.rows)
    assert abs(shown - sum(p.amount for p in synthetic.all("funded-projects"))) < len(chart.rows)
    assert "Other priorities" in chart.svg and len(chart.svg) < 60_000


def test_every_chart_of_a_synthetic_site_draws_and_stays_small(synthetic):
    built = charts.site_charts(synthetic)
    assert len(built) > 50
    for chart in built:
        assert len(chart.rows) <= 100, chart.id
    for chart in built[:3] + [c for c in built if c.id.startswith("campaigns-timeline")][:3]:
        assert len(chart.svg) < 60_000, chart.id


def test_each_chart_is_built_and_drawn_once_per_dataset(monkeypatch):
    dataset = load_dataset(FIXTURES / "minimal" / "data", TODAY)
    drawn = []
    monkeypatch.setattr(drawing, "_drawn", {})
    monkeypatch.setattr(drawing, "vegalite_to_svg", lambda spec: drawn.append(spec) or "<svg ></svg>")
    statistic = next(s for s in dataset.all("statistics") if len(s.points) > 1)
    assert charts.statistic_trend(dataset, statistic) is charts.statistic_trend(dataset, statistic)
    assert charts.funding_by_year(dataset) is charts.funding_by_year(dataset)
    for _ in range(2):  # the statistics page, then a record page and the CSV files, ask again
        VIEWS["statistic_trends"].function(dataset, Links("../"))
        VIEWS["chart"].function(dataset, Links("../"), "funding_by_year")
        charts.site_charts(dataset)
    trends = [s for s in dataset.all("statistics") if len(s.points) > 1]
    assert trends and len(drawn) == 1 + len(trends)


def test_charts_drawn_ahead_by_the_worker_are_the_charts_a_page_would_draw(monkeypatch):
    import json
    import time

    monkeypatch.setattr(drawing, "_drawn", {})
    specs = [json.dumps({"data": {"values": [{"x": k, "y": k * n} for k in range(3)]}, "mark": "line",
                         "encoding": {"x": {"field": "x", "type": "ordinal"},
                                      "y": {"field": "y", "type": "quantitative"}}})
             for n in range(drawing.AHEAD_FROM)]
    drawer = drawing.Drawer()
    try:
        drawer.ahead(specs)
        deadline = time.monotonic() + 120
        while specs[-1] not in drawing._drawn and time.monotonic() < deadline:  # the worker starts last
            time.sleep(0.1)
        assert specs[-1] in drawing._drawn, "the worker drew nothing"
        for spec in specs:  # from the worker, or drawn here, whichever is sooner
            assert drawing.draw(spec) == drawing.vegalite_to_svg(spec)
    finally:
        drawer.stop()
    assert drawer._pool is None


def test_a_few_charts_are_drawn_in_the_build_process():
    drawer = drawing.Drawer()
    drawer.ahead(["{}"] * 3 + ['{"mark": "bar"}'])
    assert drawer._pool is None
