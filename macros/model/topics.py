"""The things residents report. Priorities and reporting routes are tagged with them."""

from enum import Enum


class Topic(str, Enum):
    domestic_abuse = "domestic-abuse"
    sexual_violence = "sexual-violence"
    hate_crime = "hate-crime"
    modern_slavery = "modern-slavery"
    county_lines = "county-lines"
    radicalisation = "radicalisation"
    fraud = "fraud"
    anti_social_behaviour = "anti-social-behaviour"
    drug_dealing = "drug-dealing"
    other = "other"


TOPIC_LABELS = {
    Topic.domestic_abuse: "Domestic abuse",
    Topic.sexual_violence: "Sexual violence",
    Topic.hate_crime: "Hate crime",
    Topic.modern_slavery: "Modern slavery or exploitation",
    Topic.county_lines: "Children drawn into county lines",
    Topic.radicalisation: "Radicalisation concerns",
    Topic.fraud: "Fraud and scams",
    Topic.anti_social_behaviour: "Anti-social behaviour",
    Topic.drug_dealing: "Drug dealing",
    Topic.other: "Something else",
}

# Other words residents use for each topic: the topic's report page shows them ("Also called")
# and ranks first for them in search, and the A to Z lists each one.
TOPIC_WORDS = {
    Topic.domestic_abuse: ("DV", "domestic violence", "coercive control", "partner abuse"),
    Topic.sexual_violence: ("rape", "sexual assault", "sexual abuse"),
    Topic.hate_crime: ("racism", "hate incident", "homophobia"),
    Topic.modern_slavery: ("slavery", "exploitation", "forced labour", "trafficking"),
    Topic.county_lines: ("cuckooing", "child exploitation", "drug running"),
    Topic.radicalisation: ("extremism", "terrorism", "Prevent"),
    Topic.fraud: ("scam", "scams", "con", "fraud"),
    Topic.anti_social_behaviour: ("ASB", "noise", "nuisance neighbours"),
    Topic.drug_dealing: ("drugs", "dealing"),
    Topic.other: ("crime", "report a crime"),
}
