"""The figures issues 20 and 21 add to the benchmark: a rebuild after a one-record edit (the page
cache), the same data built with Zensical, and Hugo building as many plain pages (the speed of a
compiled generator). Each returns a dict for results.json; none is asserted by a test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from measure import run, site_stats

PROJECT = Path(__file__).resolve().parent.parent
FIELD = re.compile(r"^(  (?:title|name): )([A-Za-z][^\n]*)$", re.MULTILINE)


def edit_one_record(data: Path) -> str:
    """Append a word to the first plain title or name in the data: one record changed."""
    for path in sorted(data.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        changed, count = FIELD.subn(r"\1\2 (edited)", text, count=1)
        if count:
            path.write_text(changed, encoding="utf-8")
            return path.relative_to(data).as_posix()
    raise ValueError(f"no plain title or name to edit in {data}")


def _per_page(seconds: float, pages: int) -> float | None:
    return round(seconds / pages, 5) if pages else None


def edited_rebuild(command, folder: Path, data: Path, env: dict, timeout: float) -> dict:
    """The same build again after a one-record edit, with the page and chart caches the cold build
    filled (as `cspsite serve` or the next publish would find them)."""
    edited = edit_one_record(data)
    done = run(command(folder / "site-edited"), folder / "edited.log", timeout, env=env, cwd=PROJECT)
    log = (folder / "edited.log").read_text(encoding="utf-8", errors="replace")
    found = re.findall(r"Generated pages: (\d+) from the page cache, (\d+) rendered", log)
    shutil.rmtree(folder / "site-edited", ignore_errors=True)
    return {**done.as_dict(), "edited": edited,
            "pages_from_cache": int(found[-1][0]) if found else None,
            "pages_rendered": int(found[-1][1]) if found else None}


def zensical_build(command, folder: Path, env: dict, timeout: float) -> dict:
    site = folder / "site-zensical"
    done = run([*command(site), "--engine", "zensical"], folder / "zensical.log", timeout, env=env,
               cwd=PROJECT)
    pages = site_stats(site)["html_pages"] if site.is_dir() else 0
    shutil.rmtree(site, ignore_errors=True)
    return {**done.as_dict(), "html_pages": pages, "seconds_per_page": _per_page(done.seconds, pages)}


def _hugo() -> str | None:
    """Debian's hugo; installed with apt-get when missing (needs root or password-less sudo)."""
    if shutil.which("hugo"):
        return shutil.which("hugo")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "hugo"]):
        if subprocess.run([*sudo, *step], capture_output=True, env=env).returncode != 0:
            return None
    return shutil.which("hugo")


def hugo_build(folder: Path, pages: int, text_bytes: int, timeout: float) -> dict:
    hugo = _hugo()
    if hugo is None:
        return {"error": "hugo is not installed and apt-get could not install it"}
    site = folder / "hugo"
    shutil.rmtree(site, ignore_errors=True)
    (site / "content" / "p").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "http://127.0.0.1/"\ntitle = "Stock Hugo"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS"]\n', encoding="utf-8")
    layout = ("<!doctype html><html lang=en><head><title>{{ .Title }}</title></head><body><nav>"
              "<a href=/>Home</a></nav><main>{{ .Content }}</main></body></html>")
    for name in ("single.html", "list.html"):
        (site / "layouts" / "_default" / name).write_text(layout, encoding="utf-8")
    words = ("The partnership reported on its priorities, actions and funding in the year. " *
             (text_bytes // 80 + 1))[:text_bytes]
    for number in range(pages - 1):
        (site / "content" / "p" / f"page-{number}.md").write_text(
            f"---\ntitle: Page {number}\n---\n\n# Page {number}\n\n{words}\n", encoding="utf-8")
    done = run([hugo, "--quiet", "-s", str(site), "-d", str(site / "public")], folder / "hugo.log", timeout)
    built = site_stats(site / "public")["html_pages"] if (site / "public").is_dir() else 0
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    shutil.rmtree(site, ignore_errors=True)
    return {**done.as_dict(), "html_pages": built, "version": version,
            "seconds_per_page": _per_page(done.seconds, built)}


if __name__ == "__main__":
    sys.exit("imported by bench/benchmark.py")
