"""mkdocs hooks: add what macros/build/generate.py generates to the build.

Listed under `hooks:` in mkdocs.yml, so `mkdocs build` and `mkdocs serve` work as usual. All the
generating is done by generate.py, which other engines run without these hooks. A generated page
written by an earlier build with the same key (page_cache.py) is copied from the cache: it skips
the theme's template (overrides/csp-cached.html stands in) and the minifier.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.structure.files import File, Files

from macros.build import generate as gen
from macros.build import shards
from macros.build.page_cache import PageCache
from macros.build.search_index import readable_by_search
from macros.build.state import current_state, state_for
from macros.exports.files import SiteInfo
from macros.site.markup import valid_markup

CACHED_TEMPLATE = "csp-cached.html"
log = logging.getLogger("mkdocs.plugins.cspsite.cache")


def on_files(files: Files, config) -> Files:
    """Generated pages and files join the hand-written ones; the nav in mkdocs.yml leaves most of
    them out. Only a page's front matter goes through Markdown: its body is HTML already, made
    as the page is written (on_page_context)."""
    state = state_for(config.config_file_path)
    state.generated = gen.generate(state, SiteInfo.from_config(config, state.today))
    state.cache = PageCache.for_build(Path(config.config_file_path), config.site_url or "")
    state.keys = {}  # src_uri -> (key, hit: bool)
    state.bodies = {}  # src_uri -> body, for the few changed pages whose key was worked out early
    state.shard = shards.current()
    pages = state.generated.pages
    if state.shard:  # cspsite build --shard K/N: a share of the generated pages
        pages = shards.share(pages, state.shard, Path(config.docs_dir))
    for page in pages.values():
        files.append(File.generated(config, page.src_uri, content=page.front_matter()))
    for path, content in state.generated.files.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_env(env, config, files):
    """A fresh store, each build, for the menus overrides/main.html draws once per folder (a speed-up
    only: without it, as on other engines, the template draws each page's menus itself)."""
    env.globals["csp_menus"] = {}
    return env


def _body(state, src_uri: str, page, config) -> str:
    return gen.with_table_downloads(state.generated.pages[src_uri].body, page.url, Path(config.site_dir))


def on_page_content(html: str, page, config, files) -> str:
    state = current_state()
    src_uri = page.file.src_uri
    if src_uri not in state.generated.pages:
        return gen.with_table_downloads(html, page.url, Path(config.site_dir))
    if state.cache.known(src_uri):  # built before: find out now whether the theme is needed
        body = _body(state, src_uri, page, config)
        key = state.cache.key(src_uri, state.generated.pages[src_uri].front_matter() + body)
        hit = state.cache.has(key)
        state.keys[src_uri] = (key, hit)
        if hit:
            page.meta["template"] = CACHED_TEMPLATE
        else:
            state.bodies[src_uri] = body
    return html  # empty: on_page_context makes it


def on_page_context(context, page, config, nav):
    """A generated page's HTML is made here, as it is written, and dropped once it is written."""
    state = current_state()
    src_uri = page.file.src_uri
    if src_uri in state.generated.pages and not state.keys.get(src_uri, ("", False))[1]:
        body = state.bodies.pop(src_uri, None) or _body(state, src_uri, page, config)
        if src_uri not in state.keys:
            key = state.cache.key(src_uri, state.generated.pages[src_uri].front_matter() + body)
            state.keys[src_uri] = (key, False)
        page.content = body
    return context


def on_post_page(output: str, page, config) -> str:
    """After the minifier (hooks run after plugins): make the page readable by the search index."""
    state = current_state()
    src_uri = page.file.src_uri
    if src_uri not in state.generated.pages:
        return valid_markup(readable_by_search(output))
    page.content = None  # written: let it go, so memory does not grow with the site
    key, hit = state.keys.pop(src_uri)
    if hit:
        return state.cache.get(src_uri, key)
    output = valid_markup(readable_by_search(output))
    state.cache.put(src_uri, key, output)
    return output


def on_post_build(config) -> None:
    state = current_state()
    state.drawer.stop()
    state.cache.close()
    log.info(f"Generated pages: {state.cache.hits} from the page cache, {state.cache.misses} rendered")
    if state.shard:  # `cspsite merge` finishes the joined site
        shards.write_manifest(Path(config.site_dir), state.shard, state.generated.pages)
        return
    gen.finish(Path(config.site_dir))


def on_build_error(error) -> None:
    state = current_state(required=False)
    if state is not None:
        state.drawer.stop()
