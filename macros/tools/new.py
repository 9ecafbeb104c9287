"""`cspsite new <type>`: append a skeleton record, as a draft, to the right data file.

The record is added as text at the end of the file, so every other byte (comments, spacing,
quotes) stays exactly as it was. It is a draft, so it validates and is never published until
someone fills it in and removes `visibility: draft`; until every TODO is gone it cannot be made
public (data/unfinished.py). References point at records that exist, so the skeleton validates as
it stands: the partnership and the source are the ones given (--partnership, --source), the only
ones there are, or asked for; the optional fields follow as comments.
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

HEAD = "- id: {id}\n  visibility: draft  # delete this line when no TODO is left, to publish it\n"
CITE = ("  sources:\n    - document: {source}\n"
        "      section: TODO the section, paragraph or table it is in\n")
ORG = "{org}  # TODO: the organisation's id (data/organisations.yml)"
PRIORITY = "{priority}  # TODO: the priority's id (data/priorities.yml)"

# Placeholders say TODO: a text value starting with it, or a '# TODO' comment beside a value that
# had to be chosen. Each blocks publishing until it is filled in (data/unfinished.py).
BODIES = {
    "sources": f"  title: TODO the document's title\n  publisher: {ORG}\n  date: {{today}}  # TODO\n",
    "areas": "  name: TODO\n  kind: district  # TODO: district or town\n  parent: {partnership}\n" + CITE,
    "organisations": "  name: TODO\n  kind: other  # TODO: council, police, charity, ...\n" + CITE,
    "priorities": ("  area: {partnership}\n  name: TODO the priority's name\n  history:\n"
                   "    - year: {fy}\n      name: TODO the name that year\n"
                   "      sources:\n        - document: {source}\n          section: TODO\n" + CITE),
    "actions": (f"  area: {{partnership}}\n  plan: TODO the action plan's name\n  priority: {PRIORITY}\n"
                f"  objective: TODO\n  activity: TODO\n  leads:\n    - {ORG}\n" + CITE),
    "campaigns": ("  name: TODO the campaign's name\n  area: {partnership}\n  start: {soon}  # TODO\n"
                  "  end: {soon}  # TODO\n  status: upcoming  # upcoming, running or finished\n" + CITE),
    "funding-pots": (f"  name: TODO\n  funder: {ORG}\n  area: {{partnership}}\n  financial_years:\n"
                     "    - {fy}\n  allocated: 0  # TODO: pounds, digits only\n  as_of: {today}  # TODO\n"
                     + CITE),
    "funded-projects": ("  title: TODO what the money pays for\n  amount: 0  # TODO: pounds, digits only\n"
                        f"  award_date: {{today}}  # TODO\n  financial_year: {{fy}}\n  funder: {ORG}\n"
                        "  area: {partnership}\n" + CITE),
    "routes": (f"  name: TODO\n  provider: {ORG}\n  summary: TODO one sentence\n  topics:\n"
               "    - other  # TODO: what it is for\n"
               "  urgency: non-emergency  # TODO: emergency, non-emergency, support or information\n"
               "  anonymity: not stated\n  channels:\n    - kind: phone\n"
               "      missing_detail: TODO replace with 'number:' and the number\n"
               "  area: {partnership}\n  what_happens_next: TODO\n  verified_on: {today}\n" + CITE),
    "statistics": ("  metric: TODO what is counted\n  unit: people\n  area: {partnership}\n  points:\n"
                   "    - period: TODO as the report words it\n      as_of: {today}  # TODO\n"
                   "      value: 0  # TODO\n"
                   "      sources:\n        - document: {source}\n          section: TODO\n" + CITE),
}
SKIP_OPTIONAL = {"visibility"}  # written in HEAD


def optional_fields(record_type: str, written: str) -> str:
    """The optional fields the skeleton leaves out, as comments: '  # notes: what it means'."""
    model = RECORD_TYPES[record_type].model
    lines = []
    for name, info in model.model_fields.items():
        if info.is_required() or name in SKIP_OPTIONAL or f"\n  {name}:" in written:
            continue
        about = (info.description or "").replace("TODO", "to do").split(". ")[0]
        lines.append(f"  # {name}:{f'  # {about}' if about else ''}\n")
    return ("  # Optional: delete the '# ' before a field to use it.\n" + "".join(lines)) if lines else ""


class NeedsChoice(ValueError):
    """`new` was not told which partnership or source, and there is more than one."""

    def __init__(self, option: str, what: str, choices: list[str]):
        self.option, self.choices = option, choices
        listed = ", ".join(choices[:12]) + (f" and {len(choices) - 12} more" if len(choices) > 12 else "")
        super().__init__(f"say which {what} the record belongs to: {option} ID (one of: {listed})")


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


def choose(given: str | None, option: str, what: str, choices: list[str], ask=None) -> str:
    """The id given with `option`, the only one there is, or one the person picks when asked;
    never an arbitrary one."""
    if given is not None:
        if given not in choices:
            raise ValueError(f"there is no {what} with id '{given}'; {option} takes one of: "
                             + ", ".join(choices[:12]))
        return given
    if len(choices) == 1:
        return choices[0]
    if not choices:
        return "TODO"
    if ask is None:
        raise NeedsChoice(option, what, choices)
    return ask(what, choices)


def skeleton(dataset: Dataset, record_type: str, record_id: str, today: dt.date,
             partnership: str | None = None, source: str | None = None, ask=None) -> str:
    partnerships = [a.id for a in dataset.all("areas") if a.kind == AreaKind.partnership]
    first = lambda kind, fallback: next((r.id for r in dataset.all(kind)), fallback)  # noqa: E731
    body = BODIES[record_type]
    values = {
        "id": record_id, "today": today.isoformat(), "fy": str(financial_year_of(today)),
        "soon": (today + dt.timedelta(days=30)).isoformat(),  # a campaign not yet started
        "partnership": choose(partnership, "--partnership", "partnership", partnerships, ask)
        if "{partnership}" in body else "", "org": first("organisations", "TODO"),
        "source": choose(source, "--source", "source document", [s.id for s in dataset.all("sources")], ask)
        if "{source}" in body else "", "priority": first("priorities", "TODO"),
    }
    text = (HEAD + body).format(**values)
    return text + optional_fields(record_type, text)


def add_skeleton(data_dir: Path, dataset: Dataset, record_type: str, today: dt.date,
                 partnership: str | None = None, source: str | None = None, ask=None) -> Added:
    raws, _ = load_data(data_dir)
    taken = {str(raw.data.get("id")) for raw in raws}
    record_id = fresh_id(record_type, taken)
    written = skeleton(dataset, record_type, record_id, today, partnership, source, ask)
    path = target_file(data_dir, record_type, record_id)
    if path.stem == record_id:  # a file of its own: the record as a mapping at the margin
        path.write_text(textwrap.dedent("  " + written[2:]),
                        encoding="utf-8")
        return Added(record_type, record_id, path, 1)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text.strip() in {"[]", "[ ]"}:
        raise ValueError(f"{path} holds an empty list written as '[]'; replace it with nothing and "
                         "run this again")
    separator = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    line = (text + separator).count("\n") + 1
    with path.open("a", encoding="utf-8") as out:
        out.write(separator + written)
    return Added(record_type, record_id, path, line)
