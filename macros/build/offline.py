"""Keep every request on our own origin, including code paths only old browsers take.

mkdocs-material's bundle (and Zensical's) fetches a ResizeObserver polyfill from unpkg.com when
the browser has none (old phones: exactly our residents' phones), mermaid from unpkg.com, and repository
facts from GitHub's API. After each build we point those at local files. If a future bundle
contains an external URL we do not know, the build fails, so an upgrade cannot quietly add a
third-party request.
"""

from __future__ import annotations

import re
from pathlib import Path

# Evaluated in the page: __md_scope is mkdocs-material's URL of the site root.
_LOCAL = 'new URL("assets/javascripts/vendor/{name}",__md_scope).href'

REWRITES = {
    '"https://unpkg.com/resize-observer-polyfill"': _LOCAL.format(name="resize-observer-polyfill.js"),
    # We ship no diagrams; a missing local file fails quietly instead of calling a CDN.
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': _LOCAL.format(name="mermaid-not-shipped.js"),
    # Zensical's bundle (cspsite build --engine zensical) loads these for features we do not use:
    # diagrams, image lightboxes, runnable Python examples and their code editor.
    '"https://unpkg.com/mermaid@12/dist/mermaid.min.js"': _LOCAL.format(name="mermaid-not-shipped.js"),
    '"https://unpkg.com/glightbox@3/dist/js/glightbox.min.js"':
        _LOCAL.format(name="glightbox-not-shipped.js"),
    '"https://unpkg.com/glightbox@3/dist/css/glightbox.min.css"':
        _LOCAL.format(name="glightbox-not-shipped.css"),
    '"https://unpkg.com/pyodide@314.0.2/pyodide.js"': _LOCAL.format(name="pyodide-not-shipped.js"),
    '"https://cdn.jsdelivr.net/pyodide/v314.0.2/full/"': _LOCAL.format(name="pyodide-not-shipped/"),
    '"https://unpkg.com/ace-builds@1.44.0/src-noconflict/ace.js"': _LOCAL.format(name="ace-not-shipped.js"),
    # Repository widgets call these APIs only when repo_url is set, which we never do.
    "`https://api.github.com/": "`/repository-facts-disabled/",
    "`https://${e}/api/v4/": "`/repository-facts-disabled/",
}

# A string literal that starts with an external URL, in JavaScript we ship.
EXTERNAL_LITERAL = re.compile(r"""["'`]https?://(?!www\.w3\.org)[^"'`\s]*["'`]""")


class ExternalRequestError(RuntimeError):
    pass


def localise_bundle(site_dir: Path) -> list[Path]:
    """Rewrite mkdocs-material's JavaScript so it never loads anything from another origin."""
    changed = []
    for path in sorted((site_dir / "assets" / "javascripts").rglob("*.js")):
        if "vendor" in path.parts:
            continue
        text = original = path.read_text(encoding="utf-8")
        for external, local in REWRITES.items():
            text = text.replace(external, local)
        left = [m for m in EXTERNAL_LITERAL.findall(text) if "${" not in m or "api" in m]
        if path.name.startswith("bundle") and left:
            raise ExternalRequestError(
                f"{path.name} still contains external URLs {sorted(set(left))}; add them to "
                "macros/offline.py REWRITES after checking what they load")
        if text != original:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
        source_map = path.with_name(path.name + ".map")
        if source_map.exists():
            source_map.unlink()  # maps repeat the original URLs and are only for debugging
    return changed
