"""Invented places, organisations and the documents they publish."""

from __future__ import annotations

from macros.tools.synth import words
from macros.tools.synth.base import (
    DIRECTORY,
    EDITORS,
    NATIONAL,
    County,
    Partnership,
    SynthBase,
    fy,
    listed,
)
from macros.tools.synth.words import slug


class Places(SynthBase):
    # --- places, organisations and the documents they publish ------------------------------

    def build_places(self) -> None:
        self.add("organisations", {
            "id": EDITORS, "name": "Editors of this synthetic data set", "kind": "other",
            "description": "Invented the records in this folder. No record describes a real place, "
                           "person, organisation or event.",
            "sources": self.cite(DIRECTORY, "Introduction")})
        self.add("sources", {
            "id": DIRECTORY, "title": "National helplines and reporting services (synthetic)",
            "kind": "editors", "publisher": EDITORS, "date": self.first + self.years,
            "checked": "Nothing: every record in this folder is invented",
            "checked_on": self.first + self.years,
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
                "url": f"https://reports.example.org/synthetic/{document}.pdf",
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
                "url": f"https://reports.example.org/synthetic/{document}.pdf",
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
