"""Campaigns counted per calendar quarter (or year, over a long span), for a timeline too long
to draw a bar each."""

from __future__ import annotations

import bisect
import datetime as dt

YEARLY_AFTER = 12 * 4  # more quarters than this: campaigns per year
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def periods(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date, str]]:
    """Calendar quarters (or years, over a long span) from first to last: [(from, to, label)]."""
    quarters = (last.year - first.year) * 4 + (last.month - 1) // 3 - (first.month - 1) // 3 + 1
    step = 12 if quarters > YEARLY_AFTER else 3
    start = dt.date(first.year, 1 if step == 12 else (first.month - 1) // 3 * 3 + 1, 1)
    found = []
    while start <= last:
        month = start.month + step
        after = dt.date(start.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        label = (str(start.year) if step == 12 else
                 f"{MONTHS[start.month - 1]} to {MONTHS[start.month + 1]} {start.year}")
        found.append((start, after - dt.timedelta(days=1), label))
        start = after
    return found


def campaigns_per_period(spans: list[tuple[dt.date, dt.date, str]]) -> tuple[tuple, tuple, str]:
    """(columns, rows, 'quarter' or 'year'): how many campaigns ran, and started, in each period."""
    found = periods(min(s[0] for s in spans), max(s[1] for s in spans))
    running = [0] * len(found)
    starting = [0] * len(found)
    starts = [p[0] for p in found]
    for start, end, _ in spans:
        i = bisect.bisect_right(starts, start) - 1  # the period it starts in
        starting[i] += 1
        while i < len(found) and found[i][0] <= end:
            running[i] += 1
            i += 1
    per, heading = ("year", "Year") if found[0][2].isdigit() else ("quarter", "Quarter")
    rows = tuple((label, begin.isoformat(), running[i], starting[i])
                 for i, (begin, _, label) in enumerate(found))
    return (heading, "From", "Campaigns running", "Campaigns starting"), rows, per
