"""A source shows where it comes from: publisher, meeting, date, number and the original's link,
or says plainly that the original is not linked."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from macros.data.validate import load_dataset
from macros.model.fields import PartialDate
from macros.site.provenance import NOT_LINKED, facts
from tests.conftest import FIXTURES, html


def test_every_source_page_and_list_entry_names_its_original_or_says_it_is_not_linked(shipped_site):
    listed = html(shipped_site, "sources").xpath("//div[@class='csp-sources']/ul/li")
    assert listed
    for item in listed:
        linked = item.xpath(".//a[normalize-space()='The original document']")
        assert linked or "The original is not linked." in item.text_content(), item.text_content()
    for page in sorted((shipped_site / "sources").glob("*/index.html")):
        [facts_list] = html(page.parent, "").xpath("//dl[contains(@class,'csp-provenance')]")
        words = [" ".join(e.text_content().split()) for e in facts_list.xpath("./dt|./dd")]
        facts_shown = dict(zip(words[::2], words[1::2], strict=True))
        assert {"Published by", "Date", "Original"} <= set(facts_shown), page
        assert facts_shown["Original"].startswith(("https://", "The original is not linked")), page


def test_a_linked_source_links_its_original_and_a_meeting_is_shown_whatever_its_shape():
    dataset = load_dataset(FIXTURES / "minimal" / "data", dt.date(2023, 8, 1))
    publisher = dataset.all("organisations")[0].id
    source = SimpleNamespace(publisher=publisher, committee=None, date=PartialDate.parse("2023-07"),
                             report_number="R/1", url="https://example.org/report.pdf",
                             meeting=SimpleNamespace(name="Cabinet", date=dt.date(2023, 7, 4)))
    shown = {f.label: f for f in facts(dataset, source)}
    assert shown["Original"].href == "https://example.org/report.pdf"
    assert shown["Meeting"].text == "Cabinet, 4 July 2023" and shown["Date"].text == "July 2023"
    bare = SimpleNamespace(publisher=None, date=None, url=None)  # fields a report may not give
    assert [(f.label, f.text) for f in facts(dataset, bare)] == [("Original", NOT_LINKED)]
