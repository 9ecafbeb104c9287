"""Drawing charts' SVG with vl-convert, once per distinct chart, kept on disk between builds.

A chart is drawn from its Vega-Lite spec alone, so the spec is the key of its SVG: the first
build draws it (70 to 150 ms a chart, mostly measuring axis label text) and every later build,
or any process of this one, reads it back from the chart cache (CACHE_ENV, by default
`.cache/charts/` beside mkdocs.yml, never inside site/). A file is written under a temporary
name and renamed into place, so a process reading the cache sees a whole SVG or none, however
many processes draw at once; two drawing the same chart write the same bytes.

With more than AHEAD_FROM charts still to draw, a Drawer hands them to one worker process as the
build starts, in the reverse of the order pages will want them: the pages draw from the first
chart onwards and the worker from the last backwards, so each is drawn about once and the two
meet in the middle.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from importlib import metadata
from pathlib import Path

AHEAD_FROM = 50  # fewer charts than this are not worth starting a process for
CACHE_ENV = "CSPSITE_CHART_CACHE"  # the folder of drawn charts; inherited by worker processes
DEFAULT_CACHE = Path(".cache") / "charts"

# spec (as JSON) -> its SVG, for this process: a chart shown on several pages is read once.
_drawn: dict[str, str] = {}


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or DEFAULT_CACHE)


@cache
def _renderer() -> str:
    """vl-convert's version is part of every key: another version may draw another SVG."""
    return metadata.version("vl-convert-python")


def cache_path(spec_json: str) -> Path:
    digest = hashlib.sha256(f"{_renderer()}\n{spec_json}".encode()).hexdigest()
    return cache_dir() / digest[:2] / f"{digest}.svg"


def vegalite_to_svg(spec_json: str) -> str:
    import vl_convert  # here, not at the top: `cspsite validate` never draws, and need not load V8

    return vl_convert.vegalite_to_svg(json.loads(spec_json))


def _read(spec_json: str) -> str | None:
    try:
        return cache_path(spec_json).read_text(encoding="utf-8")
    except OSError:
        return None


def _write(spec_json: str, svg: str) -> None:
    path = cache_path(spec_json)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(svg)
        os.replace(temporary, path)  # atomic: readers never see half a file
    except OSError:
        pass  # a read-only or full disk costs speed, never the build


def draw_and_keep(spec_json: str) -> str:
    """The SVG from the cache on disk, or drawn now and put there (what the worker runs)."""
    svg = _read(spec_json)
    if svg is None:
        svg = vegalite_to_svg(spec_json)
        _write(spec_json, svg)
    return svg


def draw(spec_json: str) -> str:
    """The chart's SVG: read already in this process, cached on disk, or drawn now."""
    if spec_json not in _drawn:
        _drawn[spec_json] = draw_and_keep(spec_json)
    return _drawn[spec_json]


def is_drawn(spec_json: str) -> bool:
    return spec_json in _drawn or cache_path(spec_json).is_file()


class Drawer:
    """One build's worker process, drawing ahead of the pages what the cache does not hold."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def ahead(self, spec_jsons: list[str]) -> None:
        """Draw these in the worker, last first (the order given is the order pages want them)."""
        wanted = [spec for spec in dict.fromkeys(spec_jsons) if not is_drawn(spec)]
        if len(wanted) < AHEAD_FROM:
            return
        if self._pool is None:
            # spawn, not fork: vl-convert's engine runs threads, which a forked child would not have.
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        for spec in reversed(wanted):
            self._pool.submit(draw_and_keep, spec).add_done_callback(
                lambda future, spec=spec: _keep(spec, future))

    def stop(self) -> None:
        """End of a build: drop what no page asked for and let the worker go."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _keep(spec_json: str, future: Future) -> None:
    if not future.cancelled() and future.exception() is None:
        _drawn.setdefault(spec_json, future.result())
