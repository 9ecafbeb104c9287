"""Drawing charts' SVG with vl-convert, once per chart, on the machine's other core when there are many.

vl-convert takes 20-50 ms a chart and runs on the core that calls it, while mkdocs writes pages
on one core. With more than AHEAD_FROM charts to draw, a Drawer hands them to one worker process
as the build starts, in the reverse of the order pages will want them: the pages draw from the
first chart onwards and the worker from the last backwards, so each is drawn about once and the
two meet in the middle. (At 30 partnerships, drawing ahead took a 10,000-page build from 79 s to
62 s on two cores.)
"""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

AHEAD_FROM = 50  # fewer charts than this are not worth starting a process for

# spec (as JSON) -> its SVG. A pure function's results, so one process never draws a chart twice,
# whichever build (in `cspsite serve`) asks for it.
_drawn: dict[str, str] = {}


def vegalite_to_svg(spec_json: str) -> str:
    import vl_convert  # here, not at the top: `cspsite validate` never draws, and need not load V8

    return vl_convert.vegalite_to_svg(json.loads(spec_json))


def draw(spec_json: str) -> str:
    """The chart's SVG: drawn already (here or by the worker), or drawn now."""
    if spec_json not in _drawn:
        _drawn[spec_json] = vegalite_to_svg(spec_json)
    return _drawn[spec_json]


class Drawer:
    """One build's worker process, drawing ahead of the pages."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def ahead(self, spec_jsons: list[str]) -> None:
        """Draw these in the worker, last first (the order given is the order pages want them)."""
        wanted = [spec for spec in dict.fromkeys(spec_jsons) if spec not in _drawn]
        if len(wanted) < AHEAD_FROM:
            return
        if self._pool is None:
            # spawn, not fork: vl-convert's engine runs threads, which a forked child would not have.
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        for spec in reversed(wanted):
            self._pool.submit(vegalite_to_svg, spec).add_done_callback(
                lambda future, spec=spec: _keep(spec, future))

    def stop(self) -> None:
        """End of a build: drop what no page asked for and let the worker go."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _keep(spec_json: str, future: Future) -> None:
    if not future.cancelled() and future.exception() is None:
        _drawn.setdefault(spec_json, future.result())
