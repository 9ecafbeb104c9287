"""Feed and calendar ids come from a configured permanent authority (mkdocs.yml
extra.open_data.authority), not from the host: the same whichever SITE_URL the site is built with."""

from __future__ import annotations

import datetime as dt
import re

import feedparser
import pytest
from icalendar import Calendar

from macros.changes.changelog import build_changelog
from macros.data.validate import load_dataset
from macros.exports.files import SiteInfo, open_data_files
from tests.conftest import FIXTURES, PROJECT
from tests.data_repo import make_data_repo

TODAY = dt.date(2023, 8, 1)
AUTHORITY = "csp.example.org,2023-08"


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return make_data_repo(tmp_path_factory.mktemp("repo"))


def _ids(repo, site_url: str, authority: str = AUTHORITY) -> tuple[list[str], list[str]]:
    dataset = load_dataset(FIXTURES / "minimal" / "data", TODAY)  # the repo's last commit has no campaign
    changelog = build_changelog(repo / "data", TODAY)
    site = SiteInfo("Testshire CSP", site_url, "test", TODAY, authority)
    files = open_data_files(dataset, changelog, site, lambda entry, url, live: "<p>changed</p>",
                            lambda entry: f"changes/#change-{entry.short}")
    feed = feedparser.parse(files["changes/feed.xml"])
    calendar = Calendar.from_ical(files["data/campaigns.ics"])
    return ([feed.feed.id, *(e.id for e in feed.entries)],
            [str(e["UID"]) for e in calendar.walk("VEVENT")])


def test_feed_and_calendar_ids_are_the_same_with_two_different_site_urls(repo):
    feed_a, uids_a = _ids(repo, "https://csp.example.org/")
    feed_b, uids_b = _ids(repo, "https://testshire.github.io/csp-site/")
    assert feed_a == feed_b and uids_a == uids_b
    assert len(feed_a) == 4 and uids_a
    assert all(re.fullmatch(r"tag:csp\.example\.org,2023-08:changes(/[0-9a-f]{40})?", i) for i in feed_a)
    assert all(uid.endswith("@csp.example.org") for uid in uids_a)
    # The check can fail: without an authority, ids follow the host.
    assert _ids(repo, "https://a.example/", "")[0] != _ids(repo, "https://b.example/", "")[0]


def test_the_shipped_site_configures_its_authority():
    import yaml

    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    authority = config["extra"]["open_data"]["authority"]
    assert re.fullmatch(r"[a-z0-9.-]+\.[a-z]+,\d{4}(-\d{2}(-\d{2})?)?", authority)
