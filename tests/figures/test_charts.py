"""Charts stay readable and bounded however many records there are, and each is drawn once."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import vl_convert

from macros.data.validate import load_dataset
from macros.figures import charts, drawing
from macros.figures.periods import campaigns_per_period
from macros.site.links import Links
from macros.site.views import VIEWS
from macros.site.views.figures import figure
from macros.tools.synth import write as synthesise
from tests.conftest import FIXTURES, PROJECT

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
    columns, rows, per = campaigns_per_period(spans * 2)
    chart = charts._campaigns_counted("t", "everything", columns, rows, per)
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
    partnerships = [a.id for a in synthetic.all("areas") if a.kind.value == "partnership"]
    built = charts.site_charts(synthetic, partnerships)  # a large site: each partnership's own too
    assert len(built) > 40
    for chart in built:
        assert len(chart.rows) <= 100, chart.id
    for chart in built[:3] + [c for c in built if c.id.startswith("campaigns-timeline")][:3]:
        assert len(chart.svg) < 60_000, chart.id


def test_each_chart_is_built_and_drawn_once_per_dataset(monkeypatch, tmp_path):
    dataset = load_dataset(FIXTURES / "minimal" / "data", TODAY)
    drawn = []
    monkeypatch.setattr(drawing, "_drawn", {})
    monkeypatch.setenv(drawing.CACHE_ENV, str(tmp_path))
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


def test_charts_drawn_ahead_by_the_worker_are_the_charts_a_page_would_draw(monkeypatch, tmp_path):
    import time

    monkeypatch.setattr(drawing, "_drawn", {})
    monkeypatch.setenv(drawing.CACHE_ENV, str(tmp_path))
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


SPEC = json.dumps({"data": {"values": [{"x": 1, "y": 2}, {"x": 2, "y": 3}]}, "mark": "bar",
                   "encoding": {"x": {"field": "x", "type": "ordinal"},
                                "y": {"field": "y", "type": "quantitative"}}}, sort_keys=True)


def test_a_chart_drawn_by_one_process_is_read_back_from_disk_by_the_next(monkeypatch, tmp_path):
    import subprocess
    import sys

    env = {**__import__("os").environ, drawing.CACHE_ENV: str(tmp_path)}
    probe = f"from macros.figures import drawing; drawing.draw({SPEC!r})"
    run = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, cwd=PROJECT)
    assert run.returncode == 0, run.stderr
    [kept] = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert kept.suffix == ".svg" and kept.read_text(encoding="utf-8").startswith("<svg")
    # This process (a later build, or a page worker) draws nothing: the file is the chart.
    monkeypatch.setattr(drawing, "_drawn", {})
    monkeypatch.setenv(drawing.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(drawing, "vegalite_to_svg", lambda spec: pytest.fail("drawn again"))
    assert drawing.draw(SPEC) == kept.read_text(encoding="utf-8")
    assert drawing.is_drawn(SPEC) and not drawing.is_drawn(SPEC.replace("bar", "line"))


def test_processes_drawing_the_same_chart_at_once_leave_one_whole_file(tmp_path):
    import subprocess
    import sys

    env = {**__import__("os").environ, drawing.CACHE_ENV: str(tmp_path)}
    probe = f"from macros.figures import drawing; print(len(drawing.draw({SPEC!r})))"
    runs = [subprocess.Popen([sys.executable, "-c", probe], env=env, stdout=subprocess.PIPE, text=True,
                             cwd=PROJECT) for _ in range(3)]
    sizes = {run.communicate(timeout=120)[0].strip() for run in runs}
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 1 and not files[0].name.endswith(".part")
    assert sizes == {str(len(files[0].read_text(encoding="utf-8")))}


def test_the_spec_is_the_key_so_a_changed_chart_is_drawn_anew(tmp_path, monkeypatch):
    monkeypatch.setenv(drawing.CACHE_ENV, str(tmp_path))
    assert drawing.cache_path(SPEC) != drawing.cache_path(SPEC.replace('"y": 3', '"y": 4'))
    assert drawing.cache_path(SPEC).is_relative_to(tmp_path)


def test_validate_never_imports_altair_or_pandas():
    import subprocess
    import sys

    probe = ("import sys; from macros.cli import main; code = main(['validate', '--data', 'data']); "
             "print(sorted(m for m in ('altair', 'pandas', 'vl_convert') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT)
    assert run.stdout.strip().splitlines()[-1] == "[]", run.stdout + run.stderr


def test_charts_are_declared_with_altair_and_draw_as_the_dicts_did(minimal_data):
    """altair's to_dict (unvalidated) gives the spec; the shipped charts were checked byte for
    byte against the hand-written dicts they replace: this pins one of them."""
    dataset = load_dataset(minimal_data, TODAY)
    chart = charts.action_status(dataset)
    assert chart.spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    assert chart.spec["mark"] == {"type": "bar"} and chart.spec["data"]["values"][0].keys() == {
        "Status", "Activities"}
    assert chart.spec["config"]["range"]["category"] == charts.PALETTE


def test_the_readme_example_chart_builds_and_draws(minimal_data):
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"### Add a chart.*?```python\n(.*?)```", text, re.S).group(1)
    namespace = dict(vars(charts))
    exec(code, namespace)  # the example as written, in the module it tells you to edit
    chart = namespace["campaign_status"](load_dataset(minimal_data, TODAY))
    assert chart.rows and chart.description.startswith("Bar chart of") and "<svg" in chart.svg


@pytest.mark.parametrize("unit", ["people: adults", "sq. km", "cases [recorded]", "rate\\n"])
def test_a_unit_with_a_colon_a_dot_or_brackets_still_draws_its_values(minimal_data, unit):
    """A statistic's unit names the chart's column: altair must not read 'people: adults' as a
    type, nor Vega 'sq. km' as a nested field (the chart would be empty, or the build stop)."""
    stats = minimal_data / "statistics.yml"
    stats.write_text(stats.read_text(encoding="utf-8").replace(
        "  unit: people\n", f"  unit: '{unit}'\n", 1), encoding="utf-8")
    dataset = load_dataset(minimal_data, TODAY)
    [chart] = [charts.statistic_trend(dataset, s) for s in dataset.all("statistics") if s.points[1:]]
    svg = chart.svg
    assert svg.count("<path") >= 1 and "34" in svg and "20" in svg, "the line and its values are drawn"
    assert unit in html_unescape(svg), "the axis is titled with the unit as written"


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)
