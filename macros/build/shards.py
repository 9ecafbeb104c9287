"""A build spread over runners: `cspsite build --shard K/N` builds a share of the generated pages,
`cspsite merge` joins the shares into the site a single build writes.

A generated page belongs to shard crc32(source path) mod N + 1, the same on every machine. Every
shard also builds the hand-written pages and the generated pages they link to (mkdocs checks
those links); shard 1 alone writes the downloads and open data. A shard skips the finishing
steps and leaves a manifest of the generated pages in their build order; the merge copies the
shares together, puts the sitemap back in a single build's order, then finishes the site as a
single build does (offline bundle, editor, search index over every page).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import zlib
from pathlib import Path

from macros.build import generate as gen

SHARD_ENV = "CSPSITE_SHARD"  # "K/N", set by `cspsite build --shard K/N`
MANIFEST = ".cspsite-shard.json"
_LINK = re.compile(r"\]\(([^)#\s]+\.md)")
_URL = re.compile(r"^\s*<url>.*?</url>\n", re.MULTILINE | re.DOTALL)
_LOC = re.compile(r"<loc>([^<]*)</loc>")


class ShardError(ValueError):
    pass


def parse(text: str) -> tuple[int, int]:
    try:
        k, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise ShardError(f"'{text}' is not a shard; write K/N, for example 1/8") from None
    if not 1 <= k <= n:
        raise ShardError(f"shard {text}: K must be between 1 and N")
    return k, n


def current() -> tuple[int, int] | None:
    text = os.environ.get(SHARD_ENV)
    return parse(text) if text else None


def shard_of(src_uri: str, n: int) -> int:
    return zlib.crc32(src_uri.encode()) % n + 1


def linked_from(docs_dir: Path) -> set[str]:
    """Source paths the hand-written pages link to, as mkdocs resolves them."""
    found = set()
    for page in docs_dir.rglob("*.md"):
        for target in _LINK.findall(page.read_text(encoding="utf-8")):
            found.add(os.path.normpath((page.parent / target).relative_to(docs_dir)).replace(os.sep, "/"))
    return found


def share(pages: dict, shard: tuple[int, int], docs_dir: Path) -> dict:
    k, n = shard
    always = linked_from(docs_dir)
    return {uri: page for uri, page in pages.items() if uri in always or shard_of(uri, n) == k}


def write_manifest(site_dir: Path, shard: tuple[int, int], pages: dict) -> None:
    order = [gen.page_url(uri) for uri in pages]
    (site_dir / MANIFEST).write_text(json.dumps({"shard": list(shard), "order": order}), encoding="utf-8")


def _blocks(sitemap: Path) -> tuple[str, list[str], str]:
    text = sitemap.read_text(encoding="utf-8")
    blocks = _URL.findall(text)
    start, end = text.index(blocks[0]), text.rindex(blocks[-1]) + len(blocks[-1])
    return text[:start], blocks, text[end:]


def merge(shard_dirs: list[Path], site_dir: Path) -> None:
    manifests = [json.loads((d / MANIFEST).read_text(encoding="utf-8")) for d in shard_dirs]
    n = manifests[0]["shard"][1]
    got = sorted(m["shard"][0] for m in manifests)
    if got != list(range(1, n + 1)) or any(m["shard"][1] != n for m in manifests):
        raise ShardError(f"merge needs shards 1 to {n}, once each; got {got}")
    first = shard_dirs[[m["shard"][0] for m in manifests].index(1)]
    if site_dir.exists():
        shutil.rmtree(site_dir)
    shutil.copytree(first, site_dir)
    for other in shard_dirs:
        if other != first:
            shutil.copytree(other, site_dir, dirs_exist_ok=True)
    (site_dir / MANIFEST).unlink()
    # The sitemap: the hand-written pages as shard 1 has them, then every generated page in order.
    head, first_blocks, tail = _blocks(first / "sitemap.xml")
    by_url = {}
    for shard_dir in shard_dirs:
        for block in _blocks(shard_dir / "sitemap.xml")[1]:
            by_url.setdefault(_LOC.search(block).group(1), block)
    generated = manifests[0]["order"]
    site_url = _LOC.search(first_blocks[0]).group(1)  # the home page comes first
    generated_locs = [site_url + url for url in generated]
    hand_written = [b for b in first_blocks if _LOC.search(b).group(1) not in set(generated_locs)]
    text = head + "".join(hand_written) + "".join(by_url[loc] for loc in generated_locs) + tail
    (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
    gz = site_dir / "sitemap.xml.gz"
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    with open(gz, "wb") as f, gzip.GzipFile(fileobj=f, filename=str(gz), mode="wb", mtime=mtime) as out:
        out.write(text.encode("utf-8"))
    gen.finish(site_dir)
