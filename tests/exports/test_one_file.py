"""The one-file downloads: a SQLite database that reproduces every total on the site by SQL, and
an XLSX workbook with a sheet per record type, both listed on /data/ and in datapackage.json."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from macros.data.validate import load_dataset
from macros.exports.records import columns
from macros.exports.workbook import workbook
from macros.figures import charts
from macros.figures.tables import funding_totals
from macros.model import RECORD_TYPES
from tests.conftest import PROJECT, SHIPPED_TODAY, html

TODAY = dt.date.fromisoformat(SHIPPED_TODAY)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(PROJECT / "data", TODAY)


@pytest.fixture
def db(shipped_site):
    # As Datasette opens a file it is given with -i: read-only and unchanging.
    path = shipped_site / "data" / "all-records.sqlite"
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    yield connection
    connection.close()


def pennies(value) -> Decimal:
    """None (SQL's sum of amounts none of which is stated) is no money: £0.00."""
    return Decimal(str(value if value is not None else 0)).quantize(Decimal("0.01"))


SQL_BY_COLUMN = {
    "financial_year": "SELECT financial_year, COUNT(*), SUM(amount) FROM funded_projects GROUP BY 1",
    "funder": "SELECT funder, COUNT(*), SUM(amount) FROM funded_projects GROUP BY 1",
    "area": "SELECT area, COUNT(*), SUM(amount) FROM funded_projects GROUP BY 1",
    "priorities": """SELECT COALESCE(l.priorities_id, ''), COUNT(*), SUM(p.amount) FROM funded_projects p
                     LEFT JOIN funded_projects_priorities l ON l.funded_projects_id = p.id GROUP BY 1""",
}


def test_the_database_reproduces_every_funding_total_by_sql(db, dataset, shipped_site):
    areas = [None, *{p.area for p in dataset.all("funded-projects")}]
    checked = 0
    for area in areas:
        for table in funding_totals(dataset, area):
            sql = SQL_BY_COLUMN[table.column]
            if area:
                sql = sql.replace("GROUP BY", f"WHERE {'p.' if 'JOIN' in sql else ''}area = ? GROUP BY")
            found = {key or "": (count, pennies(amount))  # NULL: a fact the report does not state
                     for key, count, amount in db.execute(sql, (area,) if area else ())}
            expected = {row.key: (row.projects, pennies(row.amount)) for row in table.rows}
            assert found == expected, (area, table.id)
            checked += len(table.rows)
    assert checked >= 20
    # The figures a reader sees on /funding/ are the same again.
    rows = html(shipped_site, "funding").xpath("//table[@data-csp-totals='funder']//tr[@data-key]")
    shown = {tr.get("data-key"): pennies(tr.xpath("./td[@data-value]")[0].get("data-value")) for tr in rows}
    assert shown == {key: pennies(amount) for key, _, amount in db.execute(SQL_BY_COLUMN["funder"])}


def test_the_database_reproduces_the_pots_and_the_charts_totals(db, dataset):
    for pot in dataset.all("funding-pots"):
        paid = db.execute("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM funded_projects WHERE pot = ?",
                          (pot.id,)).fetchone()
        projects = dataset.referrers("funding-pots", pot.id, of_type="funded-projects")
        assert (paid[0], pennies(paid[1])) == (len(projects), pennies(sum(p.amount for p in projects)))
    status = charts.action_status(dataset)
    by_sql = db.execute("SELECT status, COUNT(*) FROM actions GROUP BY 1 ORDER BY 1").fetchall()
    assert [(s.capitalize(), n) for s, n in by_sql] == list(status.rows)
    funding = charts.funding_by_year(dataset)
    years: dict[str, Decimal] = {}
    for year, _, amount in funding.rows:
        years[year] = years.get(year, Decimal(0)) + pennies(amount)
    assert years == {y: pennies(a) for y, a in db.execute(
        "SELECT financial_year, SUM(amount) FROM funded_projects WHERE financial_year IS NOT NULL "
        "GROUP BY 1")}  # the chart leaves out a project whose report gives no year


def test_the_database_has_a_table_per_type_with_primary_and_foreign_keys(db, dataset):
    for record_type in RECORD_TYPES:
        table = record_type.replace("-", "_")
        info = db.execute(f'PRAGMA table_info("{table}")').fetchall()
        assert [row[1] for row in info] == [c.name for c in columns(record_type)]
        assert [row[1] for row in info if row[5]] == ["id"]  # the primary key
        assert db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] == len(dataset.all(record_type))
    keys = {(row[2], row[3]) for row in db.execute("PRAGMA foreign_key_list(funded_projects)")}
    assert {("organisations", "funder"), ("areas", "area"), ("funding_pots", "pot")} <= keys
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    kind = db.execute("SELECT typeof(amount) FROM funded_projects LIMIT 1").fetchone()[0]
    assert kind in ("integer", "real")


def test_the_workbook_opens_with_a_sheet_per_type_after_an_about_sheet(shipped_site, dataset):
    book = load_workbook(shipped_site / "data" / "all-records.xlsx", read_only=True)
    assert book.sheetnames == ["About", *RECORD_TYPES]
    about = [[c for c in row if c is not None] for row in book["About"].iter_rows(values_only=True)]
    words = " ".join(str(c) for row in about for c in row)
    assert "Open Government Licence v3.0" in words and SHIPPED_TODAY in words
    assert all(source.id in words for source in dataset.all("sources"))
    for record_type in RECORD_TYPES:
        rows = list(book[record_type].iter_rows(values_only=True))
        assert list(rows[0]) == [c.name for c in columns(record_type)]
        assert [r[0] for r in rows[1:]] == [r.id for r in dataset.all(record_type)]
    projects = list(book["funded-projects"].iter_rows(values_only=True))
    amount = projects[0].index("amount")
    assert sum(Decimal(str(r[amount])) for r in projects[1:] if r[amount] is not None) == sum(
        p.amount for p in dataset.all("funded-projects") if p.amount is not None)
    # A stated award date, at any precision, is also its earliest day; an unstated one stays empty.
    stated, earliest = projects[0].index("award_date"), projects[0].index("award_date_earliest")
    assert any(r[stated] is None for r in projects[1:]) and any(r[stated] for r in projects[1:])
    for r in projects[1:]:
        assert isinstance(r[earliest], dt.datetime | dt.date) if r[stated] else r[earliest] is None, r[0]


def test_a_formula_in_the_data_stays_words_in_the_workbook(minimal_data):
    projects = minimal_data / "funded-projects" / "test.yml"
    projects.write_text(projects.read_text(encoding="utf-8").replace(
        "  title: ", "  title: '=HYPERLINK(\"https://example.org\")'\n  description: ", 1), encoding="utf-8")
    dataset = load_dataset(minimal_data, dt.date(2023, 8, 1))
    book = load_workbook(io.BytesIO(workbook(dataset, "Test", "https://x.example/", dt.date(2023, 8, 1))))
    sheet = book["funded-projects"]
    title = [c for c in sheet[1] if c.value == "title"][0].column
    cell = sheet.cell(row=2, column=title)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_both_files_are_linked_from_the_data_page_and_described_in_the_package(shipped_site):
    links = html(shipped_site, "data").xpath("//a/@href")
    assert any(h.endswith("all-records.xlsx") for h in links) and any(h.endswith("all-records.sqlite")
                                                                       for h in links)
    package = json.loads((shipped_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    assert described["all-records.xlsx"]["description"] and described["all-records.sqlite"]["description"]
