"""Each partnership's priorities and its year of work: actions, campaigns, money, statistics."""

from __future__ import annotations

import calendar
import datetime as dt

from macros.tools.synth import words
from macros.tools.synth.base import (
    Partnership,
    SynthBase,
    fy,
)
from macros.tools.synth.words import PRIORITIES, PriorityKind, slug


class Work(SynthBase):
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
