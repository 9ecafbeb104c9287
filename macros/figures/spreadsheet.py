"""The one CSV writer: every CSV the site writes goes through it (the open data in /data/, the
chart and summary-table CSVs, and each "Download this table" file), and so does any other
spreadsheet cell the site writes.

A spreadsheet runs a cell that starts with '=', '+', '-' or '@' as a formula (and a tab or a
carriage return can hide one), so such a cell is written with a leading apostrophe, which
spreadsheets show as text; a plain number such as -5 is left as it is, since it cannot run.
It lives with the figures because they are the first stage that writes a CSV; exports use it
too. The site's scripts make no CSV in the browser (tests/exports/test_csv.py checks it).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?\Z")
LINE_END = "\r\n"  # RFC 4180


def safe_cell(value: Any) -> str:
    """A cell's text as a spreadsheet should show it, never run it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def csv_text(rows: Iterable[Iterable[Any]]) -> str:
    """Rows (the header first) as CSV text, every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
