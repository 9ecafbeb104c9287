"""Run a command and measure it; measure a built site on disk."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PAGE_LIMIT = 100 * 1024  # the target: no HTML page over 100 KB uncompressed


@dataclass
class Run:
    seconds: float
    peak_rss_bytes: int
    returncode: int | None
    timed_out: bool
    log_tail: str

    def as_dict(self) -> dict:
        return asdict(self)


def run(command: list[str], log: Path, timeout: float, env: dict | None = None,
        cwd: Path | None = None) -> Run:
    """Wall time and peak memory of `command` and everything it starts.

    os.wait4 gives the rusage of that one child, which includes the children it waited for (as
    getrusage(RUSAGE_CHILDREN) would, but per run): ru_maxrss is the largest resident set of any
    process in the tree, in KiB on Linux.
    """
    start = time.monotonic()
    with open(log, "wb") as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                 start_new_session=True)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                timed_out = True
                os.killpg(child.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.2)
    child.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait for it again
    tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
    return Run(round(time.monotonic() - start, 2), usage.ru_maxrss * 1024, child.returncode, timed_out,
               "\n".join(tail))


def site_stats(site: Path, top: int = 10) -> dict:
    """Pages, bytes and the largest pages of a built site."""
    pages: list[tuple[int, str]] = []
    total = files = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        files += 1
        if path.suffix == ".html":
            pages.append((size, path.relative_to(site).as_posix()))
    pages.sort(reverse=True)
    over = [{"path": p, "bytes": b} for b, p in pages if b > PAGE_LIMIT]
    return {
        "html_pages": len(pages),
        "files": files,
        "total_bytes": total,
        "largest_page": {"path": pages[0][1], "bytes": pages[0][0]} if pages else None,
        "largest_pages": [{"path": p, "bytes": b} for b, p in pages[:top]],
        "pages_over_100kb": len(over),
        "over_100kb_by_section": _by_section(over),
    }


def _by_section(pages: list[dict]) -> dict[str, int]:
    """How many oversized pages each top-level section has ('report', 'areas', ...)."""
    counts: dict[str, int] = {}
    for page in pages:
        section = page["path"].split("/")[0] if "/" in page["path"] else "(root)"
        counts[section] = counts.get(section, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


_ARTICLE = re.compile(rb"<article\b.*?</article>", re.S)
_TAG = re.compile(rb"<[^>]+>")


def median_text_bytes(site: Path, sample: int = 400) -> int:
    """The median length of the text in the pages' main article, from an even sample of pages."""
    pages = sorted(site.rglob("*.html"))
    step = max(1, len(pages) // sample)
    sizes = []
    for path in pages[::step]:
        found = _ARTICLE.search(path.read_bytes())
        if found:
            sizes.append(len(b" ".join(_TAG.sub(b" ", found.group(0)).split())))
    sizes.sort()
    return sizes[len(sizes) // 2] if sizes else 2000
