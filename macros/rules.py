"""Checks that span records: unique ids, references that resolve, totals, freshness."""

from __future__ import annotations

import datetime as dt
import difflib
import typing
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from pydantic import BaseModel

from .load import RawRecord
from .models import RECORD_TYPES
from .models.actions import Status
from .models.areas import PARENT_KIND
from .models.campaigns import CampaignStatus
from .models.fields import RefTo, quarter_bounds, quarter_of
from .parse import Parsed, field_name
from .problems import Problem, Severity

DEFAULT_ROUTE_AGE_DAYS = 183  # six months: helplines change numbers and hours


def _ref_target(annotation: typing.Any) -> RefTo | None:
    """The RefTo marker inside an annotation such as list[OrgRef] or AreaRef | None."""
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, RefTo):
            return meta
    for arg in typing.get_args(annotation):
        found = _ref_target(arg)
        if found:
            return found
    return None


def iter_refs(model: BaseModel, loc: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """Every (location, target type, id) that a record refers to, at any depth."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        # pydantic moves a top-level Annotated[...]'s markers into info.metadata
        target = next((m for m in info.metadata if isinstance(m, RefTo)), None) or _ref_target(
            info.annotation)
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            where = (*loc, name, index) if isinstance(value, list) else (*loc, name)
            if target and isinstance(item, str):
                yield where, target.record_type, item
            elif isinstance(item, BaseModel):
                yield from iter_refs(item, where)


def _problem(p: Parsed, loc: tuple, message: str, rule: str, severity=Severity.error) -> Problem:
    return Problem(p.raw.path, p.raw.line_of(loc), field_name(loc), message, rule, severity)


def check_unique_ids(records: list[Parsed]) -> list[Problem]:
    first: dict[tuple[str, str], Parsed] = {}
    problems = []
    for p in records:
        key = (p.raw.record_type, p.record.id)
        if key in first:
            other = first[key].raw
            problems.append(_problem(p, ("id",), f"'{p.record.id}' is already used by the record at "
                                     f"{other.path}:{other.line}; choose a new id", "duplicate-id"))
        else:
            first[key] = p
    return problems


def _unresolved(target_type: str, target_id: str, known: dict) -> str:
    close = difflib.get_close_matches(target_id, sorted(i for t, i in known if t == target_type), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"add it to data/{target_type}.yml"
    return f"there is no {target_type} record with id '{target_id}'; {hint}"


def _raw_refs(raw: RawRecord) -> Iterator[tuple[tuple, str, str]]:
    """Top-level references of a record that failed validation, read from the file as written."""
    for name, info in RECORD_TYPES[raw.record_type].model.model_fields.items():
        target = next((m for m in info.metadata if isinstance(m, RefTo)), None) or _ref_target(
            info.annotation)
        value = raw.data.get(name)
        if target is None or value is None:
            continue
        if isinstance(value, str):
            yield (name,), target.record_type, value
        elif isinstance(value, list):
            yield from (((name, i), target.record_type, v) for i, v in enumerate(value)
                        if isinstance(v, str))


def check_references(records: list[Parsed], today: dt.date,
                     failed: list[RawRecord] = ()) -> list[Problem]:
    index = {(p.raw.record_type, p.record.id): p for p in records}
    # ids of records that failed validation still exist: referring to them is not a second mistake
    known = {**{(r.record_type, r.data.get("id")): None for r in failed}, **index}
    problems = []
    for p in records:
        published = p.record.is_published(today)
        for loc, target_type, target_id in iter_refs(p.record):
            if (target_type, target_id) not in known:
                problems.append(_problem(p, loc, _unresolved(target_type, target_id, known),
                                         "unresolved-reference"))
            elif published and (target := index.get((target_type, target_id))) and not (
                    target.record.is_published(today)):
                problems.append(_problem(p, loc, f"'{target_id}' is not published (draft, restricted "
                                         "or embargoed), but this public record names it; publish "
                                         "it first or remove the reference", "unpublished-reference"))
    for raw in failed:
        for loc, target_type, target_id in _raw_refs(raw):
            if (target_type, target_id) not in known:
                problems.append(Problem(raw.path, raw.line_of(loc), field_name(loc),
                                        _unresolved(target_type, target_id, known),
                                        "unresolved-reference"))
    return problems


def check_area_parents(records: list[Parsed]) -> list[Problem]:
    areas = {p.record.id: p.record for p in records if p.raw.record_type == "areas"}
    problems = []
    for p in records:
        if p.raw.record_type != "areas":
            continue
        expected = PARENT_KIND.get(p.record.kind)
        parent = areas.get(p.record.parent) if p.record.parent else None
        if expected and p.record.parent is None:
            problems.append(_problem(p, ("kind",), f"a {p.record.kind.value} needs a parent "
                                     f"{expected.value} area; add parent:", "area-parent"))
        elif parent and expected and parent.kind is not expected:
            problems.append(_problem(p, ("parent",), f"a {p.record.kind.value}'s parent must be a "
                                     f"{expected.value}, but '{parent.id}' is a {parent.kind.value}",
                                     "area-parent"))
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
                                         "twice; keep one entry per year", "duplicate-year"))
            seen.add(entry.year)
    return problems


def check_pot_totals(records: list[Parsed]) -> list[Problem]:
    spent: dict[str, Decimal] = defaultdict(Decimal)
    for p in records:
        if p.raw.record_type == "funded-projects" and p.record.pot:
            spent[p.record.pot] += p.record.amount
    problems = []
    for p in records:
        if p.raw.record_type == "funding-pots" and spent[p.record.id] > p.record.allocated:
            problems.append(_problem(
                p, ("allocated",), f"projects paid from this pot add up to £{spent[p.record.id]:,}, "
                f"more than the £{p.record.allocated:,} allocated; check the projects' amounts "
                "and pot, and this amount", "pot-overspent"))
    return problems


def check_route_freshness(records: list[Parsed], today: dt.date, max_age_days: int) -> list[Problem]:
    problems = []
    for p in records:
        if p.raw.record_type == "routes":
            age = p.record.verified_days_ago(today)
            if age > max_age_days:
                problems.append(_problem(
                    p, ("verified_on",), f"these details were last checked {age} days ago "
                    f"(more than {max_age_days}); check the numbers, hours and links, then set "
                    f"verified_on: {today.isoformat()}", "route-not-verified", Severity.warning))
    return problems


STALE_UPDATE_DAYS = 183  # two quarters
UNDER_WAY = {Status.in_progress, Status.not_started, Status.on_hold}


def last_update(item) -> dt.date | None:
    """When an action item was last updated: the end of its latest quarter, or its latest date."""
    days = [quarter_bounds(u.quarter)[1] if u.quarter else u.date.last_day for u in item.updates]
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
                f"add an update for {quarter_of(today)}, or change its status", "action-not-updated",
                Severity.warning))
    return problems


def check_campaign_status(records: list[Parsed], today: dt.date) -> list[Problem]:
    problems = []
    for p in records:
        if p.raw.record_type != "campaigns":
            continue
        campaign = p.record
        started = campaign.start.first_day <= today
        ended = campaign.end is not None and campaign.end.last_day < today  # no end: may be ongoing
        wrong = ((campaign.status == CampaignStatus.upcoming and started)
                 or (campaign.status == CampaignStatus.running and ended))
        if wrong:
            should = "finished" if ended or campaign.start.last_day < today and campaign.end else "running"
            problems.append(_problem(
                p, ("status",), f"the campaign is marked {campaign.status.value} but its dates say it is "
                f"{should}; set status: {should}, or correct the dates", "campaign-status-out-of-date",
                Severity.warning))
    return problems


def check_all(records: list[Parsed], today: dt.date,
              route_age_days: int = DEFAULT_ROUTE_AGE_DAYS,
              failed: list[RawRecord] = ()) -> list[Problem]:
    return [
        *check_unique_ids(records),
        *check_references(records, today, failed),
        *check_area_parents(records),
        *check_priority_years(records),
        *check_pot_totals(records),
        *check_route_freshness(records, today, route_age_days),
        *check_action_updates(records, today),
        *check_campaign_status(records, today),
    ]
