"""Each chart's text summary, computed from its table's rows alone.

A summary takes the rows exactly as the table shows them (and the CSV holds them), so a test can
read any chart's table back from a built page, summarise it again and find the same words as the
chart's description: the words never say what the numbers do not.
"""

from __future__ import annotations

from decimal import Decimal


def _decimal(value) -> Decimal:
    return Decimal(str(value))


def funding(rows) -> str:
    """rows: (financial year, priority, amount)."""
    years: dict[str, Decimal] = {}
    for year, _, amount in rows:
        years[year] = years.get(year, Decimal(0)) + _decimal(amount)
    first, last = min(years), max(years)
    top = max(sorted(years), key=years.__getitem__)  # the earliest, if two years tie
    span = f"{len(years)} years from {first} to {last}" if len(years) > 1 else f"in {first}"
    total = sum(years.values(), Decimal(0))
    return (f"Stacked bar chart of funded projects by financial year and priority, {span}: "
            f"£{total:,.0f} in all. The most was in {top}: £{years[top]:,.0f}.")


def priorities(name: str, rows) -> str:
    """rows: (priority, financial year, name that year)."""
    years = sorted({row[1] for row in rows})
    return (f"Grid of {len({row[0] for row in rows})} priorities of {name} against financial years "
            f"{years[0]} to {years[-1]}; a filled square means it was a priority that year.")


def action_status(rows) -> str:
    """rows: (status, activities)."""
    parts = ", ".join(f"{status}: {count}" for status, count in rows)
    total = sum(int(count) for _, count in rows)
    return f"Bar chart of {total} action plan activities by status. {parts}."


def campaigns(rows) -> str:
    """rows: (campaign, start, end), ISO dates."""
    return (f"Timeline of {len(rows)} campaigns from {min(r[1] for r in rows)} to {max(r[2] for r in rows)}, "
            "each shown as a bar from its start to its end.")


def campaigns_counted(per: str, rows) -> str:
    """rows: (quarter or year, from, running, starting)."""
    busiest = max(range(len(rows)), key=lambda i: (int(rows[i][2]), -i))
    started = sum(int(row[3]) for row in rows)
    return (f"Bar chart of {started:,} campaigns: how many were running in each {per} from "
            f"{rows[0][0]} to {rows[-1][0]} ({len(rows)} {per}s). The busiest was {rows[busiest][0]}, "
            f"with {int(rows[busiest][2]):,} running.")


def trend(metric: str, rows) -> str:
    """rows: (period, date, value)."""
    first, last = rows[0], rows[-1]
    return (f"Line chart of {metric}: {_decimal(first[2]):,} ({first[0]}) to "
            f"{_decimal(last[2]):,} ({last[0]}), {len(rows)} reported values.")
