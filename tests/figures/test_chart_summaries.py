"""Every chart of the shipped site says in words what its table says, and covers what its title
and caption say: the site-wide funding chart adds up to the funding table, refuge grant included."""

from __future__ import annotations

import lxml.html

from tests.figures.chart_checks import charts_on, check_every_chart, funding_table_years, year_sums


def test_every_chart_summary_is_computed_from_the_rows_of_its_table(shipped_site):
    checked = check_every_chart(shipped_site)
    kinds = {chart["id"].split("-")[0] for chart in checked}
    assert {"funding", "action", "campaigns", "priorities", "statistic"} <= kinds
    assert len(checked) >= 14


def test_the_site_wide_funding_chart_covers_every_partnership_and_equals_the_funding_table(shipped_site):
    path = shipped_site / "funding" / "index.html"
    [chart] = [c for c in charts_on(shipped_site, path) if c["id"] == "funding-by-year"]
    table = funding_table_years(lxml.html.fromstring(path.read_text(encoding="utf-8")))
    # A project whose report gives no financial year has no bar; the table lists it as not stated.
    assert year_sums(chart["rows"]) == {year: amount for year, amount in table.items() if year}
    assert table[""] >= 500_000  # the Suffolk-wide refuge grant, whose reports give no financial year
    assert "15 of the 17 funded projects on this site" in chart["caption"]  # 2 state no year or amount
    # The caption names what it covers and says why the rest is not drawn.
    assert "(the other 2 do not state what the chart needs)" in chart["caption"]
    assert "2018/19" not in chart["description"]  # a year the data does not hold is never shown
