"""MkDocs' build on every core: the same steps as `mkdocs.commands.build.build`, with its two
per-page passes (Markdown to HTML, then the page template) shared among worker processes.

The workers are forked once the community, its history and the site plan are ready (on_files
ran in this process), so nothing is computed twice: each converts or renders its share of the
pages and sends back only what the rest of the build reads — a page's HTML, table of contents,
metadata and anchors after the first pass, the search plugin's entries after the second (the
pages themselves are written by the worker). What a worker logs is told again here, in page
order, so strict mode counts warnings as one process would, and the site is the same bytes.

Forking needs a POSIX system; elsewhere, with one job, or with a plugin rse does not know to be
safe across processes, the build is MkDocs' own.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import mkdocs
from jinja2 import TemplateError
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, MkDocsException
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, clean_directory

from rse_build.mkdocs_adapter import events
from rse_build.page_inputs import Changed

log = logging.getLogger("mkdocs.commands.build")

# The search plugin's state across pages (its index) is carried back from the workers; rse's
# hooks keep none. Any other plugin or hook may keep some: its build stays in one process.
SEARCH_PLUGINS = frozenset({"search", "material/search"})


def _safe(name: str, plugin: Any) -> bool:
    return name in SEARCH_PLUGINS or getattr(plugin, "on_files", None) is events.on_files


def available_cores() -> int:
    """The cores this process may run on (a container's or a CI runner's limit included)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


@dataclass(frozen=True, slots=True)
class _Read:
    """What the first pass leaves on a page that the rest of the build reads (the Markdown
    too: a page's title falls back on its first heading)."""

    markdown: str | None
    content: str | None
    toc: Any
    meta: dict
    title_from_render: str | None
    present_anchor_ids: set[str] | None
    # {linked page's path: {anchor: link as written}}: File objects do not cross processes.
    links_to_anchors: dict[str, dict[str, str]] | None


@dataclass(frozen=True, slots=True)
class _Done:
    """One worker's share of a pass: per page, in order, its result and what it logged."""

    results: list[Any]
    records: list[list[logging.LogRecord]]
    # What stopped the worker: a mistake in the content or the theme (MkDocs has logged the
    # page), or a bug, with its traceback as the worker saw it.
    failed: str = ""
    bug: str = ""


# Set before the workers are forked; each reads it from its copy of this process.
_WORK: dict[str, Any] = {}


def _collecting() -> list[logging.LogRecord]:
    """In a worker: every log record is kept for the parent to tell, none is printed here."""
    records: list[logging.LogRecord] = []

    def keep(self: logging.Logger, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        record.exc_info = record.exc_text = None
        records.append(record)

    logging.Logger.callHandlers = keep  # type: ignore[method-assign]
    return records


def _run_share(share: Sequence[int]) -> _Done:
    records = _collecting()
    step: Callable[[Page], Any] = _WORK["step"]
    pages: list[Page] = _WORK["pages"]
    results, logged = [], []
    for index in share:
        page = pages[index]
        try:
            results.append(step(page))
        except (MkDocsException, TemplateError) as error:
            logged.append(records[:])
            return _Done(results, logged, failed=str(error))
        except Exception:  # a bug: the parent raises it with this traceback
            logged.append(records[:])
            return _Done(results, logged, bug=traceback.format_exc())
        logged.append(records[:])
        records.clear()
    return _Done(results, logged)


def _read_page(page: Page) -> _Read:
    mkdocs_build._populate_page(page, _WORK["config"], _WORK["files"])
    return _read_of(page)


def _read_of(page: Page) -> _Read:
    links = page.links_to_anchors
    return _Read(
        page.markdown,
        page.content,
        page.toc,
        page.meta,
        page._title_from_render,
        page.present_anchor_ids,
        None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
    )


def _render_page(page: Page) -> list[dict]:
    """Renders and writes the page; returns the search entries it added."""
    config = _WORK["config"]
    index = _search_index(config)
    before = len(index.entries) if index is not None else 0
    excluded = page.file.inclusion.is_excluded()
    mkdocs_build._build_page(page, config, _WORK["doc_files"], _WORK["nav"], _WORK["env"], excluded=excluded)
    if index is None:
        return []
    added = index.entries[before:]
    del index.entries[before:]
    return added


def _write_deferred(deferred: Any) -> None:
    events.write_deferred(_WORK["site_dir"], deferred)


def _search_index(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return getattr(plugin, "search_index", None)


def _each_page(jobs: int, pages: list[Page], step: Callable[[Page], Any], **work: Any) -> list[Any]:
    """`step` on every page, in `jobs` forked workers (page i in worker i mod jobs), or here
    with one job; the results in page order. Workers' log records are told here, in page order."""
    _WORK.clear()
    _WORK.update(work, pages=pages, step=step)
    if jobs <= 1:
        try:
            return [step(page) for page in pages]
        finally:
            _WORK.clear()
    shares = [list(range(start, len(pages), jobs)) for start in range(jobs)]
    try:
        # Unlike a Pool, an executor raises BrokenProcessPool when a worker dies (killed for
        # memory, say) instead of waiting for it for ever.
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            done = list(pool.map(_run_share, shares))
    finally:
        _WORK.clear()
    results: list[Any] = [None] * len(pages)
    logged: list[list[logging.LogRecord]] = [[] for _ in pages]
    for share, part in zip(shares, done, strict=True):
        for index, result in zip(share, part.results, strict=False):
            results[index] = result
        for index, records in zip(share, part.records, strict=False):
            logged[index] = records
    for records in logged:
        for record in records:
            logging.getLogger(record.name).handle(record)
    bugs = [part.bug for part in done if part.bug]
    if bugs:
        raise RuntimeError("a page failed in a worker process:\n" + "\n".join(bugs))
    failures = [part.failed for part in done if part.failed]
    if failures:
        raise _PageFailed("; ".join(failures))
    return results


class _PageFailed(BuildError):
    """A page failed in a worker, which logged where ("Error building page 'x.md': ..."): the
    build stops with what went wrong, as MkDocs' own build says it."""


@dataclass
class BuiltSite:
    """What a build leaves for a later one to rebuild a few pages: MkDocs' configuration,
    files, navigation and templates, each page's search entries (by its path), what the
    navigation shows and the files written under the site's folder."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any
    doc_files: Sequence[File]
    entries: dict[str, list[dict]]
    # Each page as its Markdown conversion left it, before rendering changed its content (a
    # card, a draft banner): what a later build keeps of a page it does not convert again.
    reads: dict[str, _Read] = field(default_factory=dict)
    nav_shown: tuple[Any, ...] = ()
    outputs: frozenset[str] = frozenset()
    # The pages this build converted and rendered when it reused an earlier one; None: all.
    rendered: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Reuse:
    """What a build keeps of the one before it in the same folder (`rse serve`): once the new
    plan is made, `changed` tells which pages to convert and render again (None: every page);
    the others keep their HTML and search entries, unless the navigation every page shows
    changed, which renders them all again (their Markdown is not converted again)."""

    site: BuiltSite
    changed: Callable[[MkDocsConfig, Files], Changed]


def _nav_shown(items: Sequence[Any]) -> tuple[Any, ...]:
    """What every page shows of the navigation: titles, addresses, what Material reads of a
    page's metadata there (icon, status, subtitle), and nesting, in order."""
    return tuple(
        (
            type(item).__name__,
            item.title,
            getattr(item, "url", None),
            repr(sorted((getattr(item, "meta", None) or {}).items())),
            _nav_shown(item.children or ()),
        )
        for item in items
    )


def _reused_reads(
    pages: list[Page], earlier_site: BuiltSite, changed: frozenset[str] | None, files: Files
) -> list[Page]:
    """The pages whose Markdown must be converted again; the others take the earlier build's
    conversion."""
    again = []
    for page in pages:
        earlier = earlier_site.reads.get(page.file.src_uri)
        if earlier is None or changed is None or page.file.src_uri in changed:
            again.append(page)
        else:
            _apply_reads([page], [earlier], files)
    return again


def _remove_stale(site_dir: str, stale: frozenset[str]) -> None:
    """Files an earlier build wrote that this one does not, and the folders they leave empty."""
    root = Path(site_dir)
    for path in sorted(stale):
        target = root / path
        target.unlink(missing_ok=True)
        for folder in target.parents:
            if folder == root or not folder.is_dir() or any(folder.iterdir()):
                break
            folder.rmdir()


def known_mkdocs() -> bool:
    """This module follows MkDocs 1.6's build step by step (and its private page functions):
    another MkDocs builds its own way until rse has been checked against it."""
    return mkdocs.__version__.startswith("1.6.")


def parallel_build(config: MkDocsConfig, jobs: int) -> None:
    """MkDocs' build (mkdocs.commands.build.build, MkDocs 1.6) with `jobs` worker processes
    for its two per-page passes; MkDocs' own build when that cannot be done safely."""
    if jobs <= 1 or not can_fork() or not known_mkdocs() or not safe_plugins(config):
        mkdocs_build.build(config)
        return
    build_site_kept(config, jobs)


def safe_plugins(config: MkDocsConfig) -> bool:
    return all(_safe(name, plugin) for name, plugin in config.plugins.items())


def build_site_kept(
    config: MkDocsConfig, jobs: int, serve_url: str | None = None, reuse: Reuse | None = None
) -> BuiltSite:
    """MkDocs' build, its page passes in `jobs` processes (one: in this process), keeping what
    a rebuild of a few pages needs. With `serve_url`, as `mkdocs serve` builds (drafts shown);
    with `reuse`, over the earlier build's folder, converting and rendering only what changed."""
    logger = logging.getLogger("mkdocs")
    warning_counter = CountHandler()
    warning_counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(warning_counter)
    try:
        start = time.monotonic()
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        if reuse is None:
            clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        inclusion = InclusionLevel.is_in_serve if serve_url else InclusionLevel.is_included
        pages = []
        excluded = []
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                if serve_url and file.inclusion.is_excluded():
                    excluded.append(urljoin(serve_url, file.url))
                Page(None, file, config)
            assert file.page is not None
            pages.append(file.page)
        if excluded:
            log.info(
                "The following pages are being built only for the preview "
                "but will be excluded from `mkdocs build` per `draft_docs` config:\n  - "
                + "\n  - ".join(excluded)
            )
        changed = reuse.changed(config, files) if reuse is not None else Changed.everything()
        if reuse is not None and changed.pages is None:
            # Everything is made again: nothing of the earlier site may stay (a search index
            # of the other kind, after the notes crossed the search threshold).
            clean_directory(config.site_dir)
        again = pages if reuse is None else _reused_reads(pages, reuse.site, changed.pages, files)
        read = _each_page(jobs, again, _read_page, config=config, files=files)
        _apply_reads(again, read, files)
        reads = {page.file.src_uri: _read_of(page) for page in pages}

        env = config.plugins.on_env(env, config=config, files=files)
        plan = config[events.PLAN_KEY]
        again_made = changed.deferred
        deferred = [file for file in plan.deferred if again_made is None or file.path in again_made]
        # A feed not made again keeps its file (every other file is copied or written again).
        unchanged = {file.path for file in plan.deferred} - {file.path for file in deferred}
        for file in files:
            if file.is_documentation_page() or not inclusion(file.inclusion) or file.src_uri in unchanged:
                continue
            file.copy_file()
        for template in config.theme.static_templates:
            mkdocs_build._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mkdocs_build._build_extra_template(template, files, config, nav)
        doc_files = files.documentation_pages(inclusion=inclusion)
        built = [file.page for file in doc_files if file.page is not None]
        nav_shown = _nav_shown(nav.items)
        render = built
        if reuse is not None and reuse.site.nav_shown == nav_shown:
            converted = {page.file.src_uri for page in again}
            render = [page for page in built if page.file.src_uri in converted]
        rendered = _each_page(
            jobs, render, _render_page, config=config, doc_files=doc_files, nav=nav, env=env
        )
        entries = dict(zip((page.file.src_uri for page in render), rendered, strict=True))
        # The feeds and calendars, a share per worker, while the parent waits anyway.
        _each_page(jobs, deferred, _write_deferred, site_dir=config.site_dir)
        config[events.DEFERRED_WRITTEN_KEY] = True
        outputs = frozenset(file.dest_uri for file in files if inclusion(file.inclusion))
        # Pages not rendered again keep their search entries.
        earlier = reuse.site.entries if reuse is not None else {}
        paths = [page.file.src_uri for page in built]
        kept = BuiltSite(
            config,
            files,
            nav,
            env,
            doc_files,
            {path: entries[path] if path in entries else earlier[path] for path in paths},
            reads,
            nav_shown,
            outputs,
            None if reuse is None else tuple(page.file.src_uri for page in render),
        )
        if reuse is not None:
            _remove_stale(config.site_dir, reuse.site.outputs - outputs)
        set_search_entries(kept)

        log_level = config.validation.links.anchors
        for file in doc_files:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=log_level)
        config.plugins.on_post_build(config=config)
        if counts := warning_counter.get_counts():
            message = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {message} in strict mode!")
        processes = f"{jobs} job" if jobs == 1 else f"{jobs} jobs"
        log.info(f"Documentation built in {time.monotonic() - start:.2f} seconds ({processes})")
        return kept
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, _PageFailed):
            raise Abort(str(error)) from None
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!") from None
        raise
    finally:
        logger.removeHandler(warning_counter)


def set_search_entries(site: BuiltSite) -> None:
    """The search plugin's index: every page's entries, in the pages' order."""
    index = _search_index(site.config)
    if index is not None:
        index.entries = [entry for page_entries in site.entries.values() for entry in page_entries]


def rebuild_page(site: BuiltSite, page: Page) -> None:
    """One page again, from its file, with everything else as `site` left it."""
    config = site.config
    mkdocs_build._populate_page(page, config, site.files)
    site.reads[page.file.src_uri] = _read_of(page)
    _WORK.update(config=config, doc_files=site.doc_files, nav=site.nav, env=site.env)
    try:
        site.entries[page.file.src_uri] = _render_page(page)
    finally:
        _WORK.clear()
    page.validate_anchor_links(files=site.files, log_level=config.validation.links.anchors)


def _apply_reads(pages: list[Page], read: list[_Read], files: Files) -> None:
    """The first pass's results on this process's pages, as if it had run here."""
    for page, result in zip(pages, read, strict=True):
        page.markdown = result.markdown
        page.content = result.content
        page.toc = result.toc
        page.meta = result.meta
        page._title_from_render = result.title_from_render
        page.present_anchor_ids = result.present_anchor_ids
        if result.links_to_anchors is not None:
            page.links_to_anchors = {
                file: anchors
                for path, anchors in result.links_to_anchors.items()
                if (file := files.get_file_from_path(path)) is not None
            }
