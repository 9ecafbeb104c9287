"""Campaigns and awareness weeks, newest first."""

from __future__ import annotations

from ..dataset import Dataset
from .common import in_area
from .render import render


def campaign_list(dataset: Dataset, area: str | None = None) -> str:
    campaigns = sorted(in_area(dataset, "campaigns", area), key=lambda c: c.start, reverse=True)
    return render("campaign_list.html", campaigns=campaigns)
