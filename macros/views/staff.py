"""The staff guide's list of validation messages, generated from the validator's own rule table."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from ..messages import RULES
from .render import render


def validation_rules(dataset: Dataset, links: Links) -> str:
    """Every rule the validator applies: what it means and how to fix it. Never falls behind."""
    return render("staff_rules.html", rules=sorted(RULES.items()))
