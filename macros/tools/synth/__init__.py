"""cspsite synth: a complete, invented data folder shaped like data/, for scale tests and benchmarks.

England and Wales holds invented counties, which hold N partnerships of 1 to 4 districts each.
Per partnership and financial year there is a committee report, and about 8 priorities, 30
action items, 12 campaigns, 15 funded projects (from one or two pots) and 6 statistics points
that cite its sections; each partnership has about 20 reporting routes (national and county ones
are shared). Phone numbers are in Ofcom's ranges for drama, e-mail and web addresses are under
example.org, and every name is built from syllables or generic words.

The same arguments give the same bytes: one seeded generator, no clock, no iteration over sets.
Dates are relative to the first financial year, never to today, so the checks that depend on the
date (route freshness, stale updates, campaign status) are clean only as of `as_of()`: validate
and build with --today (or CSPSITE_TODAY) set to it. It is printed and written to README.md.
"""

from __future__ import annotations

from pathlib import Path

from macros.tools.synth.base import FIRST_YEAR, as_of
from macros.tools.synth.places import Places
from macros.tools.synth.routes import Routes
from macros.tools.synth.work import Work
from macros.tools.yaml_write import dump_records


class Synth(Places, Work, Routes):
    """The whole generator: `generate()`, then `files()`."""

    def generate(self) -> None:
        self.build_national_routes()
        self.build_places()


def write(out: Path, partnerships: int, years: int, seed: int, first_year: int | None = None) -> Synth:
    """Generate and write a data folder; `out` must be empty or missing."""
    first_year = first_year or FIRST_YEAR
    if partnerships < 1 or years < 1:
        raise ValueError("--areas and --years must be at least 1")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty; choose a new folder so no old file is mixed in")
    synth = Synth(partnerships, years, seed, first_year)
    synth.generate()
    header = (f"Synthetic data from 'cspsite synth --areas {partnerships} --years {years} --seed {seed} "
              f"--first-year {first_year}'. Invented: no real place, person or service.")
    for relative, records in synth.files().items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_records(records, header), encoding="utf-8")
    (out / "README.md").write_text(synth.readme(), encoding="utf-8")
    return synth

__all__ = ["FIRST_YEAR", "Synth", "as_of", "write"]
