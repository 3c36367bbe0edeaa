"""MkDocs' events, each a few lines over the site plan (rse_build/site.py).

`hooks/rse.py` re-exports the `on_*` functions below; `rse build` and plain `mkdocs build`
therefore run the same code. on_config prepares the community for one audience, on_files
makes the plan; both are kept on the config object MkDocs hands to every event, so
`mkdocs serve` starts each rebuild from scratch.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from rse_build.audience import Share, UnknownAudience
from rse_build.check import check_config
from rse_build.errors import ContentError, Problem, Severity
from rse_build.heading import without_heading
from rse_build.history import EarlyLog, HistoryUnavailable, log_started_early
from rse_build.i18n import Translator
from rse_build.links import find_references, rewrite
from rse_build.mkdocs_adapter import fast_url, html
from rse_build.mkdocs_adapter.nav_cache import NavCache
from rse_build.report import relocated, render, summary_text
from rse_build.search import SearchIndexFailed, index_site
from rse_build.settings import CommunityConfig
from rse_build.site import (
    BuildOptions,
    DeferredFile,
    PageContext,
    Prepared,
    SiteFiles,
    SitePlan,
    appendix_view_for,
    feeds_for,
    plan_site,
    prepare,
    view_for,
)
from rse_build.summary import summarize

# The MkDocs events a community's hooks/rse.py picks up with `import *`.
__all__ = [
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_context",
    "on_page_markdown",
    "on_post_build",
    "on_post_page",
    "on_post_template",
]

log = logging.getLogger("mkdocs.rse")

# Where one build's records live on MkDocs' config object.
OPTIONS_KEY = "_rse_options"
PREPARED_KEY = "_rse_prepared"
PLAN_KEY = "_rse_plan"
TEMPLATES_KEY = "_rse_templates"
APPENDIX_TEMPLATES_KEY = "_rse_appendix_templates"
# Set once the plan's deferred files (feeds, calendars) are written, by a parallel build's
# workers or by on_post_build: a preview's later page rebuilds do not write them again.
DEFERRED_WRITTEN_KEY = "_rse_deferred_written"
# `rse serve`'s preview makes the search index after the browser reloads: called with the site's
# folder, its language and the translator instead of indexing in on_post_build.
INDEX_LATER_KEY = "_rse_index_later"
CSS = "assets/rse/rse.css"
# Plain `mkdocs build` and `mkdocs serve` take rse's switches from the environment.
ENV_AUDIENCE = "RSE_AUDIENCE"
ENV_DRAFTS = "RSE_DRAFTS"
ENV_FROM_RSE = "RSE_FROM_CLI"
ENV_NO_HISTORY = "RSE_NO_HISTORY"
# Set by the first build of `rse serve`: later rebuilds report content problems through MkDocs'
# log (the preview keeps running) instead of stopping the command.
ENV_SERVED = "RSE_SERVED"
SEARCH_PAGE = "search/index.md"


def theme_dir() -> Path:
    """The templates and CSS that ship inside the package (never copied into a community)."""
    return Path(str(resources.files("rse_build") / "theme"))


def options_from_environ(environ: Mapping[str, str]) -> BuildOptions:
    def flag(name: str) -> bool:
        return environ.get(name, "") not in ("", "0", "false", "no")

    return BuildOptions(
        drafts=flag(ENV_DRAFTS),
        no_history=flag(ENV_NO_HISTORY),
        audience=environ.get(ENV_AUDIENCE) or None,
        from_rse=flag(ENV_FROM_RSE),
    )


def community_config(config: MkDocsConfig) -> CommunityConfig:
    """What rse reads of MkDocs' configuration."""
    return CommunityConfig(
        config_file=Path(config.config_file_path) if config.config_file_path else None,
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        extra=dict(config.extra),
        theme_language=config.theme.get("language"),
        site_name=config.site_name,
        site_url=config.site_url or "",
        directory_urls=config.use_directory_urls,
    )


class ContentProblems(PluginError):
    """Content errors stop the build before MkDocs touches the site directory.

    A PluginError, so plain `mkdocs build` prints the located problems as its error; under
    `rse`, on_config raises ContentError instead, which MkDocs lets through to the command.
    """

    def __init__(self, problems: list[Problem], t: Translator) -> None:
        self.problems = problems
        super().__init__(f"{t('check.content_problems')}\n{render(problems, 'text', t).rstrip()}")


# Advice is information to MkDocs: its strict mode counts warnings, and advice never fails.
_LOG_LEVELS = {
    Severity.ERROR: logging.ERROR,
    Severity.WARNING: logging.WARNING,
    Severity.ADVICE: logging.INFO,
}


def _log_problems(problems: list[Problem], t: Translator) -> None:
    """Warnings and advice through MkDocs' log, crowds told once unless the log is verbose."""
    grouped = summarize(problems, verbose=log.isEnabledFor(logging.DEBUG))
    for summary in grouped.summaries:
        log.log(_LOG_LEVELS[summary.severity], summary_text(summary, t))
    for problem in grouped.located:
        log.log(_LOG_LEVELS[problem.severity], problem.located(t))


def _prepared(config: MkDocsConfig) -> Prepared:
    return config[PREPARED_KEY]


def _plan(config: MkDocsConfig) -> SitePlan:
    return config[PLAN_KEY]


# Before Material's search plugin (priority 0), which picks its stemmer from the theme's language.
@event_priority(50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    options = config.get(OPTIONS_KEY) or options_from_environ(os.environ)
    source = community_config(config)
    # git walks the history while the files are checked.
    with log_started_early(source.root, source.docs_dir, enabled=not options.no_history) as early:
        return _prepare(config, options, source, early)


def _prepare(
    config: MkDocsConfig, options: BuildOptions, source: CommunityConfig, early: EarlyLog | None
) -> MkDocsConfig:
    checked = check_config(source, drafts=options.drafts)
    t = Translator(checked.settings.language)
    shown = relocated(checked.problems, source.root, Path.cwd())
    if any(p.fails(config.strict) for p in checked.problems):
        raise (
            ContentError(checked.problems, strict=config.strict)
            if options.from_rse and not os.environ.get(ENV_SERVED)
            else ContentProblems(shown, t)
        )
    _log_problems(shown, t)
    try:
        prepared = prepare(source, checked, options, early=early)
    except HistoryUnavailable as error:
        if options.from_rse:
            raise
        raise PluginError(
            t("environment.plain_no_history", error=error.said(t), variable=ENV_NO_HISTORY)
        ) from None
    except UnknownAudience as error:
        if options.from_rse:
            raise
        raise PluginError(
            t("environment.plain_audience", error=error.said(t), variable=ENV_AUDIENCE)
        ) from None
    history = prepared.enriched.history
    if history is not None:
        cache = t("history.from_cache") if history.from_cache else ""
        log.info(t("history.read", n=len(history.commits), scanned=t.number(history.scanned), cache=cache))
    config[PREPARED_KEY] = prepared
    _configure(config, prepared)
    if "SOURCE_DATE_EPOCH" not in os.environ and prepared.head is not None:
        # Plain `mkdocs build`: MkDocs dates the sitemap from this; the commit, not the clock.
        os.environ["SOURCE_DATE_EPOCH"] = str(prepared.head.timestamp)
    return config


def _configure(config: MkDocsConfig, prepared: Prepared) -> None:
    """rse's templates, CSS, Markdown extensions, language, navigation and search."""
    t = prepared.t
    if prepared.search.chunked:
        _use_chunked_search(config)
    # Our templates sit between the community's own overrides and Material's.
    position = 1 if config.theme.custom_dir else 0
    config.theme.dirs.insert(position, str(theme_dir()))
    # Material loads Google Fonts unless told not to: no page may ask another host.
    config.theme["font"] = False
    _speak(config, t)
    _default_extensions(config)
    if CSS not in config.extra_css:
        config.extra_css.append(CSS)
    if config.nav is not None and not prepared.share.complete:
        config.nav = _without_hidden(config.nav, prepared.share)
    if config.nav is None:
        config.nav = prepared.default_nav()
    if prepared.search.chunked and SEARCH_PAGE not in str(config.nav):
        config.nav.append({t.search: SEARCH_PAGE})


def _speak(config: MkDocsConfig, t: Translator) -> None:
    """Material and Markdown in the community's language: Material's own default is English
    (so a theme left in English follows `extra.rse.language`; another language is the
    community's choice), and the `toc` extension titles every heading anchor in English."""
    if t.language != "en" and config.theme.get("language", "en") == "en":
        config.theme["language"] = t.language
    for name in config.markdown_extensions:
        if name in ("toc", "markdown.extensions.toc"):
            config.mdx_configs.setdefault(name, {}).setdefault("permalink_title", t("site.permalink"))


# Markdown written for a git host reads as it did there: GitHub-style alerts (`> [!WARNING]`)
# become Material admonitions, which need `admonition` for their styling. Each is added when
# mkdocs.yml lists it under neither of its names; the rest of the user's list stays as it is.
_DEFAULT_EXTENSIONS = (
    ("admonition", "markdown.extensions.admonition"),
    # Responses are appended to their note's Markdown inside HTML containers.
    ("md_in_html", "markdown.extensions.md_in_html"),
    ("github-callouts", "markdown_callouts.github_callouts"),
)


def _default_extensions(config: MkDocsConfig) -> None:
    for names in _DEFAULT_EXTENSIONS:
        if not any(name in config.markdown_extensions for name in names):
            config.markdown_extensions.append(names[0])


def _use_chunked_search(config: MkDocsConfig) -> None:
    """Material's search plugin stands down (no search_index.json, no header box); Pagefind
    indexes the built site in on_post_build and a search page hosts its UI."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "config") and "enabled" in plugin.config:
            plugin.config.enabled = False


def _without_hidden(nav: Any, share: Share) -> Any:
    """mkdocs.yml's nav minus the pages this audience may not see (a title is a leak too)."""
    if isinstance(nav, str):
        return None if share.hides(nav) else nav
    if isinstance(nav, list):
        kept = [_without_hidden(item, share) for item in nav]
        return [item for item in kept if item is not None]
    if isinstance(nav, dict):
        kept = {}
        for title, item in nav.items():
            pruned = _without_hidden(item, share)
            if pruned is not None and pruned != []:
                kept[title] = pruned
        return kept or None
    return nav


def site_files(files: Files) -> SiteFiles:
    return SiteFiles(
        urls={f.src_uri: f.url for f in files},
        included=frozenset(f.src_uri for f in files if f.inclusion.is_included()),
        pages=frozenset(f.src_uri for f in files.documentation_pages()),
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    plan = config[PLAN_KEY] = plan_site(_prepared(config), site_files(files))
    for path in plan.removed:
        if (file := files.get_file_from_path(path)) is not None:
            files.remove(file)
    for path in plan.excluded:
        files.get_file_from_path(path).inclusion = InclusionLevel.EXCLUDED
    for generated in plan.generated:
        files.append(File.generated(config, generated.path, content=generated.text))
    # Known to MkDocs (links to them resolve), written empty with the static files, then whole
    # by write_deferred.
    for deferred in plan.deferred:
        files.append(File.generated(config, deferred.path, content=""))
    # rse's pages reach readers through directories, tags and search, not the navigation.
    in_nav = {
        item
        for entry in (config.nav or [])
        if isinstance(entry, dict)
        for item in entry.values()
        if isinstance(item, str)
    }
    for path in plan.roles:
        file = files.get_file_from_path(path)
        if file is not None and path not in in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    plan = _plan(config)
    found = plan.kind_of(page.file.src_uri)
    if found is not None:
        kind, role = found
        page.meta["template"] = f"rse/{kind.kind}.html"
        title = plan.title_of(role)
        if title is not None:
            page.meta["title"] = title
        if kind.wide:
            page.meta.setdefault("hide", ["navigation", "toc"])
        if kind.drops_heading:
            markdown, heading = without_heading(markdown)
            if heading is not None:
                page.meta.setdefault("title", heading)
        appendix = appendix_view_for(plan, role)
        if appendix is not None:
            markdown = f"{markdown.rstrip()}\n\n{_appendix(config, page, kind.appendix, appendix, plan)}\n"
    # Material prints meta values unescaped: <title>, header, description, and tags in
    # search results (through innerHTML). Every string reaches it escaped and redacted.
    for key, value in list(page.meta.items()):
        if isinstance(value, str):
            page.meta[key] = escape(plan.redact(value))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            page.meta[key] = [escape(plan.redact(item)) for item in value]
    references = find_references(markdown)
    markdown = rewrite(markdown, references, lambda ref: plan.markdown_link(page.file.src_uri, ref))
    return plan.redact(markdown)


def _appendix(config: MkDocsConfig, page: Page, template: str | None, view: Any, plan: SitePlan) -> str:
    """A page's appendix, rendered with the build's templates (on_env ran before any page)."""
    assert template is not None
    context = {
        "rse": PageContext(view=view, t=plan.t),
        "page": page,
        "base_url": get_relative_url(".", page.url),
    }
    # MkDocs makes its template environment after every page's Markdown: appendices get their own.
    if APPENDIX_TEMPLATES_KEY not in config:
        config[APPENDIX_TEMPLATES_KEY] = _with_rse(config.theme.get_env(), plan)
    return config[APPENDIX_TEMPLATES_KEY].get_template(template).render(context)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Before the search plugin indexes the page: sanitised, hidden links unlinked, wide tables
    made reachable by keyboard, redacted."""
    plan = _plan(config)
    html_text = html.unlink_hidden(plan.sanitize(html_text), page.url, plan.hidden_urls)
    html_text = html.scrollable_tables(html_text, lambda n: plan.t("a11y.table", n=n))
    return plan.redact(html_text)


def _finish(output: str, plan: SitePlan) -> str:
    """Every HTML file of the site: addresses redacted, then secured (html.secured)."""
    return html.secured(plan.redact(output), plan.t.search, plan.share.audience.indexable)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Cards, lists and navigation show front-matter text: redacted as a whole page."""
    plan = _plan(config)
    found = plan.kind_of(page.file.src_uri)
    if plan.search.chunked and found is not None and not found[0].searched:
        output = html.not_searched(output)
    return _finish(output, plan)


def write_deferred(site_dir: str, deferred: DeferredFile) -> None:
    target = Path(site_dir) / deferred.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(deferred.make().encode("utf-8"))


def on_post_build(config: MkDocsConfig) -> None:
    """The feeds and calendars, unless a parallel build's workers wrote them; then, with
    chunked search, Pagefind indexes what MkDocs wrote: this audience's pages only."""
    plan = _plan(config)
    if not config.get(DEFERRED_WRITTEN_KEY):
        for deferred in plan.deferred:
            write_deferred(config.site_dir, deferred)
        config[DEFERRED_WRITTEN_KEY] = True
    if ENV_SERVED in os.environ:
        os.environ[ENV_SERVED] = "1"
    if not plan.search.chunked:
        return
    if (later := config.get(INDEX_LATER_KEY)) is not None:
        later(Path(config.site_dir), plan.settings.language, plan.t)
        return
    try:
        index_site(Path(config.site_dir), plan.settings.language)
    except SearchIndexFailed as error:
        raise PluginError(error.said(plan.t)) from None


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """404.html is a template, not a page: it gets the same treatment."""
    if not template_name.endswith(".html"):
        return output_content
    return _finish(output_content, _plan(config))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    config[TEMPLATES_KEY] = _with_rse(env, _plan(config))
    return env


def _with_rse(env: Environment, plan: SitePlan) -> Environment:
    """rse's templates (and the partials they include) escape everything they print;
    Material's own templates keep MkDocs' default."""
    previous = env.autoescape

    def autoescape(name: str | None) -> bool:
        if name is not None and name.startswith("rse/"):
            return True
        return previous(name) if callable(previous) else bool(previous)

    env.autoescape = autoescape
    # rse's partials/nav.html shadows Material's and includes it as material/partials/nav.html.
    material = FileSystemLoader(str(resources.files("material") / "templates"))
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": material})])
    env.globals["rse_nav_cache"] = NavCache()
    # A plain dict instead of Jinja's LRU cache (a lock and a deque search on every include,
    # ~50 a page): MkDocs makes a new environment per build and the templates are few.
    env.cache = {}
    env.filters["url"] = fast_url.url_filter
    # Material's own templates rse overrides (404.html, the footer) have no page to carry `rse`.
    env.globals["rse_t"] = plan.t
    return env


# Before Material's search plugin (priority 0), which indexes page.content in this event.
@event_priority(50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Any) -> dict:
    plan = _plan(config)
    found = plan.kind_of(page.file.src_uri)
    if found is None:
        return context
    kind, role = found
    context["rse"] = PageContext(view=view_for(plan, role), t=plan.t, feeds=feeds_for(role))
    if kind.content_template is not None:
        # Search indexes a page's content: a card rendered into it makes a person without a
        # bio findable by name, role, team, site and skills.
        template = config[TEMPLATES_KEY].get_template(kind.content_template)
        page.content = plan.redact(template.render({**context, "body": Markup(page.content or "")}))
    return context
