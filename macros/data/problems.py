"""Problems are data: where (file, line, field), what, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from macros.model.catalogue import Rule


class Severity(str, Enum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    rule: Rule = Rule.INVALID
    severity: Severity = Severity.error
    record: tuple[str, str] | None = field(default=None, compare=False)  # (type, id) it is about

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.warning else ""
        # The code in brackets is the message's entry in the staff guide's list. One problem is
        # one line, whatever a file name, field name or value echoed in the message holds.
        return (f"{_one_line(self.path)}:{self.line}: {_one_line(self.field, 80)}: {prefix}"
                f"{_one_line(self.message, 1000)} [{self.rule}]")


def _one_line(text: str, limit: int | None = None) -> str:
    if not text.isprintable():
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    return text if limit is None or len(text) <= limit else text[:limit - 3] + "..."


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.error]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.warning]


MAX_LISTED_PER_FILE = 100  # past this, one more line counts the rest of a file's problems


def listed(problems: list[Problem], counted: dict[str, int] | None = None,
           limit: int = MAX_LISTED_PER_FILE) -> list[Problem]:
    """Every problem, sorted, but at most `limit` per file: the rest of a file's problems (and the
    `counted` ones, never explained) are one line saying how many more there are."""
    from macros.model.catalogue import Rule

    by_path: dict[str, list[Problem]] = {}
    for problem in sorted(problems):
        by_path.setdefault(problem.path, []).append(problem)
    out: list[Problem] = []
    for path in sorted(by_path.keys() | (counted or {}).keys()):
        found = by_path.get(path, [])
        more = len(found[limit:]) + (counted or {}).get(path, 0)
        out += found[:limit]
        if more:
            line = found[limit].line if len(found) > limit else (found[-1].line if found else 1)
            out.append(Problem(path, line, "(file)", f"and {more:,} more problems in this file are not "
                               "listed; fix the ones above, then run the check again", Rule.LIMIT))
    return out


class DataError(Exception):
    """The data has problems a person must fix; carries every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n{lines}")
