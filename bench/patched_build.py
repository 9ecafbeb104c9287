"""mkdocs, with the site's known scale blockers switched off, so a benchmark can measure the rest.

Used only when the build as it stands fails: the benchmark records that failure first, then
measures this build separately and says so. The one blocker so far: a chart with one row per
record (the campaigns timeline has a bar per campaign) makes Vega overflow its stack somewhere
between 1,200 and 1,800 rows, and the page fails. Charts over MAX_ROWS rows are left out instead.

    python bench/patched_build.py build -f mkdocs.yml -d site   (with CSPSITE_DATA and CSPSITE_TODAY set)
"""

from __future__ import annotations

import functools
import os
import sys

MAX_ROWS = int(os.environ.get("BENCH_MAX_CHART_ROWS", "500"))
BUILDERS = ("funding_by_year", "priorities_by_year", "action_status", "campaigns_timeline", "statistic_trend")


def _capped(builder):
    @functools.wraps(builder)
    def capped(*args, **kwargs):
        chart = builder(*args, **kwargs)
        return None if chart is not None and len(chart.table) > MAX_ROWS else chart
    return capped


def patch() -> None:
    from macros import charts
    from macros.views import charts as chart_views
    from macros.views import related

    for name in BUILDERS:
        setattr(charts, name, _capped(getattr(charts, name)))
    chart_views.BUILDERS.update({name: getattr(charts, name) for name in chart_views.BUILDERS})
    related.statistic_trend = charts.statistic_trend


if __name__ == "__main__":
    patch()
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", *sys.argv[1:]]
    cli()
