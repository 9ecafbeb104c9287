"""`cspsite new <type>`: append a skeleton record, as a draft, to the right data file.

The record is added as text at the end of the file, so every other byte (comments, spacing,
quotes) stays exactly as it was. It is a draft, so it validates and is never published until
someone fills it in and removes `visibility: draft`. References point at records that exist, so
the skeleton validates as it stands; the TODO comments say what to change.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from pathlib import Path

from macros.data.dataset import Dataset
from macros.data.load import data_files, load_data
from macros.data.yaml_reader import read_yaml
from macros.model import RECORD_TYPES
from macros.model.areas import AreaKind
from macros.model.fields import financial_year_of

ALIASES = {"pot": "funding-pots", "project": "funded-projects"}

HEAD = "- id: {id}\n  visibility: draft  # TODO: delete this line when the record is ready to publish\n"
CITE = "  sources:\n    - document: {source}  # TODO: the document this comes from\n      section: TODO\n"

BODIES = {
    "sources": "  title: TODO the document's title\n  publisher: {org}\n  date: {today}\n",
    "areas": "  name: TODO\n  kind: district\n  parent: {partnership}\n" + CITE,
    "organisations": "  name: TODO\n  kind: other  # council, police, charity, ...\n" + CITE,
    "priorities": ("  area: {partnership}\n  name: TODO the priority's name\n  history:\n"
                   "    - year: {fy}\n      name: TODO the name that year\n"
                   "      sources:\n        - document: {source}\n          section: TODO\n" + CITE),
    "actions": ("  area: {partnership}\n  plan: TODO the action plan's name\n  priority: {priority}\n"
                "  objective: TODO\n  activity: TODO\n  leads:\n    - {org}\n" + CITE),
    "campaigns": ("  name: TODO the campaign's name\n  area: {partnership}\n  start: {soon}\n"
                  "  end: {soon}\n  status: upcoming  # upcoming, running or finished\n" + CITE),
    "funding-pots": ("  name: TODO\n  funder: {org}\n  area: {partnership}\n  financial_years:\n"
                     "    - {fy}\n  allocated: 0  # TODO: pounds, digits only\n  as_of: {today}\n" + CITE),
    "funded-projects": ("  title: TODO what the money pays for\n  amount: 0  # TODO: pounds, digits only\n"
                        "  award_date: {today}\n  financial_year: {fy}\n  funder: {org}\n"
                        "  area: {partnership}\n" + CITE),
    "routes": ("  name: TODO\n  provider: {org}\n  summary: TODO one sentence\n  topics:\n    - other\n"
               "  urgency: non-emergency\n  anonymity: not stated\n  channels:\n    - kind: phone\n"
               "      missing_detail: TODO replace with 'number:' and the number\n"
               "  area: {partnership}\n  what_happens_next: TODO\n  verified_on: {today}\n" + CITE),
    "statistics": ("  metric: TODO what is counted\n  unit: people\n  area: {partnership}\n  points:\n"
                   "    - period: TODO as the report words it\n      as_of: {today}\n      value: 0\n"
                   "      sources:\n        - document: {source}\n          section: TODO\n" + CITE),
}


@dataclass(frozen=True)
class Added:
    record_type: str
    record_id: str
    path: Path
    line: int


def record_type_named(name: str) -> str:
    """'campaign' or 'campaigns' -> 'campaigns'; a clear error otherwise."""
    by_noun = {t.noun: name for name, t in RECORD_TYPES.items()} | ALIASES
    if name in RECORD_TYPES:
        return name
    if name in by_noun:
        return by_noun[name]
    choices = ", ".join(sorted(by_noun))
    raise ValueError(f"'{name}' is not a kind of record; choose one of: {choices}")


def fresh_id(record_type: str, taken: set[str]) -> str:
    number = 1
    while f"new-{RECORD_TYPES[record_type].noun}-{number}" in taken:
        number += 1
    return f"new-{RECORD_TYPES[record_type].noun}-{number}"


def target_file(data_dir: Path, record_type: str, record_id: str) -> Path:
    """The type's own list file, or the first list file in its folder (one per partnership); once
    the records have a file each (`cspsite split`), a new file named by the id."""
    files = data_files(data_dir)[record_type]
    lists = [f for f in files if not isinstance(read_yaml(f.read_text(encoding="utf-8")), dict)]
    if lists or not files:
        return lists[0] if lists else data_dir / f"{record_type}.yml"
    return data_dir / record_type / f"{record_id}.yml"


def skeleton(dataset: Dataset, record_type: str, record_id: str, today: dt.date) -> str:
    partnerships = [a.id for a in dataset.all("areas") if a.kind == AreaKind.partnership]
    first = lambda kind, fallback: next((r.id for r in dataset.all(kind)), fallback)  # noqa: E731
    values = {
        "id": record_id, "today": today.isoformat(), "fy": str(financial_year_of(today)),
        "soon": (today + dt.timedelta(days=30)).isoformat(),  # a campaign not yet started
        "partnership": partnerships[0] if partnerships else first("areas", "TODO"),
        "source": first("sources", "TODO"), "org": first("organisations", "TODO"),
        "priority": first("priorities", "TODO"),
    }
    return (HEAD + BODIES[record_type]).format(**values)


def add_skeleton(data_dir: Path, dataset: Dataset, record_type: str, today: dt.date) -> Added:
    raws, _ = load_data(data_dir)
    taken = {str(raw.data.get("id")) for raw in raws}
    record_id = fresh_id(record_type, taken)
    path = target_file(data_dir, record_type, record_id)
    if path.stem == record_id:  # a file of its own: the record as a mapping at the margin
        path.write_text(textwrap.dedent("  " + skeleton(dataset, record_type, record_id, today)[2:]),
                        encoding="utf-8")
        return Added(record_type, record_id, path, 1)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text.strip() in {"[]", "[ ]"}:
        raise ValueError(f"{path} holds an empty list written as '[]'; replace it with nothing and "
                         "run this again")
    separator = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    line = (text + separator).count("\n") + 1
    with path.open("a", encoding="utf-8") as out:
        out.write(separator + skeleton(dataset, record_type, record_id, today))
    return Added(record_type, record_id, path, line)
