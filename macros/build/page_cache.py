"""The finished HTML of generated pages, kept between builds so a rebuild renders only what changed.

A generated page's written HTML depends on its own front matter and body (the records it shows,
however they are shown) and on the shell around it: the theme's templates and ours, mkdocs.yml
(the menus, the site's name and address), our code and the versions of the engine, its theme and
the minifier. The key is a hash of all of that; a page whose key was written before is copied
from the cache instead of going through the theme's template and the minifier again. Kept in
.cache/pages/ beside mkdocs.yml (CSPSITE_PAGE_CACHE moves it), outside site/; entries no build
used are removed at the end of each build.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

PAGE_CACHE_ENV = "CSPSITE_PAGE_CACHE"
MANIFEST = "manifest.json"  # source path -> the key its page was last written under
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "mkdocs-minify-html-plugin", "minify-html")
ROOT = Path(__file__).resolve().parents[2]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def shell_fingerprint(config_file: Path, site_url: str) -> str:
    """Everything a page's shell depends on that is not the page's own content."""
    digest = hashlib.sha256()
    code = [*sorted((ROOT / "macros").rglob("*.py")), *sorted((ROOT / "macros").rglob("*.html"))]
    theme = sorted(p for p in (config_file.parent / "overrides").rglob("*") if p.is_file())
    sources = [config_file, *code, *theme]
    for path in sources:
        digest.update(str(path.relative_to(config_file.parent) if path.is_relative_to(config_file.parent)
                          else path).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps([site_url, [_version(p) for p in PACKAGES]]).encode())
    return digest.hexdigest()


class PageCache:
    def __init__(self, directory: Path, fingerprint: str):
        self.directory = directory
        self.fingerprint = fingerprint
        try:
            self.previous: dict[str, str] = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.previous = {}
        self.used: dict[str, str] = {}
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_build(cls, config_file: Path, site_url: str) -> PageCache:
        directory = Path(os.environ.get(PAGE_CACHE_ENV) or config_file.parent / ".cache" / "pages")
        return cls(directory, shell_fingerprint(config_file, site_url))

    def key(self, src_uri: str, markdown: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}\0{src_uri}\0{markdown}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.html"

    def known(self, src_uri: str) -> bool:
        """Was this page written by an earlier build (so it is worth working out its key now)?"""
        return src_uri in self.previous

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, src_uri: str, key: str) -> str:
        html = self._path(key).read_text(encoding="utf-8")
        self.used[src_uri] = key
        self.hits += 1
        return html

    def put(self, src_uri: str, key: str, html: str) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        self.used[src_uri] = key
        self.misses += 1

    def close(self) -> None:
        """Keep what this build used, forget the rest."""
        self.directory.mkdir(parents=True, exist_ok=True)
        keep = set(self.used.values())
        for path in self.directory.glob("*/*.html"):
            if path.stem not in keep:
                path.unlink()
        (self.directory / MANIFEST).write_text(json.dumps(self.used, sort_keys=True), encoding="utf-8")
