"""Whether one run of `cspsite validate` on a hostile case did what the case expects.

A case passes when:
  refused   the exit code is 1, there is no traceback, and a problem line
            `path:line: field: message [code]` names the case's file (and line), its field and
            message contain message_contains, and the message is plain English (words, under
            1,000 characters, none of the parser's jargon); max_problems caps the problem lines
  accepted  the exit code is 0 and there is no traceback; `silent` allows no problem line,
            `warning` needs a warning naming the file/line; `refusal_ok` also passes a clean
            refusal as above
and it used less CPU time than its bound. (As /work/hostile/run.py judged them.)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from tests.data.hostile.building import Case

MAX_MESSAGE_CHARS = 1000
PROBLEM_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<rest>.*)$")
FORMAT_RE = re.compile(r"^(?P<field>[^:]+?): (?P<message>.+) \[(?P<code>[A-Za-z0-9_.-]+)\]$")
TRACEBACK_MARKERS = ("Traceback (most recent call last)", "Fatal Python error", "Segmentation fault")
# Words of the machinery, not of the people who edit the data.
JARGON = ("Traceback", "tag:yaml.org", "<class ", "object at 0x", "ScalarNode", "MappingNode",
          "SequenceNode", "<block ", "<flow ", "<document ", "<stream ", "<scalar>", "unhashable",
          "pydantic", "Input should be", "errors.pydantic.dev", "NoneType", "RecursionError",
          "MemoryError", "UnicodeDecodeError", "ValueError", "TypeError", "KeyError",
          "Keys should be strings", "Field required", "Extra inputs are not permitted",
          "value is not a valid", "Decimal(", "^", "\\w", "\\d", "simple key", "token")


@dataclass(frozen=True)
class Run:
    """What one validation printed and how it ended (exit_code None: it did not finish)."""

    exit_code: int | None
    stdout: str
    stderr: str
    cpu_seconds: float
    root: Path


@dataclass(frozen=True)
class Line:
    path: str
    line: int
    text: str  # 'field: message [code]'
    field: str | None
    message: str | None
    warning: bool


def _normal_path(shown: str, root: Path) -> str:
    path = Path(shown)
    if path.is_absolute():
        for base in (root, root.resolve()):
            try:
                return os.path.normpath(str(path.relative_to(base)))
            except ValueError:
                pass
        return str(path)
    return os.path.normpath(shown)


def words_missing(text: str, wanted: tuple[str, ...]) -> list[str]:
    """The entries of `wanted` (each 'a|b|c') that `text` lacks."""
    lower = text.lower()
    return [entry for entry in wanted if not any(alt.lower() in lower for alt in entry.split("|"))]


def not_plain_english(line: Line) -> str | None:
    """Why a problem line is not plain English, or None when it is."""
    if line.message is None:
        return ("the line does not end with '[code]' (a raw line break in the message?)"
                if ": " in line.text else "not in the form 'path:line: field: message [code]'")
    if len(line.message) > MAX_MESSAGE_CHARS:
        return f"message of {len(line.message):,} characters (echoes the value?)"
    jargon = next((j for j in JARGON if j in line.message), None)
    if jargon:
        return f"jargon {jargon!r}"
    if len(re.findall(r"[A-Za-z]{2,}", line.message)) < 3:
        return "message has fewer than three words"
    return None


def problem_lines(run: Run) -> list[Line]:
    found = []
    for text in (run.stdout + "\n" + run.stderr).splitlines():
        match = PROBLEM_RE.match(text)
        if match and not text.startswith(" "):
            rest = match.group("rest")
            form = FORMAT_RE.match(rest)
            found.append(Line(_normal_path(match.group("path"), run.root), int(match.group("line")), rest,
                              form.group("field") if form else None, form.group("message") if form else None,
                              bool(form and form.group("message").startswith("warning:"))))
    return found


def _refusal(case: Case, run: Run, lines: list[Line]) -> list[str]:
    found: list[str] = []
    if run.exit_code != 1:
        found.append(f"exit {run.exit_code}, expected 1")
    naming = [p for p in lines if p.path == case.file and not p.warning]
    at_line = [p for p in naming if case.line is None or p.line == case.line]
    where = f"{case.file}:{case.line}" if case.line is not None else case.file
    if not at_line:
        seen = sorted({f"{p.path}:{p.line}" for p in lines if not p.warning})[:4]
        found.append(f"no error at {where}" + (f" (errors at {', '.join(seen)})" if seen else ""))
    else:
        good = [p for p in at_line if not_plain_english(p) is None]
        if not good:
            found.append(f"{where}: not plain English: {not_plain_english(at_line[0])}: {at_line[0].text}")
        elif not any(not words_missing(f"{p.field}: {p.message}", case.message_contains) for p in good):
            missing = words_missing(f"{good[0].field}: {good[0].message}", case.message_contains)
            found.append(f"{where}: message lacks {' / '.join(map(repr, missing))}: {good[0].text}")
    if case.max_problems is not None and len(lines) > case.max_problems:
        found.append(f"{len(lines)} problem lines, expected at most {case.max_problems}")
    return found


def judge(case: Case, run: Run, max_cpu_seconds: float) -> list[str]:
    """Why the run does not do what the case expects; empty when it does."""
    if run.exit_code is None:
        return [f"did not finish ({run.stderr.strip()[-200:]})"]
    reasons: list[str] = []
    output = run.stdout + run.stderr
    if any(marker in output for marker in TRACEBACK_MARKERS):
        reasons.append("traceback: " + output.strip().splitlines()[-1][:200])
    bound = case.max_seconds or max_cpu_seconds
    if run.cpu_seconds > bound:
        reasons.append(f"slow: {run.cpu_seconds:.1f} s CPU > {bound:g} s")
    lines = problem_lines(run)
    if case.expect == "refused" or (run.exit_code == 1 and case.refusal_ok):
        return reasons + _refusal(case, run, lines)
    if run.exit_code != 0:
        return reasons + [f"exit {run.exit_code}, expected 0 (accepted): {output.strip()[:300]}"]
    if case.silent and lines:
        reasons.append(f"not silent: {len(lines)} problem line(s), first {lines[0].path}:{lines[0].line}")
    if case.warning and not [p for p in lines if p.warning and p.path == case.file
                             and (case.line is None or p.line == case.line)
                             and not words_missing(p.text, case.message_contains)]:
        reasons.append(f"no warning at {case.file}:{case.line}")
    return reasons
