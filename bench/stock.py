"""A stock mkdocs-material site to compare with: same number of pages, plain Markdown, no hooks.

The pages are kept out of the nav, as the record pages are in mkdocs.yml; otherwise every page
would carry a link to every other and stock would be slower than any real site.
"""

from __future__ import annotations

from pathlib import Path

CONFIG = """site_name: Stock mkdocs-material
site_url: http://127.0.0.1:8000/
docs_dir: docs
use_directory_urls: true
validation:
  nav:
    omitted_files: ignore
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - Home: index.md
"""

_SENTENCES = [
    "The partnership met four times this year and agreed its priorities for the next.",
    "Partners shared data on reports received, and the picture is reviewed every quarter.",
    "Awareness sessions were held in schools, libraries and community centres across the area.",
    "Funding was allocated from the core grant to projects chosen by the responsible authorities.",
    "Residents can report a concern online, by phone or in person at the council offices.",
]


def page(number: int, size: int) -> str:
    """About `size` bytes of Markdown: a heading, paragraphs and a short list, varied by number."""
    lines = [f"# Page {number}", ""]
    written = 0
    index = number
    while written < size:
        paragraph = " ".join(_SENTENCES[(index + k) % len(_SENTENCES)] for k in range(3))
        lines += [paragraph, ""]
        written += len(paragraph)
        index += 1
    lines += [f"- Item {number}-{k}: {_SENTENCES[k]}" for k in range(3)]
    return "\n".join(lines) + "\n"


def write_stock_site(folder: Path, pages: int, size: int) -> Path:
    """mkdocs.yml and docs/ with an index and `pages - 1` more pages; returns the config's path."""
    docs = folder / "docs"
    (docs / "p").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(page(0, size), encoding="utf-8")
    for number in range(1, pages):
        (docs / "p" / f"{number:06d}.md").write_text(page(number, size), encoding="utf-8")
    (folder / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return folder / "mkdocs.yml"
