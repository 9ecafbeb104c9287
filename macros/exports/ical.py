"""Campaigns as an iCalendar feed (RFC 5545) that calendar apps can subscribe to.

Reports often date a campaign only to the month; such an event is all-day and spans the whole
month, and its description quotes the report's own words for when it ran.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from macros.data.dataset import Dataset
from macros.model import record_path
from macros.model.campaigns import Campaign


def uid_domain(site_url: str, authority: str | None) -> str:
    """The part after @ in every event's UID: the configured authority's domain (so UIDs survive a
    move of the site), or else the site's host."""
    if authority:
        return authority.split(",", 1)[0]
    return urlsplit(site_url).hostname or "localhost"


def event(dataset: Dataset, site_url: str, stamp: dt.datetime, campaign: Campaign,
          authority: str | None = None) -> Event:
    last = (campaign.end if campaign.end and campaign.end.has_year else campaign.start).last_day
    area = dataset.get("areas", campaign.area)
    lines = [campaign.description or campaign.name]
    if campaign.when:
        lines.append(f"When, as the report puts it: {campaign.when}")
    if campaign.status is not None:
        as_at = dataset.as_at(campaign)
        lines.append(f"Status: {campaign.status.value}" + (f" (as at {as_at.human()})" if as_at else ""))
    item = Event()
    item.add("uid", f"{campaign.id}@{uid_domain(site_url, authority)}")
    item.add("dtstamp", stamp)
    item.add("summary", campaign.name)
    item.add("dtstart", campaign.start.first_day)
    item.add("dtend", last + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
    item.add("description", "\n\n".join(lines))
    item.add("location", area.name)
    item.add("url", site_url + record_path("campaigns", campaign.id))
    names = [dataset.get("priorities", pid).name for pid in campaign.priorities]
    if names:
        item.add("categories", names)
    return item


def calendar(dataset: Dataset, site_name: str, site_url: str, today: dt.date,
             authority: str | None = None) -> bytes:
    feed = Calendar()
    feed.add("prodid", "-//cspsite//Community Safety Partnership campaigns//EN")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", f"{site_name}: campaigns")
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)  # the build date: repeatable output
    for campaign in dataset.all("campaigns"):
        if campaign.start is None or not campaign.start.has_year:
            continue  # a calendar needs a day; an event whose report gives none is left out
        feed.add_component(event(dataset, site_url, stamp, campaign, authority))
    return feed.to_ical()
