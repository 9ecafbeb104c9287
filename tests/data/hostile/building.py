"""Hostile data directories for `cspsite validate`, each with the outcome it must have: how a
case is made and what it expects. The cases themselves are in corpus_*.py (the first 149 were
written outside the repository, in /work/hostile/cases.py); tests/data/test_hostile.py runs them.

Every case is a copy of the small fixture (tests/fixtures/minimal/) with one mutation: the kind
of thing a stranger's pull request, an attacker or a careless paste brings in. The validator must
never crash (traceback), never hang, and must refuse what is wrong naming the file and the line
in plain English; some cases (a UTF-8 BOM, CRLF line endings, Welsh text...) must be accepted.

    from tests.data.hostile import CASES
    for case in CASES:
        case.build(Path(empty_dir))  # writes empty_dir/data/...
        # run: cspsite validate --data data   (from empty_dir), then judge with the fields below

Case fields:
  name, description  a unique slug, and one line saying what the case does
  build(dir)         writes the case into an empty directory: dir/data/ (plus dir/outside/ for
                     the symlink cases); large payloads are generated here, never stored
  expect             'refused': exit 1, no traceback, a problem line naming `file` (and `line`)
                     'accepted': exit 0, no traceback
  file               the path (relative to dir, e.g. 'data/areas.yml') a problem line must name;
                     for accepted cases, the file a warning must name when `warning` is set
  line               the 1-based line (as an editor counts lines: by '\\n') that must be named,
                     or None when any line of `file` will do
  message_contains   words the field and message of that problem line must contain
                     (case-insensitive); each entry may list alternatives as 'a|b|c'
  max_problems       refused: at most this many problem lines in all (no cascades)
  silent             accepted: no problem line at all, not even a warning
  warning            accepted: a warning must name `file`/`line` with `message_contains`
  refusal_ok         accepted, but a clean refusal (as for 'refused') passes too
  max_seconds        fail when the validator uses more CPU time (user + system) than this, even
                     within the runner's timeout (CPU time, unlike wall time, barely depends on
                     how busy the machine is)

The fixture is tests/fixtures/minimal (or $CSPSITE_HOSTILE_FIXTURE).
Line numbers are looked up in the fixture's text when this module is imported, so they follow
the fixture if it changes; a line that cannot be found raises at import, never silently.
Cases are deterministic: no randomness, no clock, no network.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

FIXTURE = Path(os.environ.get("CSPSITE_HOSTILE_FIXTURE",
                              Path(__file__).resolve().parents[2] / "fixtures" / "minimal"))

Expect = Literal["refused", "accepted"]


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    build: Callable[[Path], None]
    expect: Expect
    file: str | None = None
    line: int | None = None
    message_contains: tuple[str, ...] = ()
    max_problems: int | None = None
    silent: bool = False
    warning: bool = False
    refusal_ok: bool = False
    max_seconds: float | None = None

    def __post_init__(self) -> None:
        if self.expect not in ("refused", "accepted"):
            raise ValueError(f"{self.name}: expect must be 'refused' or 'accepted'")
        if self.expect == "refused" and not self.file:
            raise ValueError(f"{self.name}: a refused case must name the file to be reported")
        if self.warning and not self.file:
            raise ValueError(f"{self.name}: a warning case must name the file to be reported")


# --- the fixture ------------------------------------------------------------------------------

AREAS = "areas.yml"
ORGS = "organisations.yml"
PROJECTS = "funded-projects/test.yml"
ROUTES = "routes.yml"
SOURCES = "sources.yml"
CAMPAIGNS = "campaigns.yml"
POTS = "funding-pots.yml"
STATS = "statistics.yml"
ACTIONS = "actions/test.yml"
PRIORITIES = "priorities.yml"


def _fixture_lines(rel: str) -> list[str]:
    path = FIXTURE / "data" / rel
    if not path.is_file():
        raise FileNotFoundError(f"fixture file {path} is missing; set CSPSITE_HOSTILE_FIXTURE")
    return path.read_text(encoding="utf-8").split("\n")


def ln(rel: str, text: str, nth: int = 1) -> int:
    """The 1-based line of the fixture file `rel` that is exactly `text` (its nth occurrence)."""
    hits = [i + 1 for i, line in enumerate(_fixture_lines(rel)) if line == text]
    if len(hits) < nth:
        raise LookupError(f"{rel}: no line {text!r} (occurrence {nth}) in the fixture")
    return hits[nth - 1]


def fixture_line_count(rel: str) -> int:
    """Lines in a fixture file as an editor numbers them (the text after the last '\\n' excluded)."""
    lines = _fixture_lines(rel)
    return len(lines) - 1 if lines[-1] == "" else len(lines)


def D(rel: str) -> str:
    """The path a problem line shows for a data file: 'data/<rel>'."""
    return f"data/{rel}"


# --- building -------------------------------------------------------------------------------

Text = str | bytes
Lazy = Text | Callable[[], Text]
Mutation = Callable[[Path], None]  # applied to the copied data folder


def _value(new: Lazy) -> Text:
    return new() if callable(new) else new


def _encode(part: Text) -> bytes:
    return part if isinstance(part, bytes) else part.encode("utf-8")


def _read_lines(path: Path) -> list[Text]:
    return path.read_text(encoding="utf-8").split("\n")


def _write_lines(path: Path, lines: Sequence[Text], newline: bytes = b"\n", prefix: bytes = b"") -> None:
    path.write_bytes(prefix + newline.join(_encode(part) for part in lines))


def build(*mutations: Mutation) -> Callable[[Path], None]:
    """A build function: copy the fixture into dir/data, then apply each mutation in order."""

    def run(root: Path) -> None:
        shutil.copytree(FIXTURE / "data", root / "data", symlinks=True)
        for mutate in mutations:
            mutate(root / "data")

    return run


def replace(rel: str, old: str, new: Lazy, nth: int = 1) -> Mutation:
    """Replace the fixture line `old` by `new` (text or bytes, may span lines, may be lazy)."""
    index = ln(rel, old, nth) - 1

    def mutate(data: Path) -> None:
        lines = _read_lines(data / rel)
        lines[index] = _value(new)
        _write_lines(data / rel, lines)

    return mutate


def insert_after(rel: str, anchor: str, new: Lazy, nth: int = 1) -> Mutation:
    """Insert `new` as the line(s) after the fixture line `anchor`."""
    index = ln(rel, anchor, nth)

    def mutate(data: Path) -> None:
        lines = _read_lines(data / rel)
        lines.insert(index, _value(new))
        _write_lines(data / rel, lines)

    return mutate


def delete(rel: str, old: str, nth: int = 1) -> Mutation:
    index = ln(rel, old, nth) - 1

    def mutate(data: Path) -> None:
        lines = _read_lines(data / rel)
        del lines[index]
        _write_lines(data / rel, lines)

    return mutate


def append(rel: str, new: Lazy) -> Mutation:
    """Add `new` at the end of the file (which ends with a newline), so it starts on line count+1."""

    def mutate(data: Path) -> None:
        path = data / rel
        path.write_bytes(path.read_bytes() + _encode(_value(new)))

    return mutate


def write(rel: str, content: Lazy) -> Mutation:
    """Replace the whole file `rel` (created if new, folders included)."""

    def mutate(data: Path) -> None:
        path = data / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_encode(_value(content)))

    return mutate


def remove(rel: str) -> Mutation:
    def mutate(data: Path) -> None:
        path = data / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()

    return mutate


def rename(rel: str, new_rel: str) -> Mutation:
    def mutate(data: Path) -> None:
        (data / rel).rename(data / new_rel)

    return mutate


def symlink(rel: str, target: str) -> Mutation:
    """Make data/rel a symbolic link to `target` (relative to data/rel's folder, or absolute)."""

    def mutate(data: Path) -> None:
        path = data / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target)

    return mutate


def outside(rel: str, content: Lazy) -> Mutation:
    """Write a file beside the data folder: dir/<rel>."""

    def mutate(data: Path) -> None:
        path = data.parent / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_encode(_value(content)))

    return mutate


def fixture_file(rel: str) -> Callable[[], str]:
    return lambda: (FIXTURE / "data" / rel).read_text(encoding="utf-8")


def every_file(transform: Callable[[str], bytes]) -> Mutation:
    """Rewrite every .yml file of the data folder through `transform` (its text to new bytes)."""

    def mutate(data: Path) -> None:
        for path in sorted(data.rglob("*.yml")):
            path.write_bytes(transform(path.read_text(encoding="utf-8")))

    return mutate


def reencode(rel: str, transform: Callable[[str], bytes]) -> Mutation:
    def mutate(data: Path) -> None:
        path = data / rel
        path.write_bytes(transform(path.read_text(encoding="utf-8")))

    return mutate


def empty_data_folder(root: Path) -> None:
    (root / "data").mkdir()


def make_fifo(rel: str) -> Mutation:
    def mutate(data: Path) -> None:
        (data / rel).unlink()
        os.mkfifo(data / rel)

    return mutate


# --- payloads (generated at build time) -------------------------------------------------------


def alias_bomb_flow() -> str:
    """Nine levels of nine aliases on one line: 9**9 (387 million) strings once expanded."""
    levels = ["&a [" + ", ".join(["lol"] * 9) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"&{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "  towns: [" + ", ".join(levels) + "]"


def alias_bomb_block() -> str:
    """The classic multi-line billion laughs, as block list items of towns."""
    lines = ["  towns:", "    - &a [" + ", ".join(["lol"] * 10) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"    - &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines)


def big_organisations(count: int, start: int = 1) -> str:
    """`count` valid organisation records of 5 lines each."""
    return "".join(
        f"- id: bulk-org-{n:06d}\n  name: Bulk organisation {n}\n  kind: charity\n"
        f"  sources: [{{document: test-report, section: \"1\"}}]\n  description: Record {n}.\n"
        for n in range(start, start + count)
    )


def long_organisations(count: int, description_lines: int) -> str:
    """`count` valid organisation records, each with a folded description of that many lines."""
    body = "".join(f"    Line {n} of a long description of what this organisation does.\n"
                   for n in range(1, description_lines + 1))
    return "".join(
        f"- id: long-org-{n:06d}\n  name: Long organisation {n}\n  kind: charity\n"
        f"  sources: [{{document: test-report, section: \"1\"}}]\n  description: >-\n{body}"
        for n in range(1, count + 1)
    )


def misspelt_projects(count: int) -> str:
    """`count` funded projects, each naming a funder that does not exist (but looks close)."""
    return "".join(
        f"- id: bulk-project-{n:05d}\n  title: Bulk project {n}\n  amount: 1\n"
        f"  award_date: 2019-07-28\n  financial_year: 2019/20\n  funder: bulk-orgg-{n:06d}\n"
        f"  area: test-csp\n  sources: [{{document: test-report, section: \"2.6\"}}]\n"
        for n in range(1, count + 1)
    )


ORGANISATIONS_JSON = """[
  {"id": "test-council", "name": "Test District Council", "kind": "council",
   "sources": [{"document": "test-report", "section": "1.2"}]},
  {"id": "test-police", "name": "Testshire Police", "kind": "police",
   "sources": [{"document": "test-report", "section": "1.2"}]},
  {"id": "test-partnership", "name": "Test Community Safety Partnership (all partners)",
   "kind": "partnership", "sources": [{"document": "test-report", "section": "1.2"}]}
]
"""

# Frequently used fixture lines.
TOWNS = "  towns: [Testford, Exampleton]"
ORG_NAME = "  name: Test District Council"
POLICE_NAME = "  name: Testshire Police"
POLICE_KIND = "  kind: police"
PARTNERSHIP_ID = "- id: test-partnership"
TITLE = "  title: Skate park safety event"
AMOUNT = "  amount: 420"
AWARD_DATE = "  award_date: 2019-07-28"
HELPLINE_NUMBER = "      number: 0808 2000 247"
CHAT_URL = "      url: https://helpline.example.org/chat"
NEXT = "  what_happens_next: The operator connects you to the police."
SUMMARY = "  summary: If someone is in danger now."
HELP_SUMMARY = "  summary: Free, confidential support for anyone affected by abuse."
CAMPAIGN_NAME = "  name: Test Awareness Week"
CAMPAIGN_START = "  start: 2023-06-26"
REPORT_NUMBER = "  report_number: TEST/23/001"
STAT_VALUE = "      value: 34"

TEXT_WORDS = ("character|control|invisible|direction|right-to-left|escape|backspace|null",)
LONG_WORDS = ("long|length|characters|size|large|limit",)
LINK_WORDS = ("link|https|address",)

CASES: list[Case] = []


def case(name: str, description: str, build_fn: Callable[[Path], None], expect: Expect,
         file: str | None = None, line: int | None = None, message_contains: Sequence[str] = (),
         **options) -> None:
    if any(c.name == name for c in CASES):
        raise ValueError(f"two cases are named {name}")
    CASES.append(Case(name, description, build_fn, expect, file, line, tuple(message_contains),
                      **options))


