"""Campaigns and awareness weeks, newest first."""

from __future__ import annotations

from ..dataset import Dataset
from ..links import Links
from .common import in_area
from .render import render


def campaign_list(dataset: Dataset, links: Links, area: str | None = None) -> str:
    campaigns = sorted(in_area(dataset, "campaigns", area), key=lambda c: c.start, reverse=True)
    return render("campaign_list.html", links=links, campaigns=campaigns)
