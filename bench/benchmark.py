"""Benchmark the site at scale: `make bench`, or `python bench/benchmark.py --sizes 1,3 --years 1`.

For each size (partnerships) it writes synthetic data with `cspsite synth`, builds the site as
`make build` does (`cspsite build`: strict mkdocs, CSPSITE_DATA and CSPSITE_TODAY set), and
measures the build's wall time and peak memory, the pages and bytes written, the largest page,
and what a first search downloads in Chromium. It then builds a stock mkdocs-material site with
as many plain Markdown pages of about the same amount of text, and compares time per page.
Results go to bench/results.json and bench/RESULTS.md (or --out). Timings depend on the machine
and on what else it is doing, so no test asserts them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))

import extra  # noqa: E402
from measure import median_text_bytes, run, site_stats  # noqa: E402
from report import TARGETS, markdown  # noqa: E402
from stock import write_stock_site  # noqa: E402

from macros.tools.synth import write as synthesise  # noqa: E402


def git_head() -> str:
    """The commit measured, and how many tracked files differed from it (others may be editing)."""
    found = subprocess.run(["git", "-C", str(PROJECT), "log", "-1", "--format=%h"],
                           capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(PROJECT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.splitlines()
    return found.stdout.strip() + (f" with {len(dirty)} files changed and not committed" if dirty else "")


def machine() -> dict:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {"cpus": os.cpu_count(), "memory_bytes": memory, "python": platform.python_version(),
            "platform": platform.platform(), "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def one_size(partnerships: int, args: argparse.Namespace, work: Path) -> dict:
    folder = work / f"n{partnerships}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"[{partnerships} x {args.years}] synth", flush=True)
    started = time.monotonic()
    made = synthesise(folder / "data", partnerships, args.years, args.seed)
    result: dict = {"partnerships": partnerships, "years": args.years, "seed": args.seed,
                    "commit": git_head(), "records": sum(made.counts().values()),
                    "today": made.as_of.isoformat(), "synth_seconds": round(time.monotonic() - started, 2)}
    print(f"[{partnerships} x {args.years}] build ({result['records']:,} records)", flush=True)
    site = folder / "site"
    # Cold: an empty chart cache, so every chart is drawn. Warm (below): the same build again with
    # the cache the cold one filled, as a second build of unchanged data would find it.
    charts = {**os.environ, "CSPSITE_CHART_CACHE": str(folder / "chart-cache"),
              "CSPSITE_PAGE_CACHE": str(folder / "page-cache")}
    # The warm build measures the chart cache alone: it gets an empty page cache of its own.
    charts_only = {**charts, "CSPSITE_PAGE_CACHE": str(folder / "page-cache-unused")}
    def command(into: Path) -> list[str]:
        return [sys.executable, "-m", "macros.cli", "build", "--data", str(folder / "data"), "--site-dir",
                str(into), "--today", made.as_of.isoformat()]

    build = run(command(site), folder / "build.log", args.timeout, env=charts, cwd=PROJECT)
    result["build"] = build.as_dict()
    result["built"] = build.returncode == 0 and not build.timed_out
    result["measured"] = result["built"]  # a failed build is recorded (with its log), not measured
    result |= site_stats(site) if site.is_dir() else site_stats(folder / "missing")
    html_pages = result["html_pages"]
    result["seconds_per_page"] = round(build.seconds / html_pages, 5) if html_pages else None
    # A name that only one partnership has, from the last one generated.
    query = made.partnerships[-1].districts[0]["name"]
    result["search"] = None
    if result["measured"] and not args.no_browser:
        print(f"[{partnerships} x {args.years}] search for {query!r}", flush=True)
        from search_cost import search_cost
        try:
            result["search"] = search_cost(site, query)
        except Exception as exc:  # record it: a search that never shows a result is a finding
            result["search"] = {"query": query, "error": f"{type(exc).__name__}: {str(exc)[:300]}"}
    result["warm_build"] = result["chart_cost"] = None
    if result["measured"] and not args.no_warm:
        print(f"[{partnerships} x {args.years}] build again, charts cached", flush=True)
        warm = run(command(folder / "site-warm"), folder / "warm.log", args.timeout, env=charts_only,
                   cwd=PROJECT)
        shutil.rmtree(folder / "page-cache-unused", ignore_errors=True)
        per_page = round(warm.seconds / html_pages, 5) if html_pages else None
        result["warm_build"] = {**warm.as_dict(), "seconds_per_page": per_page}
        shutil.rmtree(folder / "site-warm", ignore_errors=True)
        cost = subprocess.run([sys.executable, str(HERE / "chart_cost.py"), str(folder / "data"),
                               made.as_of.isoformat()], capture_output=True, text=True, cwd=PROJECT)
        result["chart_cost"] = (json.loads(cost.stdout) if cost.returncode == 0
                                else {"error": cost.stderr[-300:]})
    result["stock"] = None
    if result["measured"] and not args.no_stock:
        size = median_text_bytes(site)
        print(f"[{partnerships} x {args.years}] stock mkdocs-material, {html_pages - 1:,} pages of "
              f"~{size:,} bytes", flush=True)
        config = write_stock_site(folder / "stock", html_pages - 1, size)
        stock = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
                     str(folder / "stock" / "site")], folder / "stock.log", args.timeout,
                    cwd=folder / "stock", env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        pages = site_stats(folder / "stock" / "site")["html_pages"]
        result["stock"] = {**stock.as_dict(), "html_pages": pages, "text_bytes_per_page": size,
                           "seconds_per_page": round(stock.seconds / pages, 5) if pages else None}
        if result["seconds_per_page"] and result["stock"]["seconds_per_page"]:
            result["time_per_page_ratio"] = round(
                result["seconds_per_page"] / result["stock"]["seconds_per_page"], 2)
            if result["warm_build"] and result["warm_build"]["seconds_per_page"]:
                result["warm_build"]["time_per_page_ratio"] = round(
                    result["warm_build"]["seconds_per_page"] / result["stock"]["seconds_per_page"], 2)
    stock_per_page = (result.get("stock") or {}).get("seconds_per_page")
    if result["measured"] and not args.no_zensical:
        print(f"[{partnerships} x {args.years}] Zensical (charts cached)", flush=True)
        result["zensical"] = extra.zensical_build(command, folder, charts_only, args.timeout)
        _ratio(result["zensical"], stock_per_page)
    if result["measured"] and not args.no_hugo:
        print(f"[{partnerships} x {args.years}] Hugo, {html_pages - 1:,} plain pages", flush=True)
        result["hugo"] = extra.hugo_build(folder, html_pages, median_text_bytes(site), args.timeout)
        _ratio(result["hugo"], stock_per_page)
    if result["measured"]:  # last: it changes the data
        print(f"[{partnerships} x {args.years}] rebuild after a one-record edit (page cache)", flush=True)
        edited = extra.edited_rebuild(command, folder, folder / "data", charts, args.timeout)
        edited["share_of_cold"] = round(edited["seconds"] / build.seconds, 3)
        result["edited_rebuild"] = edited
    result["shards"] = {"error": "not measured: cspsite build --shard is not implemented yet"}
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _ratio(figures: dict, stock_per_page: float | None) -> None:
    if figures.get("seconds_per_page") and stock_per_page:
        figures["time_per_page_ratio"] = round(figures["seconds_per_page"] / stock_per_page, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,30,300", help="partnerships per run, comma-separated")
    parser.add_argument("--years", type=int, default=5, help="financial years of data (default 5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=4 * 3600, help="seconds allowed for each build")
    parser.add_argument("--no-browser", action="store_true", help="skip the search measurement")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock mkdocs-material build")
    parser.add_argument("--no-warm", action="store_true",
                        help="skip the second build with the chart cache filled (and the chart cost)")
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical build")
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo build of plain pages")
    parser.add_argument("--out", type=Path, default=HERE, help="where to write results.json and RESULTS.md")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the data and sites in --work")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="cspsite-bench-"))
    results = {"started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "commit": git_head(),
               "machine": machine(), "targets": TARGETS, "runs": []}
    args.out.mkdir(parents=True, exist_ok=True)
    for partnerships in sizes:
        results["runs"].append(one_size(partnerships, args, work))
        # Written after every size, so a long run that is stopped still leaves what it measured.
        (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        (args.out / "RESULTS.md").write_text(markdown(results), encoding="utf-8")
    if not args.work and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print((args.out / "RESULTS.md").read_text(encoding="utf-8"))
    return 0  # a build that fails at scale is a finding, recorded above, not a failure of the benchmark


if __name__ == "__main__":
    sys.exit(main())
