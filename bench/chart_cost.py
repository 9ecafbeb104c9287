"""What the charts' libraries cost in one build, measured in a fresh process: importing altair
and pandas, then computing every chart's rows (pandas) and declaring its spec (altair
`to_dict(validate=False)`), apart from drawing, which the chart cache saves on a warm build.

Run as `python bench/chart_cost.py DATA TODAY`; prints one JSON object.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))


def measure(data: Path, today: dt.date) -> dict:
    from macros.data.validate import load_dataset
    from macros.figures import charts
    from macros.site.large import is_large, partnerships

    dataset = load_dataset(data, today)
    started = time.perf_counter()
    import altair  # noqa: F401
    import pandas  # noqa: F401

    imported = time.perf_counter() - started
    areas = [p.id for p in partnerships(dataset)] if is_large(dataset) else []
    started = time.perf_counter()
    built = charts.site_charts(dataset, areas)
    rows = time.perf_counter() - started
    started = time.perf_counter()
    specs = [chart.spec_json for chart in built]
    declared = time.perf_counter() - started
    return {"charts": len(built), "distinct_specs": len(set(specs)), "import_seconds": round(imported, 3),
            "rows_seconds": round(rows, 3), "specs_seconds": round(declared, 3),
            "specs_ms_per_chart": round(1000 * declared / len(built), 2) if built else None}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2]))))
