"""A "Download this table" link beside every table on the site, to a CSV of exactly that table.

Tables that already offer richer data (the funded projects, with every field) carry
`data-csp-download` and are left alone. The CSV is read from the rendered table itself, so it
always says what the reader sees: the cells' text, without the hidden "source" link words.
"""

from __future__ import annotations

import re

import lxml.html

from macros.figures.spreadsheet import csv_text

TABLE_END = re.compile(r"</table>", re.IGNORECASE)
LINK = ('<p class="csp-download"><a href="{name}" download>Download this table (CSV)</a></p>')


def _text(cell) -> str:
    for hidden in cell.xpath('.//*[contains(@class, "csp-cite") or contains(@class, "csp-visually-hidden")]'):
        hidden.drop_tree()
    return " ".join(cell.text_content().split())


def table_csv(table) -> str:
    return csv_text([_text(cell) for cell in tr if cell.tag in ("th", "td")] for tr in table.iter("tr"))


def add_table_downloads(html: str, prefix: str = "table") -> tuple[str, dict[str, str]]:
    """The page's HTML with a link after each table, and {file name: CSV} for the files to write."""
    if "<table" not in html:
        return html, {}
    tables = lxml.html.fragments_fromstring(f"<div>{html}</div>")[0].iter("table")
    csvs: dict[str, str] = {}
    links: list[str] = []
    for number, table in enumerate(tables, start=1):
        if table.get("data-csp-download") is not None:
            links.append("")
            continue
        name = f"{prefix}-{number}.csv"
        csvs[name] = table_csv(table)
        links.append(LINK.format(name=name))
    ends = iter(links)
    # Insert by position rather than re-serialising the page, so nothing else in it changes.
    return TABLE_END.sub(lambda match: match.group(0) + next(ends, ""), html), csvs
