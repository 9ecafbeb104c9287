"""360Giving's data-quality checks, written as tests (lib360dataquality is not on the package
index): organisation identifiers from a register wherever the data holds one, award dates inside
their financial year, places with their area codes, Last Modified and Data Source on every grant."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from macros.changes.changelog import build_changelog
from macros.data.validate import load_dataset
from macros.exports.grants360 import fallback_id
from macros.model.fields import financial_year_of
from macros.model.fields.registers import REGISTERS, parse_gss_code, parse_org_id
from tests.conftest import PROJECT, SHIPPED_TODAY

TODAY = dt.date.fromisoformat(SHIPPED_TODAY)
PREFIX = "suffolk-csps"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(PROJECT / "data", TODAY)


@pytest.fixture(scope="module")
def grants(shipped_site):
    return json.loads((shipped_site / "data" / "360giving.json").read_text(encoding="utf-8"))["grants"]


def _projects(dataset, grants):
    by_id = {p.id: p for p in dataset.all("funded-projects")}
    return [(g, by_id[g["id"].removeprefix(f"360G-{PREFIX}-")]) for g in grants]


def test_no_funder_or_recipient_uses_the_fallback_where_the_data_holds_a_register_identifier(dataset, grants):
    for grant, project in _projects(dataset, grants):
        named = [("fundingOrganization", project.funder)]
        if project.recipient:
            named.append(("recipientOrganization", project.recipient))
        for field, org_id in named:
            org = dataset.get("organisations", org_id)
            expected = org.identifier or fallback_id(PREFIX, org.id)
            assert [o["id"] for o in grant[field]] == [expected], (grant["id"], field)
    used = {o["id"] for g in grants for f in ("fundingOrganization", "recipientOrganization") for o in g[f]}
    assert "GB-CHC-1108687" in used  # Crimestoppers, paid by East Suffolk CSP, by its charity number
    registered = [o for o in dataset.all("organisations") if o.identifier]
    assert len(registered) >= 3 and all(o.identifier.rsplit("-", 1)[0] in REGISTERS for o in registered)


def test_no_award_date_falls_outside_its_financial_year(dataset, grants):
    for grant, project in _projects(dataset, grants):
        day = dt.date.fromisoformat(grant["awardDate"])
        if project.financial_year:
            assert financial_year_of(day) == project.financial_year, grant["id"]
        assert project.award_date.first_day <= day <= project.award_date.last_day, grant["id"]
        if project.award_date.precision != "day":
            assert "Approximate date" in grant["description"], grant["id"]
    # The refuge grant names no recipient, which 360Giving requires: left out, never given one.
    assert not [g for g in grants if g["id"].endswith("specialist-refuge-satellite-accommodation")]


def test_places_carry_their_area_codes_where_the_areas_have_them(dataset, grants):
    for grant, project in _projects(dataset, grants):
        area = dataset.get("areas", project.area)
        coded = [a for a in dataset.all("areas") if a.gss_code and a.id in (area.id, *(
            c.id for c in dataset.all("areas") if c.parent == area.id))]
        codes = {loc.get("geoCode") for loc in grant["beneficiaryLocation"]}
        assert codes == ({a.gss_code for a in coded} if coded else {None}), grant["id"]
        for loc in grant["beneficiaryLocation"]:
            if loc.get("geoCode"):
                assert loc["geoCodeType"] in {"NMD", "CTY", "UA"}, loc
    east = [g for g, p in _projects(dataset, grants) if p.area == "east-suffolk-csp"]
    assert east and all(g["beneficiaryLocation"][0]["geoCode"] == "E07000244" for g in east)


def test_every_grant_has_a_data_source_and_its_last_change_in_the_data_history(dataset, grants):
    changed = build_changelog(PROJECT / "data", TODAY).last_changed()
    for grant, project in _projects(dataset, grants):
        assert grant["dataSource"].startswith(("https://", "http://")), grant["id"]
        entry = changed.get(("funded-projects", project.id))
        if entry is None:  # a copy without git history: no Last Modified rather than a made-up one
            assert "dateModified" not in grant
            continue
        assert dt.datetime.fromisoformat(grant["dateModified"]) == entry.date.replace(microsecond=0)


@pytest.mark.parametrize("bad", ["GB-XYZ-123", "360G-x-org-y", "GB-CHC"])
def test_an_identifier_from_a_register_this_site_does_not_know_is_refused(bad):
    with pytest.raises(Exception, match="register|not an organisation identifier"):
        parse_org_id(bad)
    assert parse_org_id("GB-COH-01234567") == "GB-COH-01234567"


def test_an_area_code_must_be_an_ons_code():
    assert parse_gss_code("E07000244") == "E07000244"
    with pytest.raises(Exception, match="not an ONS area code"):
        parse_gss_code("E0700024")


def test_the_data_page_says_how_many_organisations_carry_a_register_identifier(dataset, grants, shipped_site):
    import re

    import lxml.html

    named = {o["id"] for g in grants for f in ("fundingOrganization", "recipientOrganization") for o in g[f]
             if "-unnamed-recipient-" not in o["id"]}  # a recipient no report names: not an organisation
    registered = {i for i in named if not i.startswith("360G-")}
    words = lxml.html.fromstring((shipped_site / "data" / "index.html").read_bytes()).text_content()
    said = re.search(r"organisations with a register identifier: (\d+) of the (\d+) that fund or "
                     r"receive these projects", " ".join(words.split()))
    assert said, "the open data page does not say how many organisations have a register identifier"
    assert (int(said.group(1)), int(said.group(2))) == (len(registered), len(named))
    assert len(registered) >= 1
