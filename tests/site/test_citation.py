"""'Cite this' on record pages, charts and the open data: the site, what is cited, its permanent
address, the report it comes from and the date the data was published."""

from __future__ import annotations

import yaml

from tests.conftest import PROJECT, html

SITE = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["site_name"]


def _citations(doc) -> list[str]:
    return [" ".join(p.text_content().split()) for p in doc.xpath("//details[@class='csp-cite-this']/p")]


def test_a_record_page_can_be_cited_with_its_address_and_its_report(shipped_site):
    path = "funding/es-alterego-county-lines-theatre-production-2019"
    [text] = _citations(html(shipped_site, path))
    assert text.startswith(f"{SITE}, “") and f"/{path}/" in text and "(funded project)" in text
    assert "East Suffolk Crime & Disorder Committee" in text and "section " in text
    assert "Open Government Licence v3.0; data as published on 21 November 2026." in text


def test_charts_and_the_open_data_can_be_cited(shipped_site):
    funding = _citations(html(shipped_site, "funding"))
    assert any("“Funding by financial year and priority” (chart; covers: 15 of the 17 funded projects" in t
               and "data/charts/funding-by-year.csv" in t for t in funding)
    [data] = _citations(html(shipped_site, "data"))
    assert data.startswith(f"{SITE}, open data") and data.rstrip(".").endswith("21 November 2026")
