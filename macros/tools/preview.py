"""The pull request's preview: a built site that works opened from disk, and a way to serve one.

A browser opening site/index.html from disk shows a folder listing for a link to '../funding/'
(it does not look for index.html in a folder, as a web server does). `make_openable` rewrites
every relative link of the built pages to name index.html, so every page and link works from
file://. The site keeps its published layout (use_directory_urls: true, /funding/index.html), so
the preview holds the same files as the published site; the rewrite is all that differs. Search
cannot work from disk (browsers refuse to let a file:// page fetch the index), and every page
says so. `cspsite preview site.zip` serves a downloaded artifact, search included.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import tempfile
import zipfile
from pathlib import Path

_LINK = re.compile(r"""(?P<attr>\s(?:href|src)=)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""")
_REFRESH = re.compile(r"""(?P<attr>content=["']?\d+;\s*url=)(?P<bare>[^"'\s>]+)""", re.IGNORECASE)
_BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)
NOTE = ('<div class="csp-preview-note" role="note" style="background:#fff7bf;color:#0b0c0c;'
        'padding:.5rem 1rem;border-bottom:2px solid #0b0c0c">Preview of a proposed change. Every page '
        'and link works opened from your computer, but <strong>search does not</strong> (browsers do '
        'not let a page opened from disk read the search index). To try search as well, run '
        '<code>cspsite preview site.zip</code> with the downloaded file.</div>')


def openable(url: str) -> str:
    """'../funding/' -> '../funding/index.html'; other links as they are."""
    if not url or url.startswith(("#", "/", "?")) or ":" in url.split("/")[0]:
        return url  # a fragment, a root path, or another scheme (https:, mailto:, tel:, data:)
    cut = min([i for i in (url.find("#"), url.find("?")) if i >= 0], default=len(url))
    path, rest = url[:cut], url[cut:]
    if path.endswith("/"):
        path += "index.html"
    elif path in (".", "..") or path.endswith(("/.", "/..")):
        path += "/index.html"
    return path + rest


def _rewrite(match: re.Match) -> str:
    quote = '"' if match.group("dq") is not None else "'" if match.group("sq") is not None else ""
    url = next(g for g in (match.group("dq"), match.group("sq"), match.group("bare")) if g is not None)
    return f"{match.group('attr')}{quote}{openable(url)}{quote}"


def openable_page(page: str) -> str:
    page = _LINK.sub(_rewrite, page)
    page = _REFRESH.sub(lambda m: m.group("attr") + openable(m.group("bare")), page)
    return _BODY.sub(lambda m: m.group(0) + NOTE, page, count=1)


def make_openable(site_dir: Path) -> int:
    """Rewrite every page of a built site to work from disk; returns how many pages it rewrote."""
    count = 0
    for path in Path(site_dir).rglob("*.html"):
        if "admin" in path.relative_to(site_dir).parts[:1]:
            continue  # the staff editor needs a server and its sign-in; it is not previewed
        text = path.read_text(encoding="utf-8")
        path.write_text(openable_page(text), encoding="utf-8")
        count += 1
    return count


def site_root(folder: Path) -> Path:
    """The folder holding index.html: the archive's top, or its one folder (site/)."""
    if (folder / "index.html").is_file():
        return folder
    inner = [p for p in folder.iterdir() if p.is_dir()]
    if len(inner) == 1 and (inner[0] / "index.html").is_file():
        return inner[0]
    raise ValueError("the archive holds no index.html; download the 'site' artifact of the check")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 -- the standard library's name
        pass


@contextlib.contextmanager
def extracted(archive: Path):
    """The site in a downloaded artifact (a .zip), unpacked in a folder removed afterwards."""
    if not zipfile.is_zipfile(archive):
        raise ValueError(f"{archive} is not a .zip file; download the 'site' artifact of the check")
    with tempfile.TemporaryDirectory(prefix="cspsite-preview-") as tmp:
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(tmp)  # zipfile drops '..' and absolute parts of names
        yield site_root(Path(tmp))


def serve_folder(root: Path, host: str, port: int, ready=None) -> None:
    """Serve a folder until Ctrl-C; `ready(url)` is called once it is listening."""
    handler = functools.partial(_Quiet, directory=str(root))
    with http.server.ThreadingHTTPServer((host, port), handler) as server:
        if ready:
            ready(f"http://{host}:{server.server_address[1]}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
