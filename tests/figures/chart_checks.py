"""What a reader can check of every chart on a built site: its words say what its table says."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

from macros.figures import summaries


def summariser(chart_id: str, title: str):
    """The summary a chart of this kind gives of its rows (by its id and title, as a reader sees them)."""
    if chart_id.startswith("funding-by-year"):
        return summaries.funding
    if chart_id.startswith("action-status"):
        return summaries.action_status
    if chart_id.startswith("campaigns-timeline"):
        if title.startswith("Campaigns running each "):
            return lambda rows: summaries.campaigns_counted(title.rsplit(" ", 1)[1], rows)
        return summaries.campaigns
    if chart_id.startswith("priorities-"):
        body = title.split(": ", 1)[1]
        return lambda rows: summaries.priorities(body, rows)
    if chart_id.startswith("statistic-"):
        return lambda rows: summaries.trend(title, rows)
    raise AssertionError(f"a chart of an unknown kind: {chart_id}")


def _text(element) -> str:
    return " ".join(element.text_content().split())


def charts_on(site: Path, path: Path) -> list[dict]:
    """Every chart on a built page: id, title, description, caption, CSV rows and table rows."""
    doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    found = []
    for block in doc.xpath("//div[contains(@class,'csp-chart-block')]"):
        chart_id = block.get("id").removeprefix("chart-")
        svg = block.xpath(".//*[local-name()='svg']")[0]
        title = _text(svg.xpath("./*[local-name()='title']")[0])
        description = _text(svg.xpath("./*[local-name()='desc']")[0])
        caption = block.xpath(".//figcaption")[0]
        href = caption.xpath(".//a[@download]/@href")[0]
        where = urlsplit(urljoin(f"/{path.parent.relative_to(site).as_posix()}/", href)).path
        rows = list(csv.reader(io.StringIO((site / where.lstrip("/")).read_text(encoding="utf-8"))))
        table = [[_text(td) for td in tr.xpath("./td")] for tr in block.xpath(".//table//tbody/tr")]
        found.append({"id": chart_id, "title": title, "description": description, "caption": _text(caption),
                      "header": rows[0], "rows": [tuple(r) for r in rows[1:]], "table": table, "page": path})
    return found


def check_every_chart(site: Path) -> list[dict]:
    """Each chart's description is the summary of its CSV rows, its table holds those rows, and
    its caption names its scope. Returns the charts checked."""
    checked = []
    for path in sorted(site.rglob("index.html")):
        for chart in charts_on(site, path):
            where = f"{chart['id']} on {path.relative_to(site)}"
            assert chart["description"] == summariser(chart["id"], chart["title"])(chart["rows"]), where
            if chart["table"]:
                assert [[cell.replace(",", "") for cell in row] for row in chart["table"]] == \
                    [list(row) for row in chart["rows"]], where
            assert "Covers: " in chart["caption"], where
            checked.append(chart)
    return checked


def year_sums(rows, year_column: int = 0, amount_column: int = 2) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = {}
    for row in rows:
        sums[row[year_column]] = sums.get(row[year_column], Decimal(0)) + Decimal(row[amount_column])
    return sums


def funding_table_years(doc) -> dict[str, Decimal]:
    """The 'Funding by financial year' totals table of a built funding page: {year: amount}."""
    return {tr.get("data-key"): Decimal(tr.xpath("./td[@data-value]")[0].get("data-value"))
            for tr in doc.xpath("//table[@data-csp-totals='financial_year']//tr[@data-key]")}
