"""Words for synthetic data: invented place names, and vocabularies shaped like the real reports.

Nothing here names a real person. Place names are built from syllables; schemes, campaigns and
charities from generic words, so no record can be mistaken for a real one.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

_START = ["Ash", "Brad", "Bram", "Cal", "Cold", "Dun", "Elm", "Fern", "Gran", "Hal", "Hart", "Kings",
          "Lang", "Mar", "Nor", "Oak", "Pen", "Red", "Stan", "Thorn", "Whit", "Wold", "Brock", "Chal",
          "Dray", "Ever", "Fox", "Gil", "Hol", "Kel", "Lid", "Mel", "Net", "Ock", "Quen", "Rad", "Sal",
          "Tad", "Wen", "Yar", "Bel", "Cran", "Dal", "Fal", "Grim", "Hen", "Lox", "Mord", "Ribb", "Sker"]
_MIDDLE = ["", "", "", "", "ber", "ing", "en", "le", "ling", "ton", "er"]
_END = ["ford", "ham", "ton", "bury", "wick", "ley", "by", "field", "worth", "stead", "combe", "mouth",
        "bridge", "minster", "thorpe", "well", "den", "hurst", "wood", "cliffe", "borough", "sey", "low",
        "more", "caster", "wich"]
_TOWN_FORMS = ["{}", "{}", "{}", "{}", "{}", "{}", "Great {}", "Little {}", "Market {}", "{} St Mary",
               "{} Green", "{} Magna"]
_DISTRICT_FORMS = ["North {}", "South {}", "East {}", "West {}", "Mid {}", "{} Vale", "{} Heath"]
DIRECTIONS = ["Northern", "Southern", "Eastern", "Western", "Central"]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


class Names:
    """Unique invented names: no two places, districts or counties share a stem."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def stem(self) -> str:
        for _ in range(1000):
            name = self.rng.choice(_START) + self.rng.choice(_MIDDLE) + self.rng.choice(_END)
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("ran out of invented place names")

    def town(self) -> str:
        return self.rng.choice(_TOWN_FORMS).format(self.stem())

    def county(self) -> str:
        stem = self.stem()
        return stem + "shire" if self.rng.random() < 0.6 else stem

    def district(self, main_town: str) -> str:
        return main_town if self.rng.random() < 0.6 else self.rng.choice(_DISTRICT_FORMS).format(self.stem())


@dataclass(frozen=True)
class PriorityKind:
    """A priority as partnerships name it over the years, what it covers, and what residents report."""

    key: str
    names: tuple[str, ...]  # later names are renames ("County Lines" became "Criminal Exploitation")
    subject: str  # how reports refer to it mid-sentence
    topics: tuple[str, ...]
    summary: str
    theme: bool = False
    # (objective, activity) pairs for work the generic templates would word oddly
    actions: tuple[tuple[str, str], ...] = ()


PRIORITIES = [
    PriorityKind("exploitation", ("County Lines", "Criminal Exploitation"),
                 "county lines and criminal exploitation", ("county-lines", "drug-dealing"),
                 "Drug markets run into {area} from outside, and the exploitation of children and "
                 "vulnerable adults to run them. The scope widened over time to all forms of criminal "
                 "exploitation."),
    PriorityKind("vawg", ("Violence against Women and Girls",
                          "Violence against Women and Girls (including men and boys)"),
                 "violence against women and girls", ("domestic-abuse", "sexual-violence"),
                 "Domestic abuse, sexual violence, stalking and harassment. The aim is a co-ordinated "
                 "service for victims and their families, and holding abusers to account."),
    PriorityKind("domestic-abuse", ("Domestic Abuse",), "domestic abuse", ("domestic-abuse",),
                 "Supporting victims of domestic abuse across {area}, and working with perpetrators to "
                 "change their behaviour."),
    PriorityKind("dhr", ("Domestic Homicide Reviews",), "domestic abuse", ("domestic-abuse",),
                 "Carrying out effective reviews, acting on their recommendations and sharing the "
                 "learning across organisations. A statutory duty of the partnership.",
                 actions=(("Carry out effective Domestic Homicide Reviews",
                           "Commission each review within the statutory timescale and track its action "
                           "plan to completion"),
                          ("Share the learning from reviews across organisations in {area}",
                           "Hold a learning event for {staff} on the findings of recent reviews"))),
    PriorityKind("hate-crime", ("Hate Crime", "Hate Crime and Community Cohesion"), "hate crime",
                 ("hate-crime",),
                 "Identifying and supporting victims of hate crime, raising awareness and building "
                 "confidence in communities to report it."),
    PriorityKind("prevent", ("Prevent", "Preventing Radicalisation"), "radicalisation",
                 ("radicalisation",),
                 "Stopping people being drawn into terrorism, through training for frontline staff "
                 "and clear routes for raising a concern."),
    PriorityKind("modern-slavery", ("Modern Slavery", "Modern Slavery and Human Trafficking"),
                 "modern slavery", ("modern-slavery",),
                 "Spotting the signs of modern slavery in local businesses and supporting victims to "
                 "come forward."),
    PriorityKind("fraud", ("Fraud", "Fraud and Scams"), "fraud and scams", ("fraud",),
                 "Protecting residents, especially older and vulnerable people, from doorstep, phone "
                 "and online scams."),
    PriorityKind("asb", ("Anti-social Behaviour",), "anti-social behaviour", ("anti-social-behaviour",),
                 "Tackling persistent anti-social behaviour in town centres and neighbourhoods, using "
                 "the tools of the 2014 Act where needed."),
    PriorityKind("serious-violence", ("Serious Violence", "Serious Violence Duty"), "serious violence",
                 ("other",),
                 "Reducing knife crime and serious violence, working to the local serious violence "
                 "strategy."),
    PriorityKind("drugs", ("Drug and Alcohol Harm",), "drug and alcohol harm", ("drug-dealing",),
                 "Reducing the harm drugs and alcohol cause to people and neighbourhoods in {area}."),
    PriorityKind("night-time", ("Safer Night-time Economy",), "safety in the night-time economy",
                 ("sexual-violence", "other"),
                 "Making evenings out in {area}'s towns safer, with licensed venues, taxi firms and "
                 "street pastors."),
    PriorityKind("rural-crime", ("Rural Crime",), "rural crime", ("other",),
                 "Farm, plant and heritage crime, and the isolation that makes rural victims less "
                 "likely to report."),
    PriorityKind("reoffending", ("Reducing Reoffending",), "reoffending", ("other",),
                 "Helping people leaving prison into housing, work and treatment, so they do not "
                 "offend again."),
    PriorityKind("youth-safety", ("Young People's Safety",), "young people's safety",
                 ("county-lines", "other"),
                 "Keeping young people safe in public places and online, and giving them things to do."),
    PriorityKind("data", ("Data and Intelligence",), "data sharing", (),
                 "Making sure partners share the data that shows where to act.", theme=True,
                 actions=(("Identify useful sources of data and share them with the right people",
                           "All partners to identify data that can be shared to help the CSP achieve its "
                           "goals"),
                          ("Build a shared picture of community safety in {area}",
                           "Produce a quarterly dashboard from police, council and fire data"))),
    PriorityKind("reporting", ("Reporting Routes",), "reporting routes", (),
                 "Understanding, improving and promoting the ways residents can report things.",
                 theme=True,
                 actions=(("Understand, optimise and promote reporting routes for all our priorities",
                           "All partners to share where they receive reports, and make those routes work "
                           "as well as possible"),
                          ("Make reporting routes easy to find",
                           "Publish every reporting route on partners' websites in the same words"))),
    PriorityKind("digital", ("Digital Safety", "Online Harms"), "online harm", ("fraud",),
                 "Understanding the online world and the harms it enables, and using digital channels "
                 "to reach residents.", theme=True,
                 actions=(("Understand the digital world and the behaviours it makes easier",
                           "Map and share existing online safety initiatives across partners"),
                          ("Use digital channels to reach our audiences",
                           "Plan a year of social media messages with partners' communications teams"))),
]

OBJECTIVES = [
    "Understand the true picture of {subject} in {area}",
    "Increase reporting of {subject} and support victims",
    "Raise awareness of {subject} among {audience}",
    "Strengthen the partnership response to {subject}",
    "Reduce the harm caused by {subject} in {place}",
]
ACTIVITIES = [
    "Engage with {audience} to understand their experiences of {subject}",
    "Deliver awareness sessions on {subject} to {audience} in {place}",
    "Map where reports of {subject} come from, using police and council data, and share the picture "
    "with partners",
    "Promote the routes for reporting {subject} through {channel}",
    "Train {staff} to recognise the signs of {subject} and how to make a referral",
    "Review referral pathways for victims of {subject} with {org}",
    "Run a joint week of action with {org} in {place} focused on {subject}",
    "Commission a local provider to deliver {subject} workshops for {audience}",
]
AUDIENCES = ["young people", "older residents", "parents and carers", "business owners", "taxi drivers",
             "licensed premises staff", "faith groups", "students", "disability forums",
             "housing association tenants", "rural communities", "school staff"]
STAFF = ["frontline council staff", "housing officers", "school staff", "licensing officers",
         "neighbourhood wardens", "health visitors", "fire safety officers"]
CHANNELS = ["social media", "local radio", "posters", "school assemblies", "leaflets",
            "community events", "staff training", "the council newsletter", "bus stop advertising"]
LEAD_NOTES = ["Communities team", "Community Safety Team", "Licensing team", "Neighbourhood policing team",
              "Safeguarding team", "Housing team", "Prevention team"]
UPDATES = [
    "{n} sessions delivered in {place}, reaching {m} people, mostly {audience}.",
    "Partners met in {month} to agree next steps; a draft plan goes to the next CSP meeting.",
    "Figures for the quarter shared with partners; reports of {subject} {moved} by {percent}% on the same "
    "quarter last year.",
    "Work delayed by staff vacancies; the lead expects to resume it next quarter.",
    "Referral pathway reviewed with partners; {m} referrals received so far this year.",
    "Materials refreshed and shared with {audience} through {channel}.",
]
KPIS = [("Number of {audience} reached", "people"), ("Reports of {subject}", "reports"),
        ("% of victims offered support who take it up", "%"), ("Sessions delivered", "sessions")]

CAMPAIGNS = {
    "hate-crime": ["Hate Crime Awareness Week", "Hate Has No Home in {place}", "Stand Together"],
    "vawg": ["Sixteen Days of Action", "Safer Nights Out", "Know the Signs of Coercive Control"],
    "domestic-abuse": ["Sixteen Days of Action", "Domestic Abuse Awareness Month", "Behind Closed Doors"],
    "exploitation": ["Look Closer", "County Lines Week of Action", "Operation {bird}"],
    "fraud": ["Scams Awareness Fortnight", "Doorstep Crime Week", "Scam Savvy {place}"],
    "asb": ["Respect {place}", "Summer of Safer Streets", "Operation {bird}"],
    "modern-slavery": ["Anti-Slavery Day", "Spot the Signs at the Car Wash"],
    "prevent": ["Prevent Awareness Week", "Safe Online Week"],
    "night-time": ["Safer Nights Out", "Ask for Help at the Bar"],
    "": ["Community Safety Week", "Safer {place} Day", "Operation {bird}"],
}
BIRDS = ["Kestrel", "Nightjar", "Curlew", "Merlin", "Plover", "Skylark", "Heron", "Avocet", "Lapwing",
         "Osprey", "Bittern", "Dunlin", "Wren", "Fieldfare", "Goshawk", "Redshank"]
REACH = [("People reached on social media", "people", 1000, 40000),
         ("Leaflets handed out", "leaflets", 100, 3000), ("Schools visited", "schools", 2, 25),
         ("Staff attending training sessions", "people", 10, 200), ("Events held", "events", 1, 12)]

PROJECTS = [
    ("{place} skate park safety event", "youth-safety"),
    ("{subject_title} theatre production for schools", "exploitation"),
    ("Hate crime conference", "hate-crime"),
    ("Junior Safety Day merchandise", ""),
    ("Removal of PSPO signs in {place}", "asb"),
    ("CCTV camera upgrade in {place} town centre", "asb"),
    ("Youth diversion football sessions in {place}", "exploitation"),
    ("Bystander training for licensed venues", "night-time"),
    ("Scam marshal packs and call blockers", "fraud"),
    ("Safe Places scheme window stickers", "hate-crime"),
    ("Street pastor radios for {place}", "night-time"),
    ("Domestic abuse awareness training for staff", "vawg"),
    ("Modern slavery awareness sessions for car washes", "modern-slavery"),
    ("Prevent training for community leaders", "prevent"),
    ("Door chains and locks for vulnerable residents", "fraud"),
    ("Knife amnesty bin for {place}", "serious-violence"),
    ("Detached youth work in {place}", "youth-safety"),
    ("Rural crime marking kits", "rural-crime"),
]

STATISTICS = [
    ("Anti-social behaviour incidents reported to the police in {area}", "incidents", "asb", 800, 6000),
    ("Hate crimes recorded by the police in {area}", "crimes", "hate-crime", 50, 600),
    ("Domestic abuse incidents recorded in {area}", "incidents", "vawg", 800, 5000),
    ("Cases heard at the domestic abuse MARAC from {area}", "cases", "dhr", 50, 400),
    ("People arrested in relation to county lines in {area}", "arrests", "exploitation", 10, 150),
    ("Fraud reports from {area} residents", "reports", "fraud", 200, 2000),
    ("Prevent referrals from {area}", "referrals", "prevent", 5, 60),
    ("Modern slavery referrals from {area}", "referrals", "modern-slavery", 5, 80),
    ("Professionals trained to spot exploitation in {area}", "people", "exploitation", 20, 400),
    ("Safe Places registered in {area}", "places", "hate-crime", 5, 60),
    ("Knife crimes recorded in {area}", "crimes", "serious-violence", 20, 300),
    ("Drug-related hospital admissions of {area} residents", "admissions", "drugs", 40, 500),
]

CHARITIES = ["{county} Domestic Abuse Service", "{county} Victim Care", "{town} Women's Refuge",
             "{county} Youth Outreach Trust", "{county} Refugee Support", "{county} Disabled People's Forum",
             "{county} Community Action", "{county} Sexual Violence Support"]
COMMITTEES = ["Overview and Scrutiny Committee", "Scrutiny Committee (sitting as the Crime and Disorder "
              "Committee)", "Community Safety Scrutiny Panel", "Cabinet"]
MEETS = ["Every 3 months, online", "Every 3 months", "Every 2 months, in person", "Twice a year"]
COUNCIL_KINDS = ["District Council", "Borough Council", "District Council", "City Council"]
