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
