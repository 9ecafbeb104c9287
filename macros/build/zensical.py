"""Build the site with Zensical, mkdocs-material's successor, from the same mkdocs.yml and data.

Zensical runs no mkdocs hooks, so what hooks.py does for mkdocs is done around it: the data is
validated and the pages and files are generated (generate.py) into a staged copy of site_src/
under .cache/zensical/, Zensical builds that (loading our macros through its macros extension),
and generate.finish() runs on the result. Run as `python -m macros.build.zensical` by
`cspsite build --engine zensical`, with the environment the CLI sets (data folder, date).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from macros.build import generate as gen
from macros.build.state import CONFIG_FILE, state_for

WORK = Path(".cache") / "zensical"


def staged_config(config_file: Path, work: Path) -> Path:
    """mkdocs.yml as Zensical is given it: the staged sources, our template overrides, no hooks
    (Zensical ignores them; their work is done here), the site written inside the work folder."""
    from mkdocs.utils import yaml_load

    with config_file.open(encoding="utf-8") as stream:
        config = yaml_load(stream)
    overrides = config_file.parent / config["theme"]["custom_dir"]
    shutil.rmtree(work / "overrides", ignore_errors=True)
    shutil.copytree(overrides, work / "overrides")
    config.update(docs_dir="docs", site_dir="site", theme={**config["theme"], "custom_dir": "overrides"})
    config.pop("hooks", None)
    config.pop("watch", None)
    staged = work / CONFIG_FILE
    staged.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return staged


def _article_tables(site_dir: Path) -> None:
    """The "Download this table" links hooks.py adds to hand-written pages under mkdocs (generated
    pages were given theirs when staged): the article's tables only."""
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        start, end = text.find("<article"), text.rfind("</article>")
        if start < 0 or "<table" not in text[start:end] or "data-csp-id=" in text[start:end]:
            continue
        url = path.parent.relative_to(site_dir).as_posix()
        article = gen.with_table_downloads(text[start:end], "" if url == "." else url + "/", site_dir)
        path.write_text(text[:start] + article + text[end:], encoding="utf-8")


def after_zensical(site_dir: Path) -> None:
    """What mkdocs and our hooks do that Zensical does not: the tables' downloads, search-readable
    pages, the gzipped sitemap; and without the theme's own search index (we ship Pagefind's)."""
    _article_tables(site_dir)
    gen.readable_site(site_dir)
    sitemap = site_dir / "sitemap.xml"
    if sitemap.exists():
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.read_bytes(), mtime=0))
    (site_dir / "search.json").unlink(missing_ok=True)


def build(config_file: Path, site_dir: Path, serve_addr: str | None = None) -> int:
    config_file = config_file.resolve()
    work = (config_file.parent / WORK).resolve()
    work.mkdir(parents=True, exist_ok=True)
    state = state_for(config_file)  # validates first: the same errors, and the build stops
    settings = gen.settings(config_file)
    generated = gen.generate(state, gen.site_info(settings, state))
    gen.stage(generated, settings.docs_dir, work / "docs")
    staged = staged_config(config_file, work)
    state.drawer.stop()
    if serve_addr:
        return subprocess.call([sys.executable, "-m", "zensical", "serve", "-f", str(staged),
                                "--dev-addr", serve_addr], cwd=work)
    shutil.rmtree(work / "site", ignore_errors=True)
    code = subprocess.call([sys.executable, "-m", "zensical", "build", "--clean", "-f", str(staged)],
                           cwd=work)
    if code != 0:
        return code
    after_zensical(work / "site")
    gen.finish(work / "site")
    if site_dir.exists():
        shutil.rmtree(site_dir)
    shutil.move(work / "site", site_dir)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.build.zensical")
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--serve", default=None, help="serve at this address instead of building")
    args = parser.parse_args(argv)
    from mkdocs.exceptions import PluginError

    try:
        return build(args.config, args.site_dir.resolve(), args.serve)
    except PluginError as error:  # a data error: every problem, no traceback, as mkdocs prints it
        print(f"ERROR   -  {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
