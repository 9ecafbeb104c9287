"""Journalists' checks on the built site: totals add up, exports validate, figures cite sources."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import lxml.html
from icalendar import Calendar
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from macros.data.validate import load_dataset
from tests.conftest import PROJECT, SHIPPED_TODAY, build, html, page

STANDARD = PROJECT / "tests" / "standards" / "360giving"  # vendored, CC BY 4.0: see SOURCE.txt
GRANT_SCHEMA_URL = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json"


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / name).read_text(encoding="utf-8"), newline="")))


def money(text: str) -> Decimal:
    """The figure of '£526,527' or '£526,527 and 1 of unstated amount'."""
    return Decimal(re.match(r"\s*£([0-9,]+(?:\.[0-9]+)?)", text).group(1).replace(",", ""))


def unstated(text: str) -> int:
    found = re.search(r"and ([0-9]+) of unstated amount", text)
    return int(found.group(1)) if found else 0


def test_every_total_on_the_funding_page_is_the_sum_of_its_rows_in_the_csv(shipped_site):
    rows = read_csv(shipped_site, "funded-projects.csv")
    doc = html(shipped_site, "funding")
    tables = doc.xpath("//table[@data-csp-totals]")
    assert {t.get("data-csp-totals") for t in tables} == {"financial_year", "priorities", "funder", "area"}
    checked = 0
    for table in tables:
        column = table.get("data-csp-totals")
        for tr in table.xpath(".//tr[@data-key]"):
            key = tr.get("data-key")
            matching = [r for r in rows if (key in r[column].split("; ") if key else not r[column])]
            amount_cell = tr.xpath("./td[@data-value]")[0]
            shown = money(amount_cell.text_content())  # the figure a reader sees
            assert shown == sum(Decimal(r["amount"]) for r in matching if r["amount"]), (column, key)
            no_amount = sum(not r["amount"] for r in matching)
            assert unstated(amount_cell.text_content()) == no_amount, (column, key)
            assert int(tr.xpath("./td")[0].text_content()) == len(matching), (column, key)
            checked += 1
    assert checked >= 10
    # The explorer holds every project on one page, or (when they do not fit) one financial year per
    # page: each page's table and total are its years' rows of the file and their rows of the
    # all-years totals, and the pages together hold the whole file.
    years = {tr.get("data-key"): money(tr.xpath("./td[@data-value]")[0].text_content())
             for tr in doc.xpath("//table[@data-csp-totals='financial_year']//tr[@data-key]")}
    assert sum(years.values()) == sum(Decimal(r["amount"]) for r in rows if r["amount"])
    others = [posixpath.normpath(posixpath.join("funding", href))
              for href in doc.xpath("//nav[@class='csp-years']//a/@href")]
    assert len(others) in (0, len(years) - 1)
    listed = 0
    for path in ["funding", *others]:
        explorer = html(shipped_site, path).xpath("//div[@data-csp-explorer]//table")[0]
        shown = set(explorer.xpath(".//tbody/tr/@data-year"))
        mine = [r for r in rows if r["financial_year"] in shown]
        if len(shown) == 1:
            assert next(iter(shown)) in explorer.xpath("string(caption)"), "a year's page says which year"
        assert len(explorer.xpath(".//tbody/tr")) == len(mine), path
        total = money(explorer.xpath(".//td[@data-csp-total]")[0].text_content())
        stated = sum(Decimal(r["amount"]) for r in mine if r["amount"])
        assert total == stated == sum(years[y] for y in shown), path
        listed += len(mine)
    assert listed == len(rows)


def test_pots_show_allocated_spent_and_remaining_as_reported(shipped_site):
    rows = {r["id"]: r for r in read_csv(shipped_site, "funding-pots.csv")}
    doc = html(shipped_site, "funding")
    for tr in doc.xpath("//div[contains(@class,'csp-pots')]//tbody/tr"):
        pot = rows[tr.xpath("./th/a/@href")[0].rstrip("/").split("/")[-1]]
        cells = [" ".join(td.text_content().split()) for td in tr.xpath("./td")]
        allocated, spent, remaining = cells[1:4]
        assert money(allocated.split()[0]) == Decimal(pot["allocated"])
        for shown, field in ((spent, "spent"), (remaining, "remaining")):
            expected = "Not reported" if not pot[field] else f"£{Decimal(pot[field]):,}"
            assert shown.startswith(expected), (pot["id"], field, shown)
    assert any(r["spent"] == "0" and r["allocated"] == "16500" for r in rows.values()), \
        "the unspent £16,500 criminal exploitation pot is missing"


def test_the_360giving_package_validates_against_the_shared_schema(shipped_site):
    package = json.loads((shipped_site / "data" / "360giving.json").read_text(encoding="utf-8"))
    schema = json.loads((STANDARD / "360-giving-package-schema.json").read_text(encoding="utf-8"))
    grant_schema = json.loads((STANDARD / "360-giving-schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource(GRANT_SCHEMA_URL, Resource(grant_schema, DRAFT202012))
    validator = jsonschema.Draft202012Validator(schema, registry=registry,
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(package)] == []
    rows = read_csv(shipped_site, "funded-projects.csv")
    # Only projects with every fact 360Giving requires; the others are listed in its description.
    complete = [r for r in rows if r["amount"] and r["award_date"] and r["funder"] and r["recipient"]]
    assert [g["id"] for g in package["grants"]] == [f"360G-suffolk-csps-{r['id']}" for r in complete]
    assert all(r["id"] in package["description"] for r in rows if r not in complete)
    assert sum(Decimal(str(g["amountAwarded"])) for g in package["grants"]) == sum(
        Decimal(r["amount"]) for r in complete)
    # The check can fail: a month-only date is not a 360Giving awardDate.
    broken = dict(package, grants=[dict(package["grants"][0], awardDate="2019-07")])
    assert list(validator.iter_errors(broken))


def test_frictionless_validates_the_data_package(shipped_site, tmp_path):
    run = subprocess.run([str(Path(sys.executable).parent / "frictionless"), "validate", "--json",
                          "datapackage.json"], cwd=shipped_site / "data", capture_output=True, text=True)
    report = json.loads(run.stdout)
    assert report["valid"], json.dumps(report["tasks"], indent=1)[:3000]
    assert len(report["tasks"]) == 12  # a table per record type, and the two one-file downloads
    # A broken reference is caught: a project funded by an organisation that does not exist.
    copy = tmp_path / "data"
    shutil.copytree(shipped_site / "data", copy)
    projects = (copy / "funded-projects.csv").read_text(encoding="utf-8")
    (copy / "funded-projects.csv").write_text(
        projects.replace(",suffolk-public-sector-leaders,", ",nobody-at-all,", 1), encoding="utf-8")
    run = subprocess.run([str(Path(sys.executable).parent / "frictionless"), "validate", "--json",
                          "datapackage.json"], cwd=copy, capture_output=True, text=True)
    assert not json.loads(run.stdout)["valid"]


def test_csv_and_json_hold_every_published_record(shipped_site):
    dataset = load_dataset(PROJECT / "data", __import__("datetime").date.fromisoformat(SHIPPED_TODAY))
    for record_type in dataset.records:
        rows = read_csv(shipped_site, f"{record_type}.csv")
        records = json.loads((shipped_site / "data" / f"{record_type}.json").read_text(encoding="utf-8"))
        expected = [r.id for r in dataset.all(record_type)]
        assert [r["id"] for r in rows] == expected
        assert [r["id"] for r in records] == expected
        assert all("visibility" not in r for r in records)
        for row in rows:
            assert (shipped_site / row["page"].lstrip("/") / "index.html").exists(), row["page"]


def test_the_calendar_holds_every_public_campaign_with_its_dates(shipped_site):
    calendar = Calendar.from_ical((shipped_site / "data" / "campaigns.ics").read_bytes())
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    # Every campaign whose report dates its start with a year; a calendar cannot hold the others.
    rows = [r for r in read_csv(shipped_site, "campaigns.csv") if r["start_earliest"]]
    assert set(events) == {r["id"] for r in rows}
    for row in rows:
        event = events[row["id"]]
        assert str(event["SUMMARY"]) == row["name"]
        assert event.decoded("DTSTART").isoformat().startswith(row["start"])
        assert event.decoded("DTEND") > event.decoded("DTSTART")


def test_every_table_has_a_download_link_beside_it_that_works(shipped_site):
    pages = [p for p in shipped_site.rglob("index.html")]
    tables = 0
    for path in pages:
        doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
        for table in doc.xpath("//article//table"):
            tables += 1
            links = []
            for box in (table.getparent(), table.getparent().getparent()):  # a wide table has a scroll box
                links = box.xpath(".//p[contains(@class,'csp-download')]//a/@href") + box.xpath(
                    ".//figcaption//a[@download]/@href")
                if links:
                    break
            assert links, f"a table on {path.relative_to(shipped_site)} has no download link"
            target = urlsplit(urljoin(f"/{path.parent.relative_to(shipped_site).as_posix()}/", links[0])).path
            assert (shipped_site / unquote(target).lstrip("/")).is_file(), (path, links[0])
    assert tables > 100


def test_a_table_download_is_the_table_as_shown(shipped_site):
    path = sorted((shipped_site / "priorities").glob("*/index.html"))[0]
    doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    first = doc.xpath("//article//table[not(@data-csp-download)]")[0]
    link = first.getparent().xpath(".//p[contains(@class,'csp-download')]//a/@href")[0]
    rows = list(csv.reader(io.StringIO((path.parent / link).read_text(encoding="utf-8"))))
    headings = [" ".join(th.text_content().split()) for th in first.xpath(".//thead//th")]
    assert rows[0] == headings
    assert len(rows) == len(first.xpath(".//tr"))
    cells = [" ".join(td.text_content().split()) for td in first.xpath(".//tbody/tr[1]/td")]
    assert rows[1] == cells


def test_every_figure_on_a_record_page_links_to_its_source_entry(shipped_site):
    checked = 0
    for path in shipped_site.glob("*/*/index.html"):
        doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
        article = doc.xpath("//article")[0]
        for figure in article.xpath(".//*[contains(@class,'csp-figure')]"):
            cites = figure.xpath(".//a[contains(@class,'csp-cite')]/@href")
            assert cites, f"{path}: figure {figure.text_content()!r} has no source link"
            for href in cites:
                where = urlsplit(urljoin(f"/{path.parent.relative_to(shipped_site).as_posix()}/", href))
                target = shipped_site / where.path.lstrip("/") / "index.html"
                assert target.exists(), (path, href)
                assert lxml.html.fromstring(target.read_text(encoding="utf-8")).get_element_by_id(
                    where.fragment) is not None, (path, href)
            checked += 1
        # Every number in a fact list or a numeric column is such a figure, or a sum we computed.
        for cell in article.xpath(".//dd | .//td[contains(@class,'csp-num')]"):
            words = cell.text_content().split()
            numeric = cell.tag == "td" and words and words[0].replace(",", "").replace(".", "").isdigit()
            if words and (words[0].startswith("£") or numeric):
                assert cell.xpath(".//*[contains(@class,'csp-figure') or contains(@class,'csp-derived')]"), \
                    f"{path}: {cell.text_content()!r} has no source link"
    assert checked > 100


def test_record_pages_carry_schema_org_json_ld(shipped_site):
    def ld(path):
        scripts = html(shipped_site, path).xpath("//script[@type='application/ld+json']/text()")
        assert len(scripts) == 1, path
        return json.loads(scripts[0])

    rows = {r["id"]: r for r in read_csv(shipped_site, "funded-projects.csv")}
    grant = ld("funding/es-alterego-county-lines-theatre-production-2019")
    assert grant["@type"] == "MonetaryGrant"
    theatre = rows["es-alterego-county-lines-theatre-production-2019"]
    assert Decimal(str(grant["amount"]["value"])) == Decimal(theatre["amount"])
    assert grant["funder"]["name"] == "Suffolk Public Sector Leaders"
    campaign = read_csv(shipped_site, "campaigns.csv")[0]
    event = ld(f"campaigns/{campaign['id']}")
    assert (event["@type"], event["name"]) == ("Event", campaign["name"])
    assert event["startDate"] == campaign["start"]
    councils = [r for r in read_csv(shipped_site, "organisations.csv") if r["kind"] == "council"]
    assert ld(f"organisations/{councils[0]['id']}")["@type"] == "GovernmentOrganization"


def test_data_text_cannot_break_out_of_json_ld_or_run_in_a_spreadsheet(minimal_data, tmp_path):
    # Tags are refused by the validator; what may pass is text with <, > and & and a formula.
    projects = minimal_data / "funded-projects" / "test.yml"
    text = projects.read_text(encoding="utf-8")
    hostile = "=SUM(A1:A9) & 1 < 2 > 0"
    assert "  title: " in text
    text = text.replace("  title: ", f"  title: '{hostile}'\n  description: ", 1)
    projects.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    run = build(minimal_data, site)
    assert run.returncode == 0, run.stdout + run.stderr
    rows = read_csv(site, "funded-projects.csv")
    assert rows[0]["title"] == "'" + hostile  # a spreadsheet shows it instead of running it
    [element] = html(site, f"funding/{rows[0]['id']}").cssselect('script[type="application/ld+json"]')
    script = element.text  # a script's text is raw: what the browser's JSON parser would read
    assert "<" not in script and ">" not in script  # escaped, so no data can close the element
    assert json.loads(script)["name"] == hostile


def test_the_licence_is_stated_on_every_page_and_in_the_package(shipped_site):
    assert "Open Government Licence v3.0" in page(shipped_site, "")
    assert "Open Government Licence v3.0" in page(shipped_site, "data")
    package = json.loads((shipped_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "OGL-UK-3.0"


def test_the_sources_pages_list_each_document_and_every_record_that_cites_it(shipped_site):
    """The sources list gives each document (by year) and how many records cite it; the document's
    own page lists every one of them."""
    dataset = load_dataset(PROJECT / "data", __import__("datetime").date.fromisoformat(SHIPPED_TODAY))
    first = html(shipped_site, "sources")
    pages = [first, *(html(shipped_site, posixpath.normpath(posixpath.join("sources", href)))
                      for href in first.xpath("//nav[@class='csp-years']//a/@href"))]
    for source in dataset.all("sources"):
        entry = next(e for p in pages for e in p.xpath(f'//li[@id="{source.id}"]'))
        records = {(kind, record.id) for _, kind, record in dataset.citing(source.id)}  # one per record
        assert f"Cited by {len(records)} record" in entry.text_content(), source.id
        citing = {record_id for _, record_id in records}
        own = html(shipped_site, f"sources/{source.id}")
        listed = {href.rstrip("/").split("/")[-1] for href in own.xpath("//section//li//a/@href")}
        assert citing and citing <= listed, source.id
