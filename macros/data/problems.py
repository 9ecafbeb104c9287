"""Problems are data: where (file, line, field), what, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
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

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.warning else ""
        # The code in brackets is the message's entry in the staff guide's list.
        return f"{self.path}:{self.line}: {self.field}: {prefix}{self.message} [{self.rule}]"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.error]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.warning]


class DataError(Exception):
    """The data has problems a person must fix; carries every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n{lines}")
