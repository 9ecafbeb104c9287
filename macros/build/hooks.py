"""mkdocs hooks: add what macros/build/generate.py generates to the build.

Listed under `hooks:` in mkdocs.yml, so `mkdocs build` and `mkdocs serve` work as usual. All the
generating is done by generate.py, which other engines run without these hooks.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from macros.build import generate as gen
from macros.build.search_index import readable_by_search
from macros.build.state import current_state, state_for
from macros.exports.files import SiteInfo


def on_files(files: Files, config) -> Files:
    """Generated pages and files join the hand-written ones; the nav in mkdocs.yml leaves most of
    them out. Only a page's front matter goes through Markdown: its body is HTML already, made
    as the page is written (on_page_context)."""
    state = state_for(config.config_file_path)
    state.generated = gen.generate(state, SiteInfo.from_config(config, state.today))
    for page in state.generated.pages.values():
        files.append(File.generated(config, page.src_uri, content=page.front_matter()))
    for path, content in state.generated.files.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_env(env, config, files):
    """A fresh store, each build, for the menus overrides/main.html draws once per folder (a speed-up
    only: without it, as on other engines, the template draws each page's menus itself)."""
    env.globals["csp_menus"] = {}
    return env


def _generated() -> dict:
    return current_state().generated.pages


def on_page_content(html: str, page, config, files) -> str:
    if page.file.src_uri in _generated():
        return html  # empty: on_page_context makes it
    return gen.with_table_downloads(html, page.url, Path(config.site_dir))


def on_page_context(context, page, config, nav):
    """A generated page's HTML is made here, as it is written, and dropped once it is written."""
    generated = _generated().get(page.file.src_uri)
    if generated is not None:
        page.content = gen.with_table_downloads(generated.body, page.url, Path(config.site_dir))
    return context


def on_post_page(output: str, page, config) -> str:
    """After the minifier (hooks run after plugins): make the page readable by the search index."""
    if page.file.src_uri in _generated():
        page.content = None  # written: let it go, so memory does not grow with the site
    return readable_by_search(output)


def on_post_build(config) -> None:
    current_state().drawer.stop()
    gen.finish(Path(config.site_dir))


def on_build_error(error) -> None:
    state = current_state(required=False)
    if state is not None:
        state.drawer.stop()
