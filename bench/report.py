"""The benchmark's results as Markdown: one row per size, then each target met or missed."""

from __future__ import annotations

KB, MB, GB = 1024, 1024**2, 1024**3

# Issue 7's targets. The build-time one is for the full scale: 300 partnerships over 5 years.
TARGETS = {
    "build_seconds": {"limit": 60, "at": [300, 5], "about": "300 x 5 built in 60 s or less"},
    "peak_rss_bytes": {"limit": 2 * GB, "about": "2 GB peak memory or less"},
    "time_per_page_ratio": {"limit": 1.5, "about": "time per page 1.5 x stock mkdocs-material or less"},
    "largest_page_bytes": {"limit": 100 * KB, "about": "no HTML page over 100 KB uncompressed"},
    "search_compressed_bytes": {"limit": 300 * KB, "about": "300 KB compressed or less fetched "
                                                            "before the first search result"},
}

# Issues 20 and 21: per page against stock, rebuilds, shards, memory at 300 x 5.
SCALE_TARGETS = [
    ("per page at most 1.0 x stock mkdocs-material (moonshot 0.5 x)", [[30, 5], [300, 5]]),
    ("warm rebuild after a one-record edit at most 10% of the cold build", [[30, 5]]),
    ("peak memory at most 2 GB", [[300, 5]]),
    ("slowest of 8 shards plus the merge at most 90 s", [[300, 5]]),
]

COLUMNS = ["Partnerships x years", "Records", "Build", "Peak memory", "HTML pages", "Total size",
           "Largest page", "Pages > 100 KB", "Search before first result", "Time per page",
           "Stock time per page", "Ratio to stock"]


def size(n: int | None) -> str:
    if n is None:
        return "n/a"
    for unit, name in ((GB, "GB"), (MB, "MB"), (KB, "KB")):
        if n >= unit:
            return f"{n / unit:,.1f} {name}"
    return f"{n} B"


def _ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:,.1f} ms"


def _search(run: dict) -> str:
    found = run.get("search")
    if not found:
        return "not measured"
    if "error" in found:
        return "no result: " + found["error"].split(":")[0]
    return f"{size(found['compressed_bytes'])} in {found['requests']} requests"


def _outcome(build: dict) -> str:
    if build["timed_out"]:
        return f"stopped after {build['seconds']:,.0f} s"
    if build["returncode"] != 0:
        return f"failed after {build['seconds']:,.0f} s (exit {build['returncode']})"
    return f"{build['seconds']:,.1f} s"


def _build(run: dict) -> str:
    return _outcome(run["build"])


def row(run: dict) -> list[str]:
    largest = run.get("largest_page")
    stock = run.get("stock") or {}
    return [f"{run['partnerships']} x {run['years']}", f"{run['records']:,}", _build(run),
            size(run["build"]["peak_rss_bytes"]), f"{run['html_pages']:,}", size(run["total_bytes"]),
            f"{size(largest['bytes'])} `{largest['path']}`" if largest else "n/a",
            f"{run['pages_over_100kb']:,}", _search(run), _ms(run.get("seconds_per_page")),
            _ms(stock.get("seconds_per_page")),
            f"{run['time_per_page_ratio']:.2f} x" if run.get("time_per_page_ratio") else "n/a"]


def measured(run: dict) -> dict:
    """Each target's measure for one run (None when it was not measured or does not apply)."""
    search = run.get("search") or {}
    at = TARGETS["build_seconds"]["at"]
    applies = [run["partnerships"], run["years"]] == at
    build = run["build"]
    return {
        "build_seconds": build["seconds"] if applies and run.get("measured", run["built"]) else None,
        "peak_rss_bytes": build["peak_rss_bytes"],
        "time_per_page_ratio": run.get("time_per_page_ratio"),
        "largest_page_bytes": (run.get("largest_page") or {}).get("bytes"),
        "search_compressed_bytes": search.get("compressed_bytes"),
    }


def verdict(name: str, value, run: dict) -> str:
    at = TARGETS["build_seconds"]["at"]
    if name == "build_seconds" and [run["partnerships"], run["years"]] == at and not run["built"]:
        return f"missed ({_build(run)})"
    if value is None:
        return "n/a"
    shown = {"build_seconds": f"{value:,.1f} s",
             "time_per_page_ratio": f"{value:.2f} x"}.get(name) or size(value)
    return f"{'met' if value <= TARGETS[name]['limit'] else 'missed'} ({shown})"


def marginal(runs: list[dict]) -> list[str]:
    """Time per extra page between two sizes: start-up costs (imports, theme, search binary) cancel out."""
    done = sorted((r for r in runs if r.get("measured") and r.get("stock")), key=lambda r: r["html_pages"])
    lines = []
    for small, big in zip(done, done[1:], strict=False):
        pages = big["html_pages"] - small["html_pages"]
        if pages <= 0:
            continue
        ours = (big["build"]["seconds"] - small["build"]["seconds"]) / pages
        stock = (big["stock"]["seconds"] - small["stock"]["seconds"]) / pages
        ratio = f"{ours / stock:.2f} x" if stock > 0 else "n/a"
        lines.append(f"| {small['partnerships']} to {big['partnerships']} partnerships | {pages:,} | "
                     f"{_ms(ours)} | {_ms(stock)} | {ratio} |")
    if not lines:
        return []
    return ["", "Time per extra page between sizes (fixed start-up costs cancel out):", "",
            "| Between | Extra pages | Ours | Stock | Ratio |", "|---|---|---|---|---|", *lines]


def charts_cost(runs: list[dict]) -> list[str]:
    """The cold and warm builds, and what altair and pandas cost, per size."""
    measured_runs = [r for r in runs if r.get("warm_build")]
    if not measured_runs:
        return []
    lines = ["", "## What altair and pandas cost", "",
             "Cold is the build above, with an empty chart cache (every chart drawn by vl-convert); warm "
             "builds the same data again with the cache it filled (`.cache/charts/`). Import, rows and "
             "specs are measured apart, in a fresh process: importing altair and pandas, computing every "
             "chart's rows with pandas, and declaring its spec with altair (`to_dict(validate=False)`).", "",
             "| Partnerships x years | Charts | Import altair + pandas | Rows (pandas) | Specs (altair) | "
             "Cold build | Cold per page (x stock) | Warm build | Warm per page (x stock) | Stock per page |",
             "|" + "---|" * 10]
    for run in measured_runs:
        warm, cost, stock = run["warm_build"], run.get("chart_cost") or {}, run.get("stock") or {}
        ratio = f" ({run['time_per_page_ratio']} x)" if run.get("time_per_page_ratio") else ""
        warm_ratio = f" ({warm['time_per_page_ratio']} x)" if warm.get("time_per_page_ratio") else ""
        specs = (f"{cost['specs_seconds']:.2f} s ({cost['specs_ms_per_chart']} ms a chart)"
                 if "specs_seconds" in cost else "n/a")
        lines.append(
            f"| {run['partnerships']} x {run['years']} | {cost.get('charts', 'n/a')} | "
            f"{cost.get('import_seconds', 'n/a')} s | {cost.get('rows_seconds', 'n/a')} s | {specs} | "
            f"{_outcome(run['build'])} | {_ms(run['seconds_per_page'])}{ratio} | {_outcome(warm)} | "
            f"{_ms(warm.get('seconds_per_page'))}{warm_ratio} | {_ms(stock.get('seconds_per_page'))} |")
    return lines


def _ratio(figures: dict | None) -> str:
    if not figures:
        return "not measured"
    if "error" in figures:
        return figures["error"]
    if figures.get("returncode"):
        return f"failed (exit {figures['returncode']})"
    shown = _ms(figures.get("seconds_per_page"))
    ratio = figures.get("time_per_page_ratio")
    return shown + (f" ({ratio:.2f} x stock)" if ratio else "")


def _edited(run: dict) -> str:
    edited = run.get("edited_rebuild")
    if not edited:
        return "not measured"
    return (f"{_outcome(edited)}, {edited['share_of_cold'] * 100:.0f}% of cold; "
            f"{edited.get('pages_rendered')} pages rendered, {edited.get('pages_from_cache')} from the cache")


def scale(runs: list[dict]) -> list[str]:
    lines = ["", "## Engines, rebuilds and shards (issues 20 and 21)", "",
             "Cold is the build above (empty chart and page caches). The rebuild changes one record's "
             "title and builds again with both caches. Zensical builds the same data (charts cached) "
             "with `cspsite build --engine zensical`; Hugo builds as many plain pages of about the "
             "same text with a one-line template (the speed of a compiled generator).", "",
             "| Partnerships x years | Ours, cold, per page | Rebuild after a one-record edit "
             "| Zensical per page | Hugo per page | Stock per page | Shards (N = 8) |", "|" + "---|" * 7]
    for run in runs:
        stock = (run.get("stock") or {}).get("seconds_per_page")
        ours = _ms(run.get("seconds_per_page")) + (f" ({run['time_per_page_ratio']:.2f} x stock)"
                                                   if run.get("time_per_page_ratio") else "")
        lines.append(f"| {run['partnerships']} x {run['years']} | {ours} | {_edited(run)} | "
                     f"{_ratio(run.get('zensical'))} | {_ratio(run.get('hugo'))} | {_ms(stock)} | "
                     f"{(run.get('shards') or {}).get('error', 'n/a')} |")
    lines += ["", "| Target | At | Figure | Verdict |", "|---|---|---|---|"]
    by_size = {(r["partnerships"], r["years"]): r for r in runs}
    for about, sizes in SCALE_TARGETS:
        for at in sizes:
            run = by_size.get(tuple(at))
            figure, verdict_ = "not run at this size", "n/a"
            if run and about.startswith("per page") and run.get("time_per_page_ratio"):
                value = run["time_per_page_ratio"]
                figure, verdict_ = f"{value:.2f} x", "met" if value <= 1.0 else "missed"
            elif run and about.startswith("warm") and run.get("edited_rebuild"):
                value = run["edited_rebuild"]["share_of_cold"]
                figure, verdict_ = f"{value * 100:.0f}%", "met" if value <= 0.10 else "missed"
            elif run and about.startswith("peak"):
                value = run["build"]["peak_rss_bytes"]
                figure, verdict_ = size(value), "met" if value <= 2 * GB else "missed"
            elif run and about.startswith("slowest"):
                figure, verdict_ = "not measured", "missed: --shard is not implemented"
            lines.append(f"| {about} | {at[0]} x {at[1]} | {figure} | {verdict_} |")
    return lines


def markdown(results: dict) -> str:
    runs = results["runs"]
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `bench/benchmark.py` (`make bench`) on {results['started']}, at commit "
        f"{results['commit']}. Machine: {m['cpus']} CPUs, {size(m['memory_bytes'])} memory, Python "
        f"{m['python']}; load average {', '.join(map(str, m['load_average_at_start']))} at the start "
        "(other work on the machine slows the builds).",
        "",
        "Build is `cspsite build` (strict mkdocs, validation, search index) on data from `cspsite synth`. "
        "A build that fails is recorded as failed, with the end of its log, and its figures are left "
        "out; peak memory is the largest resident set of any process in the build. Search is the compressed "
        "bytes Chromium fetched between the page's load event and the first result. Stock is "
        "mkdocs-material with its search plugin, as many plain Markdown pages with about as much text.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
        *("| " + " | ".join(row(run)) + " |" for run in runs),
        "",
        *charts_cost(runs),
        *scale(runs),
        "",
        "## Targets",
        "",
        "| Partnerships x years | " + " | ".join(t["about"] for t in TARGETS.values()) + " |",
        "|" + "---|" * (len(TARGETS) + 1),
    ]
    for run in runs:
        values = measured(run)
        lines.append(f"| {run['partnerships']} x {run['years']} | "
                     + " | ".join(verdict(name, values[name], run) for name in TARGETS) + " |")
    commits = {run["commit"] for run in runs if run.get("commit")}
    if len(commits) > 1:
        lines += ["", "The code changed during the run; each size was built at: "
                  + "; ".join(f"{run['partnerships']} x {run['years']}: {run.get('commit')}" for run in runs)
                  + "."]
    lines += marginal(runs)
    for run in runs:
        lines += ["", f"## {run['partnerships']} x {run['years']}: details", ""]
        if run.get("over_100kb_by_section"):
            sections = ", ".join(f"{name} {count:,}" for name, count in run["over_100kb_by_section"].items())
            lines.append(f"Pages over 100 KB by section: {sections}.")
            lines.append("")
        if run.get("largest_pages"):
            lines.append("Largest pages: " + "; ".join(f"`{p['path']}` {size(p['bytes'])}"
                                                       for p in run["largest_pages"][:6]) + ".")
            lines.append("")
        search = run.get("search") or {}
        if search.get("largest_requests"):
            lines.append(f"Search ({search.get('engine', 'engine unknown')}) for \"{search['query']}\" from "
                         f"/{search['start_page']}: first result \"{search['first_result']}\" after "
                         f"{search['seconds_to_first_result']} s (typing included). Largest requests: "
                         + "; ".join(f"`{r['path']}` {size(r['compressed'])}"
                                     for r in search["largest_requests"][:5]) + ".")
            lines.append("")
        if not run["built"]:
            lines += ["The build as it stands failed; the last lines of its log:", "", "```",
                      run["build"]["log_tail"], "```", ""]
    return "\n".join(lines).rstrip() + "\n"
