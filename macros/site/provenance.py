"""Where a source document comes from, as a reader checks it: publisher, meeting, date, number,
and the original's address, or plainly that the original is not linked.

Read field by field with getattr, so a Source that gains, loses or reshapes a field (a meeting
with its own date, several publishers) still shows what it holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.model.fields import PartialDate

NOT_LINKED = "The original is not linked: this site does not know where it is published online."


@dataclass(frozen=True)
class Fact:
    label: str
    text: str
    href: str | None = None  # a link to the original, or to a record page (a site path)
    internal: bool = False


def _when(value) -> str:
    if isinstance(value, PartialDate):
        return value.human()
    return value.strftime("%-d %B %Y") if hasattr(value, "strftime") else str(value)


def _meeting(source) -> list[Fact]:
    found = []
    committee = getattr(source, "committee", None)
    if committee:
        found.append(Fact("Committee", str(committee)))
    meeting = getattr(source, "meeting", None)
    if isinstance(meeting, str) and meeting:
        found.append(Fact("Meeting", meeting))
    elif meeting is not None:  # a meeting of its own: a name and a date, perhaps
        name, date = getattr(meeting, "name", None), getattr(meeting, "date", None)
        text = ", ".join(part for part in (str(name) if name else "", _when(date) if date else "") if part)
        if text:
            found.append(Fact("Meeting", text))
    return found


def facts(dataset: Dataset, source) -> list[Fact]:
    """The source's provenance, in the order a citation gives it."""
    found = []
    publishers = getattr(source, "publisher", None)
    for publisher in publishers if isinstance(publishers, list | tuple) else [publishers]:
        org = dataset.find("organisations", publisher) if publisher else None
        if org:
            found.append(Fact("Published by", org.name, f"organisations/{org.id}/", internal=True))
    found += _meeting(source)
    date = getattr(source, "date", None)
    if date:
        found.append(Fact("Date", _when(date)))
    number = getattr(source, "report_number", None)
    if number:
        found.append(Fact("Report number", str(number)))
    url = getattr(source, "url", None)
    found.append(Fact("Original", str(url), str(url)) if url else Fact("Original", NOT_LINKED))
    checked, on = getattr(source, "checked", None), getattr(source, "checked_on", None)
    if checked:  # an editors' source: what they checked, and when
        found.append(Fact("What the editors checked", str(checked) + (f" ({_when(on)})" if on else "")))
    for related in getattr(source, "related", ()) or ():
        other = dataset.find("sources", related.document)
        if other:
            found.append(Fact(related.relation.value.capitalize(), other.title,
                              f"sources/{other.id}/", internal=True))
    return found
