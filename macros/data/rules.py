"""Checks that span records: unique ids, references that resolve, totals, freshness."""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
from collections import defaultdict
from decimal import Decimal

from macros.data.honesty import check_placeholders, check_source_urls
from macros.data.load import RawRecord
from macros.data.parse import Parsed, field_name, partial_record
from macros.data.problems import Problem, Severity
from macros.data.replaced import check_replaces
from macros.data.unfinished import check_unfinished
from macros.model import RECORD_TYPES
from macros.model.actions import Status
from macros.model.areas import PARENT_KIND, AreaKind
from macros.model.campaigns import CampaignStatus
from macros.model.catalogue import Rule, shown
from macros.model.fields import quarter_bounds, quarter_of
from macros.model.introspect import iter_refs, raw_refs

DEFAULT_ROUTE_AGE_DAYS = 183  # six months: helplines change numbers and hours


def _problem(p: Parsed, loc: tuple, message: str, rule: Rule, severity=Severity.error) -> Problem:
    return Problem(p.raw.path, p.raw.line_of(loc), field_name(loc), message, rule, severity,
                   (p.raw.record_type, p.record.id))


def check_unique_ids(records: list[Parsed]) -> list[Problem]:
    first: dict[tuple[str, str], Parsed] = {}
    problems = []
    for p in records:
        if not isinstance(p.record.id, str):
            continue  # an id that is not valid is reported as such
        key = (p.raw.record_type, p.record.id)
        if key in first:
            other = first[key].raw
            problems.append(_problem(p, ("id",), f"'{p.record.id}' is already used by the record at "
                                     f"{other.path}:{other.line}; choose a new id", Rule.DUPLICATE_ID))
        else:
            first[key] = p
    return problems


MAX_PARTIAL_RECORDS = 10_000  # failed records the cross-record rules still see (a file of 100,000
# broken records is reported in seconds, its first problems listed)
MAX_SUGGESTIONS = 50  # distinct "did you mean" lookups per run
NEIGHBOURS = 50  # ids compared per lookup, on each side: the nearest in order, and from the end


class _Suggestions:
    """'Did you mean' for ids that do not exist. A misspelling keeps most of an id's start or its
    end, so each lookup compares the ids nearest to it in alphabetical order, forwards and
    backwards (never every id of a national site), and there are at most MAX_SUGGESTIONS."""

    def __init__(self, known):
        ids: dict[str, set[str]] = defaultdict(set)
        for record_type, record_id in known:
            if isinstance(record_id, str):
                ids[record_type].add(record_id)
        self.forwards = {t: sorted(found) for t, found in ids.items()}
        self.backwards = {t: sorted(i[::-1] for i in found) for t, found in ids.items()}
        self.memo: dict[tuple[str, str], str | None] = {}

    def _near(self, ordered: list[str], key: str) -> list[str]:
        at = bisect.bisect_left(ordered, key)
        return ordered[max(0, at - NEIGHBOURS):at + NEIGHBOURS]

    def __call__(self, target_type: str, target_id: str) -> str | None:
        key = (target_type, target_id)
        if key not in self.memo:
            if len(self.memo) >= MAX_SUGGESTIONS:
                return None
            candidates = sorted({*self._near(self.forwards.get(target_type, []), target_id),
                                 *(i[::-1] for i in self._near(self.backwards.get(target_type, []),
                                                               target_id[::-1]))})
            close = difflib.get_close_matches(target_id, candidates, n=1)
            self.memo[key] = close[0] if close else None
        return self.memo[key]


def _unresolved(target_type: str, target_id: str, suggest: _Suggestions) -> str:
    close = suggest(target_type, target_id)
    # The record that exists keeps its id (it may be published): the reference is what to change.
    hint = (f"did you mean '{close}'? If so, write '{close}' here (never change the id of a "
            "published record to match a reference)" if close
            else f"check the id, or add the record to data/{target_type}.yml")
    return f"there is no {target_type} record with id {shown(target_id)}; {hint}"


def check_references(records: list[Parsed], today: dt.date,
                     failed: list[RawRecord] = (), unchecked: set[str] = frozenset()) -> list[Problem]:
    """Every reference names a record that exists (and a public record names only public ones).

    References to a record type whose file could not be read are not checked: the file's one
    problem says what to fix, and a note says what was left unchecked."""
    index = {(p.raw.record_type, p.record.id): p for p in records}
    # ids of records that failed validation still exist: referring to them is not a second mistake
    known = {**{(r.record_type, r.data["id"]): None for r in failed if isinstance(r.data.get("id"), str)},
             **index}
    suggest = _Suggestions(known)
    problems = []
    for p in records:
        published = p.record.is_published(today)
        for loc, target_type, target_id in iter_refs(p.record):
            if (target_type, target_id) not in known:
                if target_type in unchecked:
                    continue
                problems.append(_problem(p, loc, _unresolved(target_type, target_id, suggest),
                                         Rule.UNRESOLVED_REFERENCE))
            elif published and (target := index.get((target_type, target_id))) and not (
                    target.record.is_published(today)):
                problems.append(_problem(p, loc, f"'{target_id}' is not published (draft, restricted "
                                         "or embargoed), but this public record names it; publish "
                                         "it first or remove the reference", Rule.UNPUBLISHED_REFERENCE))
    for raw in failed:
        for loc, target_type, target_id in raw_refs(RECORD_TYPES[raw.record_type].model, raw.data):
            if (target_type, target_id) not in known and target_type not in unchecked:
                problems.append(Problem(raw.path, raw.line_of(loc), field_name(loc),
                                        _unresolved(target_type, target_id, suggest),
                                        Rule.UNRESOLVED_REFERENCE))
    return problems


def check_area_parents(records: list[Parsed]) -> list[Problem]:
    areas = {p.record.id: p.record for p in records
             if p.raw.record_type == "areas" and isinstance(p.record.id, str)}
    problems = []
    for p in records:
        if p.raw.record_type != "areas":
            continue
        expected = PARENT_KIND.get(p.record.kind)
        parent = areas.get(p.record.parent) if p.record.parent else None
        if parent is not None and parent.kind is None:
            continue  # the parent's own kind is wrong, and reported
        if expected and p.record.parent is None and "parent" not in p.raw.data:
            problems.append(_problem(p, ("kind",), f"a {p.record.kind.value} needs a parent "
                                     f"{expected.value} area; add parent:", Rule.AREA_PARENT))
        elif parent and expected and parent.kind is not expected:
            problems.append(_problem(p, ("parent",), f"a {p.record.kind.value}'s parent must be a "
                                     f"{expected.value}, but '{parent.id}' is a {parent.kind.value}",
                                     Rule.AREA_PARENT))
    return problems


def check_priority_years(records: list[Parsed]) -> list[Problem]:
    problems = []
    for p in records:
        if p.raw.record_type != "priorities":
            continue
        seen = set()
        for index, entry in enumerate(p.record.history):
            if entry.year in seen:
                problems.append(_problem(p, ("history", index, "year"), f"{entry.year} is listed "
                                         "twice; keep one entry per year", Rule.DUPLICATE_YEAR))
            seen.add(entry.year)
    return problems


def check_pot_totals(records: list[Parsed]) -> list[Problem]:
    spent: dict[str, Decimal] = defaultdict(Decimal)
    for p in records:
        if p.raw.record_type == "funded-projects" and p.record.pot and p.record.amount is not None:
            spent[p.record.pot] += p.record.amount
    problems = []
    for p in records:
        if (p.raw.record_type == "funding-pots" and p.record.allocated is not None
                and spent[p.record.id] > p.record.allocated):
            problems.append(_problem(
                p, ("allocated",), f"projects paid from this pot add up to £{spent[p.record.id]:,}, "
                f"more than the £{p.record.allocated:,} allocated; check the projects' amounts "
                "and pot, and this amount", Rule.POT_OVERSPENT))
    return problems


def check_route_freshness(records: list[Parsed], today: dt.date, max_age_days: int) -> list[Problem]:
    problems = []
    for p in records:
        if p.raw.record_type == "routes" and not p.record.closed(today):  # a closed line needs no checks
            age = p.record.verified_days_ago(today)
            if age > max_age_days:
                problems.append(_problem(
                    p, ("verified_on",), f"these details were last checked {age} days ago "
                    f"(more than {max_age_days}); check the numbers, hours and links, then set "
                    f"verified_on: {today.isoformat()}", Rule.ROUTE_NOT_VERIFIED, Severity.warning))
    return problems


def check_route_reachable(records: list[Parsed]) -> list[Problem]:
    """A route residents cannot contact is left off the report pages; staff are told why."""
    return [_problem(p, ("channels",), "no channel gives a way to get in touch (a phone or text "
                     "number, a link, an e-mail, or an address with hours), so the report pages leave "
                     "this route out; add one with its citation, or withdraw the route",
                     Rule.ROUTE_UNREACHABLE, Severity.warning)
            for p in records if p.raw.record_type == "routes" and not p.record.reachable]


STALE_UPDATE_DAYS = 183  # two quarters
UNDER_WAY = {Status.in_progress, Status.not_started, Status.on_hold}


def last_update(item) -> dt.date | None:
    """When an action item was last updated: the end of its latest quarter, or its latest date."""
    days = [quarter_bounds(u.quarter)[1] if u.quarter else u.date.last_day for u in item.updates
            if u.quarter or (u.date and u.date.has_year)]
    return max(days, default=None)


def check_action_updates(records: list[Parsed], today: dt.date) -> list[Problem]:
    """Items under way should say how they are going at least every two quarters."""
    problems = []
    for p in records:
        if p.raw.record_type != "actions" or p.record.status not in UNDER_WAY:
            continue
        latest = last_update(p.record)
        if latest is None or (today - latest).days > STALE_UPDATE_DAYS:
            since = f"since {latest:%B %Y}" if latest else "at all"
            problems.append(_problem(
                p, ("updates",), f"this item is {p.record.status.value} but has had no update {since}; "
                f"add an update for {quarter_of(today)}, or change its status", Rule.ACTION_NOT_UPDATED,
                Severity.warning))
    return problems


def source_dates(records: list[Parsed]) -> dict[str, object]:
    return {p.record.id: p.record.date for p in records
            if p.raw.record_type == "sources" and getattr(p.record, "date", None) is not None}


def as_at_of(record, dates: dict) -> object | None:
    """When a record's statuses and totals were true: the date of the latest document it cites."""
    known = [dates[c.document] for c in getattr(record, "sources", ()) if c.document in dates]
    return max(known, default=None)


def check_campaign_status(records: list[Parsed]) -> list[Problem]:
    """A status is as at the report's date: one the report's own date contradicts is a slip."""
    dates, problems = source_dates(records), []
    for p in records:
        campaign = p.record
        if p.raw.record_type != "campaigns" or campaign.status is None:
            continue
        as_at = as_at_of(campaign, dates)
        if as_at is None or as_at.first_day is None:
            continue
        begins = campaign.start.first_day if campaign.start and campaign.start.has_year else None
        ends = campaign.end.last_day if campaign.end and campaign.end.has_year else None
        should = None
        if campaign.status is not CampaignStatus.upcoming and begins and begins > as_at.last_day:
            should = "upcoming"
        elif campaign.status is CampaignStatus.upcoming and ends and ends < as_at.first_day:
            should = "finished"
        if should:
            problems.append(_problem(
                p, ("status",), f"the campaign is marked {campaign.status.value}, but the report it "
                f"cites is dated {as_at.human()}, when its dates say it was {should}; a status is as at "
                f"the report's date: write status: {should}, or correct the dates",
                Rule.CAMPAIGN_STATUS_OUT_OF_DATE, Severity.warning))
    return problems


def check_area_cycles(records: list[Parsed]) -> list[Problem]:
    """An area's parent contains it, so following parents must end at England and Wales: never
    at the area itself, and a national area has no parent."""
    areas = {p.record.id: p for p in records if p.raw.record_type == "areas" and isinstance(p.record.id, str)}
    problems, seen_cycles = [], set()
    for p in areas.values():
        chain, current = [p.record.id], p.record.parent
        while current in areas and current not in chain:
            chain.append(current)
            current = areas[current].record.parent
        if current != p.record.id:
            if p.record.kind is AreaKind.national and p.record.parent:
                problems.append(_problem(p, ("parent",), "a national area has no parent area; delete "
                                         "'parent:'", Rule.AREA_PARENT))
            continue
        cycle = frozenset(chain)
        if cycle in seen_cycles:
            continue
        seen_cycles.add(cycle)
        if len(chain) == 1:
            message = (f"'{p.record.id}' is its own parent; an area's parent is the larger area that "
                       "contains it")
        else:
            path = " -> ".join([*chain, chain[0]])
            message = (f"the parents go round in a circle ({path}); an area's parent is the larger area "
                       "that contains it: correct one of them")
        problems.append(_problem(p, ("parent",), message, Rule.AREA_PARENT))
    return problems


def check_pot_spent(records: list[Parsed]) -> list[Problem]:
    """A pot that reports nothing spent cannot have paid for projects awarded by that date."""
    pots = {p.record.id: p for p in records if p.raw.record_type == "funding-pots"}
    paid: dict[str, list] = defaultdict(list)
    for p in records:
        if p.raw.record_type == "funded-projects" and p.record.pot in pots:
            pot = pots[p.record.pot].record
            if (pot.spent == 0 and pot.as_of is not None and p.record.award_date is not None
                    and p.record.award_date.first_day <= pot.as_of.last_day):
                paid[pot.id].append(p.record)
    problems = []
    for pot_id, projects in paid.items():
        total = sum((project.amount for project in projects), Decimal(0))
        if total:
            pot = pots[pot_id]
            problems.append(_problem(
                pot, ("spent",), f"spent is £0, but {len(projects)} project(s) awarded by "
                f"{pot.record.as_of.human()} are paid from this pot, £{total:,} in all; check spent "
                "(leave it out when the report does not give it), or the projects' pot", Rule.POT_SPENT))
    return problems


def check_all(records: list[Parsed], today: dt.date,
              route_age_days: int = DEFAULT_ROUTE_AGE_DAYS,
              failed: list[RawRecord] = (), unchecked: set[str] = frozenset()) -> list[Problem]:
    # Records that failed validation take part, with their valid fields, in the rules that need
    # only those fields: every mistake of a record comes in one run, not in rounds.
    everything = [*records, *(partial_record(raw) for raw in failed[:MAX_PARTIAL_RECORDS]
                              if isinstance(raw.data.get("id"), str))]
    return [
        *check_unique_ids(everything),
        *check_references(records, today, failed, unchecked),
        *check_area_parents(everything),
        *check_priority_years(records),
        *(check_pot_totals(everything) if not {"funded-projects", "funding-pots"} & unchecked else []),
        *check_route_freshness(records, today, route_age_days),
        *check_route_reachable(records),
        *check_action_updates(records, today),
        *check_campaign_status(records),
        *check_area_cycles(everything),
        *check_placeholders(everything),
        *check_source_urls(records),
        *check_replaces(everything),
        *check_unfinished(records, today),
        *(check_pot_spent(everything) if not {"funded-projects", "funding-pots"} & unchecked else []),
    ]
