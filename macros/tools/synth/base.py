"""The generator's shared parts: constants, the places it invents, seeded helpers, and output."""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass, field

from macros.tools.synth import words
from macros.tools.synth.words import PriorityKind

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


class SynthBase:
    """The generator's state and its small helpers; the mixins add what it writes."""

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


    # --- output -----------------------------------------------------------------------------

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
