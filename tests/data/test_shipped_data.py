"""The shipped Suffolk data: valid, complete, cited, and free of officers' personal details."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from macros.data.validate import validate
from macros.model.fields import EMAIL_RE
from tests.conftest import GOLDEN_DIR, PROJECT

DATA = PROJECT / "data"
TODAY = dt.date(2026, 11, 21)

# Officers and councillors the source reports name. Their names, e-mail addresses and phone
# numbers must never be published: leads are organisations and roles.
PEOPLE = [
    "Catterwell", "Heys", "Humphrey", "Khan", "Rickard", "Sanderson", "Baldwin", "Mullett",
    "Frangleton", "Carney", "Prosser", "Dickinson", "Begum", "Jackson", "Tucker", "Moir", "Cutler",
    "Crompton", "Whiting", "Sasha", "Howes", "Everitt", "Welham", "Ninnmey", "Stella", "Joss",
]
PHONE_NUMBERS_OF_OFFICERS = ["07766 998074", "07711 065086", "01284 769000", "01284 757070"]


@pytest.fixture(scope="module")
def result():
    return validate(DATA, TODAY)


@pytest.fixture(scope="module")
def dataset(result):
    assert result.ok, "\n".join(str(p) for p in result.problems)
    return result.dataset


def test_shipped_data_validates(result):
    assert result.ok, "\n".join(str(p) for p in result.problems if p.severity.value == "error")


def test_east_suffolk_funded_projects_are_the_15_in_the_report_totalling_26527(dataset):
    projects = [p for p in dataset.all("funded-projects") if p.pot == "es-core-funding"]
    assert len(projects) == 15
    assert sum((p.amount for p in projects), Decimal(0)) == Decimal(26527)
    assert sorted(int(p.amount) for p in projects) == sorted(
        [420, 8700, 400, 1070, 812, 500, 450, 400, 480, 1050, 225, 1050, 8970, 400, 1600])


def test_other_funding_named_in_the_reports(dataset):
    pots = {p.id: p for p in dataset.all("funding-pots")}
    assert pots["es-core-funding"].allocated == 3 * 9783
    assert pots["es-criminal-exploitation-pot"].allocated == 16500
    assert pots["es-criminal-exploitation-pot"].spent == 0
    assert any(p.amount == 500000 for p in dataset.all("funded-projects"))  # satellite refuge beds


def test_east_suffolk_action_plan_has_3_themes_and_8_priorities(dataset):
    used = {a.priority for a in dataset.all("actions") if a.area == "east-suffolk-csp"}
    kinds = [dataset.get("priorities", p).kind.value for p in used]
    assert kinds.count("theme") == 3
    assert kinds.count("priority") == 8


def test_county_lines_became_criminal_exploitation_in_2021(dataset):
    history = {h.year: h.name for h in dataset.get("priorities", "ws-criminal-exploitation").history}
    assert history["2018/19"] == "County Lines"
    assert history["2021/22"] == "Criminal Exploitation"


def test_every_partnership_has_priorities(dataset):
    areas = {p.area for p in dataset.all("priorities")}
    assert {"western-suffolk-csp", "east-suffolk-csp", "suffolk"} <= areas


def test_every_record_cites_a_source(dataset):
    for name, records in dataset.records.items():
        if name == "sources":
            continue
        for record in records:
            assert record.sources, f"{name}/{record.id} cites no source"
            for citation in record.sources:
                assert dataset.find("sources", citation.document), citation


def _data_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.yml")))


@pytest.mark.parametrize("name", PEOPLE)
def test_no_officer_is_named(name: str):
    assert not re.search(rf"\b{name}\b", _data_text()), f"{name} appears in data/"


def test_no_officer_phone_numbers_or_personal_addresses():
    text = _data_text()
    for number in PHONE_NUMBERS_OF_OFFICERS:
        assert number not in text and number.replace(" ", "") not in text
    for address in EMAIL_RE.findall(text):
        assert not re.match(r"^[a-z]+\.[a-z]+@", address, re.IGNORECASE), address


def test_counts_are_pinned(result, golden):
    counts = "".join(f"{name}: {count}\n" for name, count in result.counts.items())
    golden(GOLDEN_DIR / "shipped-counts.txt", counts)


def test_shipped_site_builds_strict_with_every_link_resolving(tmp_path: Path):
    from tests.conftest import build
    from tests.site.test_build import broken_links

    run = build(DATA, tmp_path / "site", today=TODAY.isoformat())
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    site = tmp_path / "site"
    assert broken_links(site) == []
    funding = (site / "funding" / "index.html").read_text(encoding="utf-8")
    # Few enough to fit one page: every year in the explorer, and the totals agree (incl. the £500,000
    # refuge grant)
    assert "Total (17 projects)" in funding and "£526,527 and 1 of unstated amount" in funding
    assert not (site / "funding" / "years").exists()
    core_pot = (site / "funding-pots" / "es-core-funding" / "index.html").read_text(encoding="utf-8")
    assert "£26,527" in core_pot and "£29,349" in core_pot  # paid from, and allocated to, the pot
    assert (site / "priorities" / "ws-criminal-exploitation" / "index.html").exists()
