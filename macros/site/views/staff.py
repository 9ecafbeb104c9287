"""The staff guide's list of validation messages, generated from the rule catalogue."""

from __future__ import annotations

from macros.data.dataset import Dataset
from macros.model.catalogue import Rule
from macros.site.links import Links
from macros.site.render import render
from macros.site.views import view


@view()
def validation_rules(dataset: Dataset, links: Links) -> str:
    """Every rule the validator applies: what it means and how to fix it. Never falls behind."""
    return render("staff_rules.html", rules=sorted(Rule, key=lambda rule: rule.value))
