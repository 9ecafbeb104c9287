"""cspsite: validate the data, build or preview the site, regenerate schemas.

User mistakes (bad data) print plain messages and exit 1; anything else is a bug and
shows its traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from macros.build.state import DATA_ENV, TODAY_ENV
from macros.changes.touched import Shown, only_touched, touched_records, touched_since_published
from macros.data.load import display_path
from macros.data.problems import errors, warnings
from macros.data.rules import DEFAULT_ROUTE_AGE_DAYS
from macros.data.validate import validate
from macros.model import RECORD_TYPES
from macros.tools.schema import (
    EDITOR_SETTINGS,
    SCHEMA_DIR,
    editor_settings_stale,
    stale_schemas,
    write_editor_settings,
    write_schemas,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD") from exc


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path(os.environ.get(DATA_ENV, "data")),
                        help="folder holding the data files (default: data)")
    parser.add_argument("--today", type=_date, default=None,
                        help="check as if it were this date (YYYY-MM-DD); for embargoes and freshness")


def run_validate(args: argparse.Namespace) -> int:
    result = validate(args.data, args.today, route_age_days=args.route_age_days, strict=args.strict)
    shown = Shown(result.problems, 0)
    if warnings(result.problems) and not args.all_warnings:
        shown = only_touched(result.problems, touched_since_published(args.data))
    for problem in shown.problems:
        print(problem)
    if shown.hidden_warnings:
        print(f"{shown.hidden_warnings:,} warning{'s' if shown.hidden_warnings != 1 else ''} about records "
              "this change did not touch not shown; 'cspsite validate --all-warnings' lists them.")
    if not result.ok:
        count = result.error_count
        found = f"{count:,} error{'s' if count != 1 else ''} found in {args.data}."
        fix = f"fix {'it' if count == 1 else 'them'} and run 'cspsite validate' again"
        # One closing line; when a file could not be read it also says what that left unchecked.
        print(f"{found} {result.note}: {fix}." if result.note else f"{found} {fix.capitalize()}.",
              file=sys.stderr)
        return 1
    if result.problems:
        print()
    width = max(len(t.title) for t in RECORD_TYPES.values())
    for name, record_type in RECORD_TYPES.items():
        print(f"{record_type.title:<{width}}  {result.counts[name]:>5}  ({name})")
    total = sum(result.counts.values())
    if result.embargoes:  # the daily publish run puts each on the site on its day
        print(f"\nComing embargoes ({len(result.embargoes)}): published on the morning of each date")
        for e in result.embargoes:
            print(f"  {e.day.isoformat()}  {RECORD_TYPES[e.record_type].noun:<15} {e.record_id}  "
                  f"({e.path}:{e.line})")
    print(f"\nOK: {total} records valid, {len(warnings(result.problems))} warning(s).")
    return 0


def _mkdocs(command: str, args: argparse.Namespace, extra: list[str]) -> int:
    env = dict(os.environ, **{DATA_ENV: str(Path(args.data).resolve()), "NO_MKDOCS_2_WARNING": "1"})
    if args.today:
        env[TODAY_ENV] = args.today.isoformat()
    # Reproducible output: mkdocs stamps the sitemap (and its gzip header) with this time.
    day = args.today or dt.date.today()
    env.setdefault("SOURCE_DATE_EPOCH", str(int(dt.datetime(day.year, day.month, day.day,
                                                            tzinfo=dt.UTC).timestamp())))
    config = str(Path(args.config).resolve())
    return subprocess.call([sys.executable, "-m", "mkdocs", command, "-f", config, *extra], env=env)


def run_build(args: argparse.Namespace) -> int:
    # The data is validated once, inside the build, which stops with every problem listed.
    code = _mkdocs("build", args, ["--strict", "--site-dir", str(Path(args.site_dir).resolve())])
    if code == 0 and args.preview:
        from macros.tools.preview import make_openable

        pages = make_openable(Path(args.site_dir))
        print(f"Preview: {pages} pages link to index.html, so {args.site_dir}/index.html works opened "
              "from disk (search excepted)")
    return code


def run_preview(args: argparse.Namespace) -> int:
    from macros.tools.preview import extracted, serve_folder

    host, _, port = args.dev_addr.rpartition(":")
    try:
        with extracted(args.archive) as root:
            serve_folder(root, host or "127.0.0.1", int(port),
                         lambda url: print(f"Serving the preview at {url} (search included); Ctrl-C stops",
                                           flush=True))
    except (ValueError, OSError) as exc:
        print(f"cspsite preview: {exc}", file=sys.stderr)
        return 1
    print("Stopped.")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from macros.tools.serve import environment, serve

    # A data error shows in the browser over the last good build; Ctrl-C stops it quietly.
    environment(Path(args.data), args.today.isoformat() if args.today else None)
    config = Path(args.config).resolve()
    host, _, port = args.dev_addr.rpartition(":")
    watched = [Path(args.data).resolve(), config, config.parent / "site_src", config.parent / "overrides"]
    return serve(config, watched, host or "127.0.0.1", int(port), lambda text: print(text, flush=True))


def run_schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = [f"schema/{name}" for name in stale_schemas()]
        stale += [EDITOR_SETTINGS.relative_to(PROJECT_DIR).as_posix()] if editor_settings_stale() else []
        for name in stale:
            print(f"{name} is out of date; run 'cspsite schema' and commit the result")
        return 1 if stale else 0
    for path in write_schemas() + ([EDITOR_SETTINGS] if write_editor_settings() else []):
        print(f"wrote {path.relative_to(PROJECT_DIR)}")
    return 0


def run_cms_config(args: argparse.Namespace) -> int:
    from macros.tools.cms_files import ADMIN_DIR, stale_admin, write_admin

    try:
        if args.check:
            stale = stale_admin()
            for name in stale:
                print(f"site_src/admin/{name} is out of date; run 'cspsite cms-config' and commit the result")
            return 1 if stale else 0
        written = write_admin()
    except ValueError as exc:
        print(f"cspsite cms-config: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(PROJECT_DIR)}")
    if not written:
        print(f"{ADMIN_DIR.relative_to(PROJECT_DIR)} is up to date")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from macros.changes.history import compare, snapshot_at
    from macros.changes.permanent import check_permanent_ids
    from macros.changes.summary import as_markdown, as_text

    data = Path(args.data).resolve()
    try:
        repo = Path(subprocess.run(["git", "-C", str(data.parent), "rev-parse", "--show-toplevel"],
                                   check=True, capture_output=True, text=True).stdout.strip())
        folder = data.relative_to(repo).as_posix()
        after = snapshot_at(repo, args.head, folder)
        changes = compare(snapshot_at(repo, args.base, folder), after)
    except subprocess.CalledProcessError as exc:
        stderr = exc.stderr.decode() if isinstance(exc.stderr, bytes) else exc.stderr
        print(f"cspsite diff: git could not read that: {stderr.strip()}", file=sys.stderr)
        return 1
    head = args.head or "the working tree"
    gone = check_permanent_ids(repo, args.base, args.head, folder, args.today) if args.checks else []
    if args.markdown:
        checks = None
        if args.checks:
            # Warnings about records this change did not touch are counted, not repeated.
            checks = only_touched(gone + validate(data, args.today).problems, touched_records(changes))
        print(as_markdown(changes, args.base, head, checks, sorted(after.unreadable)), end="")
    else:
        print(as_text(changes, args.base, head, sorted(after.unreadable)), end="")
        for problem in gone:
            print(problem, file=sys.stderr)
    # --checks fails when a published address would stop working (the pull request's check).
    return 1 if gone else 0


def run_new(args: argparse.Namespace) -> int:
    from macros.tools.new import add_skeleton, record_type_named

    today = args.today or dt.date.today()
    try:
        record_type = record_type_named(args.type)
    except ValueError as exc:
        print(f"cspsite new: {exc}", file=sys.stderr)
        return 2
    before = validate(args.data, today)
    if not before.ok:
        print("Fix these problems first, then run 'cspsite new' again:", file=sys.stderr)
        for problem in errors(before.problems):
            print(problem, file=sys.stderr)
        return 1
    try:
        added = add_skeleton(args.data, before.dataset, record_type, today, args.partnership, args.source,
                             _ask if sys.stdin.isatty() and sys.stdout.isatty() else None)
    except ValueError as exc:
        print(f"cspsite new: {exc}", file=sys.stderr)
        return 1
    after = validate(args.data, today)
    kind = RECORD_TYPES[record_type].noun.replace("-", " ")
    print(f"Added a draft {kind} '{added.record_id}' at {display_path(added.path)}:{added.line}.")
    print("Fill in each TODO, then delete the 'visibility: draft' line to publish it: until no TODO "
          "is left, the check refuses to publish it.")
    for problem in errors(after.problems):
        print(problem)
    return 0 if after.ok else 1


def _ask(what: str, choices: list[str]) -> str:
    """Which partnership or source, asked in the terminal: a number from the list, or an id."""
    for number, choice in enumerate(choices, start=1):
        print(f"  {number}. {choice}")
    while True:
        answer = input(f"Which {what}? (number or id) ").strip()
        if answer in choices:
            return answer
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1]
        print(f"'{answer}' is not one of them.")


def run_synth(args: argparse.Namespace) -> int:
    from macros.tools.synth import write

    try:
        made = write(args.out, args.areas, args.years, args.seed, args.first_year)
    except ValueError as exc:
        print(f"cspsite synth: {exc}", file=sys.stderr)
        return 2
    counts = made.counts()
    for name, record_type in RECORD_TYPES.items():
        print(f"{record_type.title:<18} {counts[name]:>7}")
    day = made.as_of.isoformat()
    print(f"\nWrote {args.out}. The data is fresh as of {day}; check it with\n"
          f"  cspsite validate --data {args.out} --today {day}")
    return 0


def run_split(args: argparse.Namespace) -> int:
    from macros.tools.split import SplitError, split

    types = [t.strip() for t in args.types.split(",")] if args.types else None
    try:
        plan = split(args.data, types)
    except SplitError as exc:
        print(f"cspsite split: {exc}", file=sys.stderr)
        return 1
    if not plan.moved:
        print(f"Nothing to split: every record in {args.data} already has its own file.")
        return 0
    for name, count in plan.moved.items():
        folder = display_path(args.data / name)
        print(f"{RECORD_TYPES[name].title:<18} {count:>5} record(s) -> {folder}/<id>.yml")
    removed = ", ".join(display_path(p) for p in plan.remove)
    print(f"\nRemoved {removed}. Every record loads as before; check with 'cspsite validate', then commit.")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="cspsite", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="check every data file and report all problems")
    _add_data_options(check)
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--all-warnings", action="store_true",
                       help="list every warning, also those about records this change did not touch "
                       "(compared with the merge base of the published branch)")
    check.add_argument("--route-age-days", type=int, default=DEFAULT_ROUTE_AGE_DAYS,
                       help=f"warn when a route was verified longer ago (default {DEFAULT_ROUTE_AGE_DAYS})")
    check.set_defaults(run=run_validate)

    for name, run, about in (("build", run_build, "validate, then build the site in strict mode"),
                             ("serve", run_serve, "preview the site, rebuilding on every change")):
        sub = commands.add_parser(name, help=about)
        _add_data_options(sub)
        sub.add_argument("--config", default=str(PROJECT_DIR / "mkdocs.yml"), help="mkdocs.yml to use")
        if name == "build":
            sub.add_argument("--site-dir", default="site", help="where to write the site (default: site)")
            sub.add_argument("--preview", action="store_true",
                             help="make it work opened from disk: links to index.html (for a pull request)")
        else:
            sub.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
        sub.set_defaults(run=run)

    preview = commands.add_parser("preview", help="serve a downloaded preview (the check's 'site' "
                                  "artifact, a .zip) at http://127.0.0.1:8000, search included")
    preview.add_argument("archive", type=Path, help="the downloaded .zip")
    preview.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    preview.set_defaults(run=run_preview)

    changes = commands.add_parser(
        "diff", help="list the records added, changed (field by field) and removed between two versions")
    changes.add_argument("base", nargs="?", default="HEAD",
                         help="git revision to compare from (default HEAD)")
    changes.add_argument("head", nargs="?", default=None,
                         help="git revision to compare to (default: the working tree, edits included)")
    _add_data_options(changes)
    changes.add_argument("--markdown", action="store_true", help="write Markdown, for a pull request summary")
    changes.add_argument("--checks", action="store_true",
                         help="fail when a published id is gone (deleted or renamed without "
                         "'replaces:'); with --markdown, add the validator's errors and warnings too")
    changes.set_defaults(run=run_diff)

    new = commands.add_parser("new", help="add a draft record with a fresh id to the right file")
    new.add_argument("type", help="the kind of record: campaign, funded-project, route, action, ...")
    new.add_argument("--partnership", help="the partnership it belongs to (its id in areas.yml); asked "
                     "for, or needed, when there is more than one")
    new.add_argument("--source", help="the document it comes from (its id in sources.yml); asked for, "
                     "or needed, when there is more than one")
    _add_data_options(new)
    new.set_defaults(run=run_new)

    synth = commands.add_parser("synth", help="write an invented data folder of any size, for scale tests")
    synth.add_argument("--areas", type=int, required=True, help="how many partnerships")
    synth.add_argument("--years", type=int, default=5, help="how many financial years (default 5)")
    synth.add_argument("--seed", type=int, default=1, help="the same seed gives the same bytes (default 1)")
    synth.add_argument("--first-year", type=int, default=None, help="the first financial year (default 2019)")
    synth.add_argument("--out", type=Path, required=True, help="an empty or new folder to write to")
    synth.set_defaults(run=run_synth)

    editor = commands.add_parser("cms-config", help="regenerate the staff editor's forms (site_src/admin/) "
                                 "from the models and mkdocs.yml's extra.cms")
    editor.add_argument("--check", action="store_true", help="exit 1 if a file is out of date")
    editor.set_defaults(run=run_cms_config)

    split = commands.add_parser("split", help="give each record its own file, data/<type>/<id>.yml, "
                                "as the staff editor needs")
    split.add_argument("--types", default="", help="comma-separated record types (default: every type)")
    _add_data_options(split)
    split.set_defaults(run=run_split)

    schema = commands.add_parser("schema", help=f"regenerate the JSON Schemas in {SCHEMA_DIR.name}/")
    schema.add_argument("--check", action="store_true", help="exit 1 if a schema is out of date")
    schema.set_defaults(run=run_schema)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, as the person asked
        print(file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
