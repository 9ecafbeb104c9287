"""cspsite synth: a complete, invented data folder shaped like data/, for scale tests and benchmarks.

England and Wales holds invented counties, which hold N partnerships of 1 to 4 districts each.
Per partnership and financial year there is a committee report, and about 8 priorities, 30
action items, 12 campaigns, 15 funded projects (from one or two pots) and 6 statistics points
that cite its sections; each partnership has about 20 reporting routes (national and county ones
are shared). Phone numbers are in Ofcom's ranges for drama, e-mail and web addresses are under
example.org, and every name is built from syllables or generic words.

The same arguments give the same bytes: one seeded generator, no clock, no iteration over sets.
Dates are relative to the first financial year, never to today, so the checks that depend on the
date (route freshness, stale updates, campaign status) are clean only as of `as_of()`: validate
and build with --today (or CSPSITE_TODAY) set to it. It is printed and written to README.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from . import synth_words as words
from .synth_words import PRIORITIES, PriorityKind, slug
from .yaml_write import dump_records

FIRST_YEAR = 2019
# Ofcom's numbers for drama that libphonenumber accepts (01632 960 and 07700 900 it rejects).
GEOGRAPHIC = ["020 7946 0", "0113 496 0", "0114 496 0", "0116 496 0", "0117 496 0", "0118 496 0",
              "0121 496 0", "0131 496 0", "0141 496 0", "0151 496 0", "0161 496 0", "0191 498 0",
              "028 9649 6", "029 2018 0"]
FREEPHONE = "0808 157 0"
NATIONAL_RATE = "0306 999 0"
NATIONAL = "england-and-wales"
EDITORS = "synthetic-data-editors"
DIRECTORY = "synthetic-national-directory"


def fy(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def as_of(first_year: int, years: int) -> dt.date:
    """The date the data is complete and fresh on: the end of July after the last year's reports."""
    return dt.date(first_year + years, 7, 31)


@dataclass
class Partnership:
    id: str
    code: str  # the prefix of its records' ids
    name: str
    short: str
    place: str  # how its text names the area it covers
    county: County
    districts: list[dict] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)
    lead_council: str = ""
    org: str = ""
    authorities: list[str] = field(default_factory=list)
    reports: dict[int, tuple[str, dt.date]] = field(default_factory=dict)
    active: dict[int, list[PriorityKind]] = field(default_factory=dict)
    names: dict[tuple[str, int], str] = field(default_factory=dict)  # priority name by (key, year)


@dataclass
class County:
    id: str
    name: str
    orgs: dict[str, str] = field(default_factory=dict)  # role -> organisation id
    charities: list[str] = field(default_factory=list)
    reports: dict[int, tuple[str, dt.date]] = field(default_factory=dict)


class Synth:
    def __init__(self, partnerships: int, years: int, seed: int, first_year: int = FIRST_YEAR):
        self.n, self.years, self.seed, self.first = partnerships, years, seed, first_year
        self.rng = random.Random(seed)
        self.names = words.Names(self.rng)
        self.as_of = as_of(first_year, years)
        self.year_range = list(range(first_year, first_year + years))
        self.records: dict[str, list[dict]] = {name: [] for name in (
            "sources", "areas", "organisations", "priorities", "campaigns", "funding-pots", "routes",
            "statistics")}
        self.per_partnership: dict[str, dict[str, list[dict]]] = {"actions": {}, "funded-projects": {}}
        self.counties: list[County] = []
        self.partnerships: list[Partnership] = []
        self._phone_next: dict[str, int] = {}
        self.org_names: dict[str, str] = {}

    # --- small helpers ---------------------------------------------------------------------

    def pick(self, items: list, k: int | None = None):
        return self.rng.choice(items) if k is None else self.rng.sample(items, k)

    def phone(self, prefix: str | None = None) -> str:
        prefix = prefix or self.pick(GEOGRAPHIC)
        n = self._phone_next.get(prefix, self.rng.randrange(1000))
        self._phone_next[prefix] = (n + 7) % 1000  # step through the thousand numbers in the range
        return f"{prefix}{n:03d}"

    def day_in(self, year: int, month: int) -> dt.date:
        return dt.date(year, month, self.rng.randint(1, calendar.monthrange(year, month)[1]))

    def fy_month(self, year: int, offset: int) -> tuple[int, int]:
        """The (year, month) `offset` months into financial year `year` (0 is April)."""
        month = 4 + offset
        return (year, month) if month <= 12 else (year + 1, month - 12)

    @staticmethod
    def cite(document: str, section: str) -> list[dict]:
        return [{"document": document, "section": section}]

    def add(self, kind: str, record: dict) -> None:
        self.records[kind].append(record)
        if kind == "organisations":
            self.org_names[record["id"]] = record["name"]

    # --- places, organisations and the documents they publish ------------------------------

    def build_places(self) -> None:
        self.add("organisations", {
            "id": EDITORS, "name": "Editors of this synthetic data set", "kind": "other",
            "description": "Invented the records in this folder. No record describes a real place, "
                           "person, organisation or event.",
            "sources": self.cite(DIRECTORY, "Introduction")})
        self.add("sources", {
            "id": DIRECTORY, "title": "National helplines and reporting services (synthetic)",
            "kind": "editorial", "publisher": EDITORS, "date": self.first + self.years,
            "summary": "Invented national services for the synthetic data set, with numbers from "
                       "Ofcom's ranges for drama, which connect to no one.",
            "note": "Synthetic: not a real document."})
        self.add("areas", {"id": NATIONAL, "name": "England and Wales", "kind": "national",
                           "description": "Every partnership in this synthetic data set is in England "
                                          "and Wales.", "sources": self.cite(DIRECTORY, "Coverage")})
        made = 0
        while made < self.n:
            size = min(self.n - made, self.rng.randint(3, 8))
            self.build_county(size)
            made += size

    def build_county(self, size: int) -> None:
        name = self.names.county()
        county = County(slug(name), name)
        self.counties.append(county)
        short = name.removesuffix("shire")
        council = f"{county.id}-county-council"
        county.orgs = {"council": council, "police": f"{county.id}-police",
                       "fire": f"{county.id}-fire-and-rescue", "pcc": f"{county.id}-pcc",
                       "health": f"{county.id}-public-health", "probation": f"{county.id}-probation",
                       "funder": f"{county.id}-public-sector-leaders"}
        for year in self.year_range:
            document = f"{county.id}-board-report-{year}"
            day = self.day_in(year + 1, 5)
            county.reports[year] = (document, day)
            self.add("sources", {
                "id": document, "title": f"Safer Stronger {short} Board annual report {fy(year)}",
                "publisher": council, "committee": f"Safer Stronger {short} Board",
                "date": day.isoformat(), "report_number": f"SSB/{year + 1}/{self.rng.randint(1, 40):02d}",
                "summary": f"The county board's overview of community safety across {name} in "
                           f"{fy(year)}: the partnerships' priorities, county-wide services and funding."})
        first = county.reports[self.first][0]
        self.add("areas", {
            "id": county.id, "name": name, "kind": "county", "parent": NATIONAL,
            "body": {"name": f"Safer Stronger {short} Board", "short_name": f"SS{short[0]}B",
                     "coordinated_by": council},
            "description": f"Community safety across {name} is overseen by the Safer Stronger {short} "
                           f"Board, with a programme office at {name} County Council.",
            "sources": self.cite(first, "1.1")})
        for role, org_id, org_name, kind in (
                ("council", council, f"{name} County Council", "council"),
                ("police", county.orgs["police"], f"{short} Police", "police"),
                ("fire", county.orgs["fire"], f"{short} Fire and Rescue Service", "fire and rescue"),
                ("pcc", county.orgs["pcc"], f"{short} Police and Crime Commissioner", "government"),
                ("health", county.orgs["health"], f"{name} Public Health", "health"),
                ("probation", county.orgs["probation"], f"{short} Probation Delivery Unit", "probation"),
                ("funder", county.orgs["funder"], f"{name} Public Sector Leaders", "partnership")):
            record = {"id": org_id, "name": org_name, "kind": kind, "area": county.id,
                      "url": f"https://{org_id}.example.org", "sources": self.cite(first, f"1.2 ({role})")}
            if role == "funder":
                record["description"] = ("Pools money from the county's public bodies and allocates "
                                         "core funding to each partnership every year.")
            self.add("organisations", record)
        town = self.names.town()
        for template in self.pick(words.CHARITIES, self.rng.randint(4, 6)):
            charity = template.format(county=short, town=town)
            org_id = slug(charity)
            county.charities.append(org_id)
            self.add("organisations", {"id": org_id, "name": charity, "kind": "charity", "area": county.id,
                                       "url": f"https://{org_id}.example.org",
                                       "sources": self.cite(first, "2.4")})
        for _ in range(size):
            self.build_partnership(county)
        self.county_routes(county)

    def build_partnership(self, county: County) -> None:
        districts = []
        for _ in range(self.rng.choice([1, 1, 2, 2, 3, 3, 4])):
            towns = [self.names.town() for _ in range(self.rng.randint(2, 7))]
            districts.append({"name": self.names.district(towns[0]), "towns": towns})
        short_county = county.name.removesuffix("shire")
        if len(districts) == 1:
            base = districts[0]["name"]
        elif len(districts) == 2:
            base = f"{districts[0]['name']} and {districts[1]['name']}"
        else:
            used = {p.short for p in self.partnerships if p.county is county}
            free = [d for d in words.DIRECTIONS if f"{d} {short_county} CSP" not in used]
            base = f"{self.pick(free)} {short_county}" if free else districts[0]["name"] + " Area"
        code = slug(base)
        if len(code) > 24:  # record ids start with the code and must stay within 80 characters
            code = f"{slug(districts[0]['name'])[:18].strip('-')}-p{len(self.partnerships) + 1}"
        p = Partnership(f"{code}-csp", code, f"{base} Community Safety Partnership", f"{base} CSP", base,
                        county, towns=[t for d in districts for t in d["towns"]])
        self.partnerships.append(p)
        p.org = p.id
        for year in self.year_range:
            p.reports[year] = (f"{code}-annual-report-{year}", self.day_in(year + 1, self.pick([6, 7])))
        first = p.reports[self.first][0]
        councils = []
        for d in districts:
            d["id"] = slug(d["name"])
            council = f"{d['id']}-council"
            councils.append(council)
            self.add("organisations", {
                "id": council, "name": f"{d['name']} {self.pick(words.COUNCIL_KINDS)}", "kind": "council",
                "area": d["id"], "url": f"https://{council}.example.org", "sources": self.cite(first, "1.1")})
        p.districts, p.lead_council = districts, councils[0]
        orgs = county.orgs
        p.authorities = [*councils, orgs["council"], orgs["police"], orgs["fire"], orgs["probation"],
                         orgs["health"]]
        committee = self.pick(words.COMMITTEES)
        letters = "".join(w[0] for w in base.split() if w[0].isupper())
        for year, (document, day) in p.reports.items():
            self.add("sources", {
                "id": document, "title": f"{p.short} annual monitoring report {fy(year)}",
                "publisher": p.lead_council, "committee": committee, "date": day.isoformat(),
                "report_number": f"OSC/{letters}/{(year + 1) % 100:02d}/{self.rng.randint(1, 120):03d}",
                "summary": f"Annual monitoring report on the {p.name}: its priorities for {fy(year)} and "
                           "progress on each, its action plan (Appendix A), campaigns (section 3), funded "
                           "projects (section 4), performance figures (Appendix B) and reporting routes "
                           "(section 5)."})
        self.add("areas", {
            "id": p.id, "name": p.name, "kind": "partnership", "parent": county.id,
            "body": {"name": p.name, "short_name": p.short, "responsible_authorities": p.authorities,
                     "members": self.pick(county.charities, 2), "meets": self.pick(words.MEETS),
                     "coordinated_by": p.lead_council, "reports_to": county.id},
            "description": f"Covers the {listed([d['name'] for d in districts])} council area"
                           f"{'s' if len(districts) > 1 else ''}. {self.org_names[councils[0]]} convenes "
                           "its meetings and keeps the action plan.",
            "sources": self.cite(first, "1.1; 1.2")})
        self.add("organisations", {"id": p.org, "name": p.name, "short_name": p.short, "kind": "partnership",
                                   "area": p.id, "sources": self.cite(first, "1.1")})
        for d in districts:
            self.add("areas", {"id": d["id"], "name": d["name"], "kind": "district", "parent": p.id,
                               "towns": d["towns"],
                               "description": f"The {d['name']} council area and its towns.",
                               "sources": self.cite(first, "1.1")})
        self.choose_priorities(p)
        for year in self.year_range:
            self.year_of_work(p, year)
        self.write_priorities(p)
        self.statistics(p)
        self.local_routes(p)

    # --- priorities -------------------------------------------------------------------------

    def choose_priorities(self, p: Partnership) -> None:
        main = [k for k in PRIORITIES if not k.theme]
        active = self.pick(main[:11], 7) + ([self.pick([k for k in PRIORITIES if k.theme])]
                                             if self.rng.random() < 0.6 else [])
        stage: dict[str, int] = {}
        for year in self.year_range:
            if year != self.first:
                if self.rng.random() < 0.35 and len(active) > 7:
                    active.remove(self.pick(active))
                if self.rng.random() < 0.35 or len(active) < 7:
                    spare = [k for k in PRIORITIES if k not in active]
                    active.append(self.pick(spare))
            for kind in active:
                now = stage.setdefault(kind.key, 0)
                if year != self.first and now + 1 < len(kind.names) and self.rng.random() < 0.2:
                    stage[kind.key] = now + 1
                p.names[(kind.key, year)] = kind.names[stage[kind.key]]
            p.active[year] = list(active)

    def priority_id(self, p: Partnership, key: str) -> str:
        return f"{p.code}-{key}"

    def priority_for(self, p: Partnership, year: int, key: str) -> list[str]:
        return [self.priority_id(p, key)] if any(k.key == key for k in p.active[year]) else []

    def write_priorities(self, p: Partnership) -> None:
        seen: list[PriorityKind] = []
        for year in self.year_range:
            seen += [k for k in p.active[year] if k not in seen]
        for kind in seen:
            years = [y for y in self.year_range if kind in p.active[y]]
            history = [{"year": fy(y), "name": p.names[(kind.key, y)],
                        "sources": self.cite(p.reports[y][0],
                                             f"1.3 ({'abcdefghijkl'[p.active[y].index(kind)]})")}
                       for y in years]
            record = {"id": self.priority_id(p, kind.key), "area": p.id}
            if kind.theme:
                record["kind"] = "theme"
            record |= {"name": history[-1]["name"], "summary": kind.summary.format(area=p.place)}
            if kind.topics:
                record["topics"] = list(kind.topics)
            record |= {"history": history,
                       "sources": [{"document": p.reports[years[0]][0], "section": "1.3; 2.1"},
                                   *([{"document": p.reports[years[-1]][0], "section": "2.1"}]
                                     if len(years) > 1 else [])]}
            self.add("priorities", record)

    # --- a partnership's year: actions, campaigns, money ------------------------------------

    def fill(self, template: str, p: Partnership, kind: PriorityKind, **extra) -> str:
        orgs = [p.county.orgs["police"], p.lead_council]
        return template.format(
            subject=kind.subject, area=p.place, audience=self.pick(words.AUDIENCES),
            place=self.pick(p.towns), channel=self.pick(words.CHANNELS), staff=self.pick(words.STAFF),
            org=self.org_names[self.pick(orgs)],
            bird=self.pick(words.BIRDS), subject_title=kind.subject.capitalize(), **extra)

    def year_of_work(self, p: Partnership, year: int) -> None:
        document, day = p.reports[year]
        actions = self.per_partnership["actions"].setdefault(p.code, [])
        active = p.active[year]
        for k in range(self.rng.randint(27, 33)):
            kind = active[k % len(active)] if k < len(active) else self.pick(active)
            actions.append(self.action(p, year, kind, k, document))
        for k in range(self.rng.randint(10, 14)):
            self.campaign(p, year, k, document)
        self.money(p, year, document, day)

    def action(self, p: Partnership, year: int, kind: PriorityKind, k: int, document: str) -> dict:
        name = p.names[(kind.key, year)]
        last = year == self.year_range[-1]
        if last:
            status = self.rng.choices(["in progress", "not started", "complete", "on hold", "not stated"],
                                      [55, 15, 20, 5, 5])[0]
        else:
            status = self.rng.choices(["complete", "not stated"], [70, 30])[0]
        record = {"id": f"{p.code}-{year}-{kind.key}-{k + 1:02d}", "area": p.id,
                  "plan": f"{p.short} Action Plan {fy(year)}", "priority": self.priority_id(p, kind.key),
                  "objective": self.fill(self.pick(words.OBJECTIVES), p, kind),
                  "activity": self.fill(self.pick(words.ACTIVITIES), p, kind),
                  # councils, the county council and the police: the usual leads
                  "leads": self.pick(p.authorities[:-3], self.rng.choice([1, 1, 2]))}
        if kind.actions:
            objective, activity = self.pick(list(kind.actions))
            record |= {"objective": self.fill(objective, p, kind), "activity": self.fill(activity, p, kind)}
        if self.rng.random() < 0.5:
            record["lead_note"] = self.pick(words.LEAD_NOTES)
        record["status"] = status
        if self.rng.random() < 0.3:
            record["rag"] = {"complete": "green", "on hold": "red"}.get(status, self.pick(["amber", "green"]))
        quarters = sorted(self.pick([1, 2, 3, 4], self.rng.randint(0, 3)))
        if last and status in {"in progress", "not started", "on hold"} and 4 not in quarters:
            quarters.append(4)  # under way: the year's last quarter has an update, so it is not stale
        updates = []
        for q in quarters:
            month = calendar.month_name[self.fy_month(year, 3 * q - 2)[1]]
            text = self.fill(self.pick(words.UPDATES), p, kind, n=self.rng.randint(2, 12),
                             m=self.rng.randint(15, 400), month=month,
                             moved=self.pick(["rose", "fell"]), percent=self.rng.randint(2, 30))
            updates.append({"quarter": f"Q{q} {fy(year)}", "text": text,
                            "sources": self.cite(document, f"Appendix A, {name} table")})
        if updates:
            record["updates"] = updates
        if self.rng.random() < 0.4:
            kpi_name, unit = self.pick(words.KPIS)
            baseline = self.rng.randint(10, 200)
            kpi = {"name": self.fill(kpi_name, p, kind), "unit": unit, "baseline": baseline}
            if self.rng.random() < 0.7:
                kpi["target"] = baseline + self.rng.randint(5, 60)
            else:
                kpi["target_note"] = "To be confirmed"
            if self.rng.random() < 0.6:
                kpi |= {"latest": baseline + self.rng.randint(-10, 70), "as_of": f"{year + 1}-03"}
            record["kpis"] = [kpi]
        record["sources"] = self.cite(document, f"Appendix A, {name} table")
        return record

    def campaign(self, p: Partnership, year: int, k: int, document: str) -> None:
        kind = self.pick(p.active[year])
        name = self.fill(self.pick(words.CAMPAIGNS.get(kind.key, words.CAMPAIGNS[""])), p, kind)
        upcoming = year == self.year_range[-1] and k == 0
        start_year, month = (year + 1, 9) if upcoming else self.fy_month(year, self.rng.randrange(12))
        month_name = f"{calendar.month_name[month]} {start_year}"
        record = {"id": f"{p.code}-{slug(name)[:40].strip('-')}-{year}-{k + 1}", "name": name}
        if self.rng.random() < 0.2:
            record["hashtag"] = "#" + "".join(w.capitalize() for w in slug(name).split("-"))
        where = self.pick(p.districts)
        record["area"] = p.id if self.rng.random() < 0.6 else where["id"]
        if self.rng.random() < 0.5:
            record |= {"start": self.day_in(start_year, month).isoformat(), "when": f"A week in {month_name}"}
        else:
            record |= {"start": f"{start_year}-{month:02d}", "end": f"{start_year}-{month:02d}",
                       "when": month_name}
        record["status"] = "upcoming" if upcoming else "finished"
        record |= {"priorities": self.priority_for(p, year, kind.key),
                   "organisers": [p.org, *self.pick([p.lead_council, p.county.orgs["police"]], 1)],
                   "channels": self.pick(words.CHANNELS, self.rng.randint(1, 3)),
                   "description": f"The {p.short} ran {name} across {where['name']}, with partners, to "
                                  f"raise awareness of {kind.subject} and how to report it."}
        if not record["priorities"]:
            del record["priorities"]
        if not upcoming:
            reach = []
            for metric, unit, low, high in self.pick(words.REACH, self.rng.randint(0, 2)):
                reach.append({"metric": metric, "value": self.rng.randint(low, high), "unit": unit})
            if reach:
                record["reach"] = reach
            if self.rng.random() < 0.3:
                record["cost"] = self.rng.randrange(100, 5000, 10)
        record["sources"] = self.cite(document, f"3.{k + 1}")
        self.add("campaigns", record)

    def money(self, p: Partnership, year: int, document: str, day: dt.date) -> None:
        county = p.county
        pots = [{"id": f"{p.code}-core-funding-{year}", "name": f"{p.short} core funding {fy(year)}",
                 "funder": county.orgs["funder"]}]
        if self.rng.random() < 0.4:
            pots.append({"id": f"{p.code}-safer-streets-fund-{year}",
                         "name": f"Safer Streets fund {fy(year)} ({p.place})", "funder": county.orgs["pcc"]})
        projects = self.per_partnership["funded-projects"].setdefault(p.code, [])
        spent = [0] * len(pots)
        for k in range(self.rng.randint(13, 17)):
            title_template, key = self.pick(words.PROJECTS)
            kind = next((x for x in PRIORITIES if x.key == key), self.pick(p.active[year]))
            title = self.fill(title_template, p, kind)
            which = self.rng.randrange(len(pots))
            amount = self.rng.choice([self.rng.randrange(150, 1500, 10), self.rng.randrange(1000, 12000, 50)])
            spent[which] += amount
            award = self.day_in(*self.fy_month(year, self.rng.randrange(12)))
            record = {"id": f"{p.code}-{slug(title)[:36].strip('-')}-{year}-{k + 1}", "title": title,
                      "amount": amount, "award_date": award.isoformat(), "financial_year": fy(year),
                      "funder": pots[which]["funder"]}
            if self.rng.random() < 0.6:
                record["recipient"] = self.pick(county.charities)
            else:
                record["recipient_note"] = "Not named in the report"
            record |= {"pot": pots[which]["id"],
                       "area": p.id if self.rng.random() < 0.7 else self.pick(p.districts)["id"]}
            priorities = self.priority_for(p, year, kind.key)
            if priorities:
                record["priorities"] = priorities
            if self.rng.random() < 0.25:
                metric, unit, low, high = self.pick(words.REACH)
                record["outcomes"] = [{"metric": metric, "value": self.rng.randint(low, high), "unit": unit}]
            record["sources"] = self.cite(document, "4.2 (funded projects table)")
            projects.append(record)
        for pot, total in zip(pots, spent, strict=True):
            allocated = -(-total // 1000) * 1000 + self.rng.randrange(0, 5000, 500)
            record = {**pot, "area": p.id, "financial_years": [fy(year)], "allocated": allocated}
            if self.rng.random() < 0.7:
                record |= {"spent": total, "remaining": allocated - total}
            else:
                record["position"] = f"Less than £{-(-(allocated - total) // 1000) * 1000:,} left."
            record |= {"as_of": f"{day.year}-{day.month:02d}",
                       "description": f"Money for the {p.short}'s work in {fy(year)}.",
                       "sources": self.cite(document, "Financial; 4.1")}
            self.add("funding-pots", record)

    def statistics(self, p: Partnership) -> None:
        keys = [k.key for y in self.year_range for k in p.active[y]]
        chosen = sorted(words.STATISTICS, key=lambda s: (s[2] not in keys, self.rng.random()))[:6]
        for metric, unit, key, low, high in chosen:
            value = self.rng.randint(low, high)
            points = []
            for year in self.year_range:
                value = max(0, round(value * self.rng.uniform(0.8, 1.25)))
                points.append({"period": f"12 months to March {year + 1}", "as_of": f"{year + 1}-03",
                               "value": value,
                               "sources": self.cite(p.reports[year][0], "Appendix B, performance table")})
            record = {"id": f"{p.code}-{slug(metric.replace('{area}', ''))[:40].strip('-')}",
                      "metric": metric.format(area=p.place), "unit": unit, "area": p.id}
            if key in keys:
                record["priorities"] = [self.priority_id(p, key)]
            record |= {"points": points,
                       "sources": self.cite(p.reports[self.year_range[-1]][0], "Appendix B")}
            self.add("statistics", record)

    # --- reporting routes -------------------------------------------------------------------

    def route(self, route_id: str, name: str, provider: str, summary: str, topics: list[str],
              urgency: str, channels: list[dict], area: str, source: list[dict], verified: dt.date,
              anonymity: str = "not stated", audience: list[str] | None = None,
              priorities: list[str] | None = None,
              what_next: str = "Someone reads your report and decides with you what happens next.") -> None:
        record = {"id": route_id, "name": name, "provider": provider, "summary": summary,
                  "topics": topics, "urgency": urgency, "anonymity": anonymity}
        if audience:
            record["audience"] = audience
        record |= {"channels": channels, "area": area}
        if priorities:
            record["priorities"] = priorities
        record |= {"what_happens_next": what_next, "verified_on": verified.isoformat(), "sources": source}
        self.add("routes", record)

    def build_national_routes(self) -> None:
        services = [
            ("national-domestic-abuse-freephone", "National Domestic Abuse Freephone", "charity",
             "Free, confidential support for anyone affected by domestic abuse, day or night.",
             ["domestic-abuse"], "support", "confidential", None, True),
            ("anonymous-crime-line", "Anonymous Crime Line", "charity",
             "Tell the Anonymous Crime Line what you know about a crime without giving your name.",
             ["domestic-abuse", "modern-slavery", "county-lines", "drug-dealing", "hate-crime", "other"],
             "non-emergency", "anonymous", None, True),
            ("modern-slavery-advice-line", "Modern Slavery Advice Line", "charity",
             "Report a concern about modern slavery or exploitation, or get advice.",
             ["modern-slavery"], "non-emergency", "confidential", None, True),
            ("national-fraud-reporting-centre", "National Fraud Reporting Centre", "police",
             "Report fraud and scams to the national reporting centre.", ["fraud"], "non-emergency",
             "identified", None, False),
            ("extremism-concerns-line", "Extremism Concerns Line", "police",
             "Report a concern that someone is being drawn into extremism.", ["radicalisation"],
             "non-emergency", "confidential", None, False),
            ("sexual-violence-support-line", "Sexual Violence Support Line", "charity",
             "Listening and support for anyone affected by rape or sexual abuse, whenever it happened.",
             ["sexual-violence"], "support", "confidential", None, True),
            ("online-hate-incident-report", "Online Hate Incident Report", "charity",
             "Report a hate incident online, for yourself or someone else.", ["hate-crime"],
             "non-emergency", "not stated", None, False),
            ("young-peoples-exploitation-line", "Young People's Exploitation Line", "charity",
             "Help for young people who are being pressured into carrying drugs or money.",
             ["county-lines", "sexual-violence"], "support", "confidential", ["young people"], True),
        ]
        for route_id, name, kind, summary, topics, urgency, anonymity, audience, phone in services:
            provider = f"{route_id}-service"
            self.add("organisations", {"id": provider, "name": name, "kind": kind,
                                       "url": f"https://{route_id}.example.org",
                                       "sources": self.cite(DIRECTORY, name)})
            channels = []
            if phone or kind == "police":
                channels.append({"kind": "phone", "number": self.phone(FREEPHONE if phone else NATIONAL_RATE),
                                 **({"open_24_7": True, "cost": "Free from landlines and mobiles"} if phone
                                    else {"hours": "Monday to Friday, 8am to 8pm"})})
            online = ("live chat", "chat") if urgency == "support" else ("online form", "report")
            channels.append({"kind": online[0], "url": f"https://{route_id}.example.org/{online[1]}"})
            self.route(route_id, name, provider, summary, topics, urgency, channels, NATIONAL,
                       self.cite(DIRECTORY, name), self.as_of - dt.timedelta(self.rng.randint(10, 120)),
                       anonymity, audience)

    def county_routes(self, county: County) -> None:
        document, _ = county.reports[self.year_range[-1]]
        short = county.name.removesuffix("shire")
        verified = self.as_of - dt.timedelta(self.rng.randint(10, 120))
        police = county.orgs["police"]
        self.route(f"{police}-online-reporting", f"{short} Police online reporting", police,
                   "Report a crime or concern to the police online when it is not an emergency.",
                   ["hate-crime", "anti-social-behaviour", "drug-dealing", "county-lines", "modern-slavery",
                    "other"], "non-emergency",
                   [{"kind": "online form", "url": f"https://{police}.example.org/report"},
                    {"kind": "phone", "number": self.phone(), "hours": "Every day, 8am to 10pm",
                     "instructions": "For non-urgent calls."}],
                   county.id, self.cite(document, "5.1"), verified, "identified",
                   what_next="The police record your report and tell you what happens next.")
        helpline = next((c for c in county.charities if "domestic-abuse" in c), county.charities[0])
        self.route(f"{county.id}-domestic-abuse-helpline", f"{short} Domestic Abuse Helpline", helpline,
                   f"Free support across {county.name} for anyone affected by domestic abuse.",
                   ["domestic-abuse"], "support",
                   [{"kind": "phone", "number": self.phone(FREEPHONE), "open_24_7": True, "cost": "Free"},
                    {"kind": "live chat", "url": f"https://{helpline}.example.org/chat",
                     "hours": "Monday to Friday, 9am to 5pm"}],
                   county.id, self.cite(document, "5.2"), verified, "confidential")
        care = next((c for c in county.charities if "victim" in c), county.charities[-1])
        self.route(f"{county.id}-victim-care", f"{short} Victim Care", care,
                   "Emotional and practical help for anyone affected by crime.",
                   ["hate-crime", "domestic-abuse", "fraud", "other"], "support",
                   [{"kind": "phone", "number": self.phone(), "hours": "Monday to Friday, 9am to 5pm"}],
                   county.id, self.cite(document, "5.3"), verified, audience=["victims"])
        council = county.orgs["council"]
        self.route(f"{county.id}-safeguarding-referral", f"{short} safeguarding referral form", council,
                   "For professionals: refer someone you think is at risk of exploitation or radicalisation.",
                   ["radicalisation", "modern-slavery", "county-lines"], "non-emergency",
                   [{"kind": "online form", "url": f"https://{council}.example.org/safeguarding"}],
                   county.id, self.cite(document, "5.4"), verified, audience=["professionals"])

    def local_routes(self, p: Partnership) -> None:
        document, day = p.reports[self.year_range[-1]]
        last = self.year_range[-1]

        def verified() -> dt.date:
            return day - dt.timedelta(self.rng.randint(0, 60))

        def pri(*keys: str) -> list[str]:
            return [i for key in keys for i in self.priority_for(p, last, key)]

        section = iter(range(1, 100))
        for d in p.districts:
            council = f"{d['id']}-council"
            self.route(f"{d['id']}-asb-reporting", f"Report anti-social behaviour to {d['name']} council",
                       council, f"Tell {d['name']} council about noise, vandalism, graffiti or nuisance.",
                       ["anti-social-behaviour"], "non-emergency",
                       [{"kind": "phone", "number": self.phone(), "hours": "Monday to Friday, 9am to 5pm"},
                        {"kind": "online form", "url": f"https://{council}.example.org/asb"},
                        {"kind": "email", "email": f"asbteam@{council}.example.org", "shared_mailbox": True}],
                       d["id"], self.cite(document, f"5.{next(section)}"), verified(), "confidential",
                       priorities=pri("asb"),
                       what_next="An officer reads your report within two working days and may call you.")
        town = self.pick(p.towns)
        charities = p.county.charities
        local = [
            (f"{slug(town)}-safe-places", f"{town} Safe Places scheme", p.org,
             "Shops and libraries with the Safe Places sticker will help if you feel unsafe or are "
             "harassed.", ["hate-crime", "other"], "support",
             [{"kind": "in person", "instructions": "Go into any business showing the sticker and ask "
                                                    "staff for help."}], {}, pri("hate-crime")),
            (f"{p.code}-community-safety-team", f"{p.short} community safety team", p.lead_council,
             "Ask the partnership's community safety team for advice about a problem in your area.",
             ["anti-social-behaviour", "other"], "information",
             [{"kind": "email", "email": f"communitysafety@{p.lead_council}.example.org",
               "shared_mailbox": True}], {}, []),
            (f"{p.code}-hate-incident-reporting-centres", f"Hate incident reporting centres ({p.place})",
             p.org, f"Report a hate incident in person at a library or community centre in {p.place}.",
             ["hate-crime"], "non-emergency",
             [{"kind": "in person", "instructions": "Ask at the reception desk.",
               "hours": "During opening hours"}], {"anonymity": "confidential"}, pri("hate-crime")),
            (f"{p.code}-womens-refuge", f"{town} Women's Refuge", self.pick(charities),
             "Safe accommodation and support for women and children leaving domestic abuse.",
             ["domestic-abuse"], "support",
             [{"kind": "phone", "number": self.phone(), "open_24_7": True}],
             {"audience": ["women"], "anonymity": "confidential"}, pri("vawg", "domestic-abuse")),
            (f"{p.code}-street-pastors", f"Street pastors in {town}", p.org,
             "Volunteers on the streets on Friday and Saturday nights to help anyone who needs it.",
             ["sexual-violence", "other"], "support",
             [{"kind": "in person", "hours": "Friday and Saturday, 10pm to 4am"}], {}, pri("night-time")),
            (f"{p.code}-youth-outreach", f"Youth outreach in {p.place}", self.pick(charities),
             "Youth workers young people can talk to about pressure to carry drugs or money.",
             ["county-lines", "drug-dealing"], "support",
             [{"kind": "phone", "number": self.phone(), "hours": "Monday to Saturday, 3pm to 9pm"}],
             {"audience": ["young people"]}, pri("exploitation", "youth-safety")),
            (f"{p.code}-scam-marshals", f"Scam marshals ({p.place})", p.county.orgs["council"],
             "Volunteers who send in scam mail they receive, and learn to spot scams.", ["fraud"],
             "information", [{"kind": "email", "shared_mailbox": True,
                              "email": f"scammarshals@{p.county.orgs['council']}.example.org"}],
             {}, pri("fraud")),
            (f"{p.code}-rural-crime-watch", f"Rural crime watch ({p.place})", p.county.orgs["police"],
             "Report thefts from farms, fly-tipping on farmland and suspicious vehicles.", ["other"],
             "non-emergency", [{"kind": "online form",
                                "url": f"https://{p.county.orgs['police']}.example.org/rural"}], {},
             pri("rural-crime")),
            (f"{p.code}-drug-and-alcohol-support", f"Drug and alcohol support in {p.place}",
             p.county.orgs["health"], "Free, confidential help for anyone worried about drugs or "
             "alcohol, or about someone else's use.", ["drug-dealing"], "support",
             [{"kind": "phone", "number": self.phone(), "hours": "Monday to Friday, 9am to 5pm"}],
             {"anonymity": "confidential"}, pri("drugs")),
            (f"{p.code}-young-person-concern", f"Report a concern about a young person ({p.short})", p.org,
             "For professionals: tell the partnership about a young person who may be exploited.",
             ["county-lines", "modern-slavery"], "non-emergency",
             [{"kind": "online form", "url": f"https://{p.code}.example.org/concern"}],
             {"audience": ["professionals"]}, pri("exploitation")),
        ]
        for route_id, name, provider, summary, topics, urgency, channels, extra, priorities in local:
            self.route(route_id, name, provider, summary, topics, urgency, channels, p.id,
                       self.cite(document, f"5.{next(section)}"), verified(), priorities=priorities, **extra)

    # --- output -----------------------------------------------------------------------------

    def generate(self) -> None:
        self.build_national_routes()
        self.build_places()

    def files(self) -> dict[str, list[dict]]:
        """Data files (relative path -> records), laid out as in data/."""
        out = {f"{kind}.yml": records for kind, records in self.records.items()}
        for kind, groups in self.per_partnership.items():
            out |= {f"{kind}/{code}.yml": records for code, records in groups.items()}
        return out

    def counts(self) -> dict[str, int]:
        found = {kind: len(records) for kind, records in self.records.items()}
        for kind, groups in self.per_partnership.items():
            found[kind] = sum(len(records) for records in groups.values())
        return found

    def readme(self) -> str:
        return (f"# Synthetic data\n\nInvented by `cspsite synth --areas {self.n} --years {self.years} "
                f"--seed {self.seed} --first-year {self.first}`: {self.n} partnerships, financial years "
                f"{fy(self.first)} to {fy(self.first + self.years - 1)}. Nothing here is real; phone "
                "numbers are from Ofcom's ranges for drama.\n\nThe data is fresh as of "
                f"{self.as_of.isoformat()}. Check and build it as of that date:\n\n"
                f"    cspsite validate --data <this folder> --today {self.as_of.isoformat()}\n"
                f"    CSPSITE_DATA=<this folder> CSPSITE_TODAY={self.as_of.isoformat()} mkdocs build\n")


def write(out: Path, partnerships: int, years: int, seed: int, first_year: int | None = None) -> Synth:
    """Generate and write a data folder; `out` must be empty or missing."""
    first_year = first_year or FIRST_YEAR
    if partnerships < 1 or years < 1:
        raise ValueError("--areas and --years must be at least 1")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty; choose a new folder so no old file is mixed in")
    synth = Synth(partnerships, years, seed, first_year)
    synth.generate()
    header = (f"Synthetic data from 'cspsite synth --areas {partnerships} --years {years} --seed {seed} "
              f"--first-year {first_year}'. Invented: no real place, person or service.")
    for relative, records in synth.files().items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_records(records, header), encoding="utf-8")
    (out / "README.md").write_text(synth.readme(), encoding="utf-8")
    return synth
