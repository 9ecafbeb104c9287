"""Drawing charts' SVG with vl-convert, on the machine's other core when there are many.

vl-convert takes 20-50 ms a chart and runs on the core that calls it, while mkdocs writes pages
on one core. With more than AHEAD_FROM charts to draw, the build hands them all to one worker
process as it starts; a page then picks up its chart already drawn. If the worker has not yet
finished a chart a page needs, the page draws it itself rather than wait for it. (At 30
partnerships this took a 10,000-page build from 79 s to 62 s on two cores.)
"""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

import vl_convert

AHEAD_FROM = 50  # fewer charts than this are not worth starting a process for

_pool: ProcessPoolExecutor | None = None
_ahead: dict[str, Future] = {}  # spec (as JSON) -> its SVG, being drawn by the worker


def vegalite_to_svg(spec_json: str) -> str:
    return vl_convert.vegalite_to_svg(json.loads(spec_json))


def draw(spec_json: str) -> str:
    future = _ahead.pop(spec_json, None)
    if future is not None and future.done() and not future.cancelled() and future.exception() is None:
        return future.result()
    if future is not None:
        future.cancel()  # not drawn yet: drawing it here is sooner than waiting for the worker
    return vegalite_to_svg(spec_json)


def draw_ahead(spec_jsons: list[str]) -> None:
    """Start drawing these in the worker, in the order given (the order pages will want them)."""
    global _pool
    wanted = [spec for spec in dict.fromkeys(spec_jsons) if spec not in _ahead]
    if len(wanted) < AHEAD_FROM:
        return
    if _pool is None:
        # spawn, not fork: vl-convert's engine runs threads, which a forked child would not have.
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    for spec in wanted:
        _ahead[spec] = _pool.submit(vegalite_to_svg, spec)


def stop() -> None:
    """End of a build: drop what no page asked for and let the worker go."""
    global _pool
    for future in _ahead.values():
        future.cancel()
    _ahead.clear()
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
