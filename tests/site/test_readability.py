"""Residents read the report cards at a reading age of 10: Flesch-Kincaid grade 5 or below."""

from __future__ import annotations

import datetime as dt

import textstat

from macros.data.validate import load_dataset
from tests.conftest import PROJECT, SHIPPED_TODAY

MAX_GRADE = 5


def test_every_route_description_on_a_report_page_reads_at_grade_5_or_below():
    dataset = load_dataset(PROJECT / "data", dt.date.fromisoformat(SHIPPED_TODAY))
    grades = {(r.id, t.value): textstat.flesch_kincaid_grade(r.words_for(t))
              for r in dataset.all("routes") if r.reachable for t in r.topics}
    assert len(grades) > 20
    hard = {where: grade for where, grade in grades.items() if grade > MAX_GRADE}
    assert not hard, f"rewrite in plainer words (for_residents or for_topic): {hard}"


def main_text(page) -> str:
    """What a resident reads on a report page: the article, without the filters' controls."""
    import lxml.html

    body = lxml.html.parse(str(page)).getroot().cssselect("[data-pagefind-body]")[0]
    for control in body.cssselect("form, select"):
        control.drop_tree()
    return body.text_content()


def test_the_main_text_of_every_report_page_reads_at_grade_5_or_below(shipped_site):
    pages = sorted(shipped_site.glob("report/*/index.html")) + [shipped_site / "report/index.html"]
    grades = {p.parent.name: textstat.flesch_kincaid_grade(main_text(p)) for p in pages}
    assert len(grades) >= 11
    assert not {name: grade for name, grade in grades.items() if grade > MAX_GRADE}, grades
