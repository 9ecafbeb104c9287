"""Invented reporting routes: national, county and local."""

from __future__ import annotations

import datetime as dt

from macros.tools.synth.base import (
    DIRECTORY,
    FREEPHONE,
    NATIONAL,
    NATIONAL_RATE,
    County,
    Partnership,
    SynthBase,
)
from macros.tools.synth.words import slug


class Routes(SynthBase):
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
                                                    "staff for help.",
               "address": f"Shops and libraries in {town} with the sticker",
               "hours": "During opening hours"}], {}, pri("hate-crime")),
            (f"{p.code}-community-safety-team", f"{p.short} community safety team", p.lead_council,
             "Ask the partnership's community safety team for advice about a problem in your area.",
             ["anti-social-behaviour", "other"], "information",
             [{"kind": "email", "email": f"communitysafety@{p.lead_council}.example.org",
               "shared_mailbox": True}], {}, []),
            (f"{p.code}-hate-incident-reporting-centres", f"Hate incident reporting centres ({p.place})",
             p.org, f"Report a hate incident in person at a library or community centre in {p.place}.",
             ["hate-crime"], "non-emergency",
             [{"kind": "in person", "instructions": "Ask at the reception desk.",
               "address": f"Libraries and community centres in {p.place}",
               "hours": "During opening hours"}], {"anonymity": "confidential"}, pri("hate-crime")),
            (f"{p.code}-womens-refuge", f"{town} Women's Refuge", self.pick(charities),
             "Safe accommodation and support for women and children leaving domestic abuse.",
             ["domestic-abuse"], "support",
             [{"kind": "phone", "number": self.phone(), "open_24_7": True}],
             {"audience": ["women"], "anonymity": "confidential"}, pri("vawg", "domestic-abuse")),
            (f"{p.code}-street-pastors", f"Street pastors in {town}", p.org,
             "Volunteers on the streets on Friday and Saturday nights to help anyone who needs it.",
             ["sexual-violence", "other"], "support",
             [{"kind": "in person", "address": f"{town} town centre",
               "hours": "Friday and Saturday, 10pm to 4am"}], {}, pri("night-time")),
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
