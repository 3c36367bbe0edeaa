"""The only module that imports MkDocs: turns rse's views into generated files and page context.

`hooks/rse.py` re-exports the `on_*` functions below; `rse build` and plain `mkdocs build`
therefore run the same code. One build's state lives on the config object MkDocs hands to
every event, so `mkdocs serve` starts each rebuild from scratch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup, escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from rse_build import fast_url
from rse_build.audience import Share, UnknownAudience, audience_named, share_for
from rse_build.check import check_community
from rse_build.enrich import Enriched, enrich
from rse_build.errors import ContentError, Problem, Severity
from rse_build.heading import without_heading
from rse_build.history import HistoryUnavailable, head_commit
from rse_build.i18n import Translator
from rse_build.links import Mentionable, Reference, RefKind, find_references, rewrite
from rse_build.model import Community, Note
from rse_build.nav_cache import NavCache
from rse_build.output import replaced_atomically
from rse_build.redact import Redactor
from rse_build.report import relocated, render, summary_text
from rse_build.sanitize import Sanitizer
from rse_build.search import SearchChoice, SearchIndexFailed, choose, index_site
from rse_build.settings import Settings
from rse_build.stats import Insights, Stats
from rse_build.summary import summarize
from rse_build.views.agenda import events_view, ideas_view, questions_view
from rse_build.views.avatar import initials_svg
from rse_build.views.backlinks import Backlinks, backlinks
from rse_build.views.dashboard import dashboard
from rse_build.views.directory import people_directory
from rse_build.views.edit import RepoLinks
from rse_build.views.feeds import atom_xml, calendar_ics, feed
from rse_build.views.group import group_view, groups_directory
from rse_build.views.home import home_view, recently_updated
from rse_build.views.note import byline
from rse_build.views.profile import profile_view
from rse_build.views.refs import Refs
from rse_build.views.related import RelatedIndex
from rse_build.views.skills import skill_page, skills_index
from rse_build.views.tags import tag_page, tags_index
from rse_build.views.urls import Urls

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

STATE_KEY = "_rse"
CSS = "assets/rse/rse.css"
ENV_AUDIENCE = "RSE_AUDIENCE"
ENV_DRAFTS = "RSE_DRAFTS"
ENV_FROM_RSE = "RSE_FROM_CLI"
ENV_NO_HISTORY = "RSE_NO_HISTORY"


def theme_dir() -> Path:
    """The templates and CSS that ship inside the package (never copied into a community)."""
    return Path(str(resources.files("rse_build") / "theme"))


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


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What the command line asks of one build; read from the environment so that plain
    `mkdocs build` / `mkdocs serve` accept the same switches."""

    drafts: bool = False
    no_history: bool = False
    # Set by `rse`: content problems go back to it whole instead of through MkDocs' log.
    from_rse: bool = False
    audience: str | None = None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> BuildOptions:
        def flag(name: str) -> bool:
            return environ.get(name, "") not in ("", "0", "false", "no")

        return cls(
            drafts=flag(ENV_DRAFTS),
            no_history=flag(ENV_NO_HISTORY),
            from_rse=flag(ENV_FROM_RSE),
            audience=environ.get(ENV_AUDIENCE) or None,
        )


@dataclass(frozen=True, slots=True)
class Role:
    """What a page is to rse: its template and the id of what it shows."""

    kind: str
    id: str = ""


@dataclass(frozen=True, slots=True)
class PageContext:
    """What a template receives as `rse`."""

    view: Any
    t: Translator
    feeds: tuple[str, ...] = ()


@dataclass(slots=True)
class BuildState:
    settings: Settings
    community: Community
    refs: Refs
    drafts: frozenset[str]
    redact: Redactor
    enriched: Enriched
    share: Share
    sanitize: Sanitizer
    search: SearchChoice
    # Whom `@name` names, among everyone (not only this audience): a mention of a hidden
    # person becomes neutral text, never their handle or login left as written.
    mentionable: Mentionable
    hidden_urls: frozenset[str] = frozenset()
    roles: dict[str, Role] = field(default_factory=dict)
    # The build's template environment (on_env): profiles render their card into page.content.
    templates: Environment | None = None
    stats: Stats | None = None
    insights: Insights | None = None
    links: Backlinks | None = None
    today: dt.date | None = None
    repo: RepoLinks | None = None
    related: RelatedIndex | None = None


SEARCH_PAGE = "search/index.md"
# The pages every site has: generated unless the community wrote its own (and may see it).
_GENERATED_WHEN_MISSING = {
    "index.md": "home",
    "people/index.md": "people",
    "groups/index.md": "groups",
    "tags/index.md": "tags",
    "stats/index.md": "stats",
    "skills/index.md": "skills",
    "ideas/index.md": "ideas",
    "events/index.md": "events",
    "questions/index.md": "questions",
}
NOT_INDEXED_ROBOTS = "# This site is not for search engines.\nUser-agent: *\nDisallow: /\n"
ARTICLE = '<article class="md-content__inner md-typeset">'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
CHARSET_META = '<meta charset="utf-8">'
NOINDEX_META = '<meta name="robots" content="noindex, nofollow">'
# Only the site's own host: Material's conditional loaders (mermaid and a polyfill from
# unpkg, GitHub's API for repository facts) and any image a trusted page embeds are blocked
# by the browser itself. Inline scripts and styles are Material's own (palette, scope);
# 'wasm-unsafe-eval' lets Pagefind's search (WebAssembly, from this site) run.
CONTENT_SECURITY_POLICY = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'\">"
)
_ANCHOR = re.compile(r"<a\b([^>]*)>")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _state(config: MkDocsConfig) -> BuildState:
    return config[STATE_KEY]


# Before Material's search plugin (priority 0), which picks its stemmer from the theme's language.
@event_priority(50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    options = BuildOptions.from_environ(os.environ)
    config_file = Path(config.config_file_path) if config.config_file_path else None
    checked = check_community(
        config_file,
        Path(config.docs_dir),
        config.extra,
        config.theme.get("language"),
        drafts=options.drafts,
    )
    settings, community, problems = checked.settings, checked.community, checked.problems
    translator = Translator(settings.language)
    root = config_file.parent if config_file else Path.cwd()
    shown = relocated(problems, root, Path.cwd())
    if any(p.fails(config.strict) for p in problems):
        raise ContentError(problems) if options.from_rse else ContentProblems(shown, translator)
    _log_problems(shown, translator)
    try:
        enriched = enrich(root, Path(config.docs_dir), community, settings, no_history=options.no_history)
    except HistoryUnavailable as error:
        if options.from_rse:
            raise
        raise PluginError(f"{error} (or set {ENV_NO_HISTORY}=1)") from None
    if enriched.history is not None:
        history = enriched.history
        cache = translator("history.from_cache") if history.from_cache else ""
        scanned = translator.number(history.scanned)
        log.info(translator("history.read", n=len(history.commits), scanned=scanned, cache=cache))
    try:
        audience = audience_named(settings, options.audience)
    except UnknownAudience as error:
        if options.from_rse:
            raise
        raise PluginError(f"{error} (set {ENV_AUDIENCE} to one of them)") from None
    # Everything below sees only this audience's share: no view can show what it never got.
    share = share_for(enriched.community, checked.pages, audience)
    community = share.community

    urls = Urls(directory_urls=config.use_directory_urls)
    # Every address rse knows, whatever the audience: a public note may quote an internal
    # person's address, or the address of a commit author with no profile.
    emails = [e for p in enriched.community.people.values() for e in p.fields.emails]
    if enriched.history is not None:
        emails += [i.email for c in enriched.history.commits for i in (c.author, *c.coauthors)]
    config[STATE_KEY] = BuildState(
        settings=settings,
        community=community,
        refs=Refs(community, urls, translator),
        drafts=checked.drafts,
        redact=Redactor.for_addresses(emails, translator.email_hidden),
        enriched=enriched,
        share=share,
        sanitize=Sanitizer.create(settings.sanitize),
        search=choose(len(community.notes), settings.search_threshold),
        mentionable=Mentionable.of(enriched.community.people),
    )
    if config[STATE_KEY].search.chunked:
        _use_chunked_search(config)

    # Our templates sit between the community's own overrides and Material's.
    position = 1 if config.theme.custom_dir else 0
    config.theme.dirs.insert(position, str(theme_dir()))
    # Material loads Google Fonts unless told not to: no page may ask another host.
    config.theme["font"] = False
    _speak(config, translator)
    _default_extensions(config)
    if CSS not in config.extra_css:
        config.extra_css.append(CSS)
    if config.nav is not None and not share.complete:
        config.nav = _without_hidden(config.nav, share)
    if config.nav is None:
        config.nav = [
            {translator.home: "index.md"},
            {translator.people: "people/index.md"},
            {translator.groups: "groups/index.md"},
            {translator.skills: "skills/index.md"},
            {translator.ideas: "ideas/index.md"},
            {translator.events: "events/index.md"},
            {translator.questions: "questions/index.md"},
            {translator.tags: "tags/index.md"},
            {translator.statistics: "stats/index.md"},
        ]
    if config[STATE_KEY].search.chunked and SEARCH_PAGE not in str(config.nav):
        config.nav.append({translator.search: SEARCH_PAGE})
    if "SOURCE_DATE_EPOCH" not in os.environ and config_file is not None:
        # Plain `mkdocs build`: MkDocs dates the sitemap from this; the commit, not the clock.
        head = head_commit(config_file.parent)
        if head is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(head.timestamp)
    return config


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


def _front_matter(title: str) -> str:
    """A JSON string is a valid YAML scalar, control characters included."""
    return f"---\ntitle: {json.dumps(title)}\n---\n"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = _state(config)
    community, t = state.community, state.refs.t
    for path in sorted(state.drafts):
        draft = files.get_file_from_path(path)
        if draft is not None:
            files.remove(draft)

    roles = state.roles
    hidden_urls = set()
    for file in list(files):
        if state.share.hides(file.src_uri):
            hidden_urls.add(file.url)
            # Excluded rather than removed: MkDocs then resolves links to it quietly, and
            # on_page_content turns them into plain text.
            file.inclusion = InclusionLevel.EXCLUDED
            if file.src_uri in _GENERATED_WHEN_MISSING:
                files.remove(file)
    state.hidden_urls = frozenset(hidden_urls)
    published = state.share.published(f.src_uri for f in files if f.inclusion.is_included())

    for src_uri, kind in _GENERATED_WHEN_MISSING.items():
        roles[src_uri] = Role(kind)
    if state.search.chunked:
        roles[SEARCH_PAGE] = Role("search")
    for slug in community.skill_names:
        roles[f"skills/{slug}.md"] = Role("skill", slug)
    for slug in community.tag_names:
        roles[f"tags/{slug}.md"] = Role("tag", slug)
    for handle in community.people:
        roles[f"people/{handle}.md"] = Role("person", handle)
    for slug in community.groups:
        roles[f"groups/{slug}/index.md"] = Role("group", slug)
    for note in community.notes.values():
        roles[note.path] = Role("note", note.key)

    titles = {
        "home": config.site_name,
        "people": t.people,
        "groups": t.groups,
        "tags": t.tags,
        "stats": t.statistics,
        "skills": t.skills,
        "ideas": t.ideas,
        "events": t.events,
        "questions": t.questions,
        "search": t.search,
    }
    for src_uri, role in sorted(roles.items()):
        if files.get_file_from_path(src_uri) is None:
            names = community.skill_names if role.kind == "skill" else community.tag_names
            title = titles.get(role.kind) or names.get(role.id, role.id)
            files.append(File.generated(config, src_uri, content=_front_matter(title)))
    markdown_pages = {f.src_uri for f in files.documentation_pages()}
    state.links = backlinks(community)
    commit = state.enriched.history.head if state.enriched.history else ""
    state.related = RelatedIndex.build(community, state.links, commit)
    if state.settings.repo_url:
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        prefix = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        state.repo = RepoLinks(state.settings.repo_url, state.settings.edit_branch, f"{prefix}/")
    seen = state.enriched.for_audience(community, published)
    state.stats = seen.stats(markdown_pages)
    state.insights = seen.insights(state.settings.privacy.min_group)
    if state.stats is not None:
        stats_json = json.dumps(state.stats.to_json(), indent=2, ensure_ascii=False, sort_keys=False)
        files.append(File.generated(config, "stats.json", content=stats_json + "\n"))
    _add_feeds(files, config, state)
    if not state.share.audience.indexable:
        robots = files.get_file_from_path("robots.txt")
        if robots is not None:
            files.remove(robots)
        files.append(File.generated(config, "robots.txt", content=NOT_INDEXED_ROBOTS))
    for handle, person in community.people.items():
        if state.refs.avatar(handle) == f"avatars/{handle}.svg":
            files.append(
                File.generated(config, f"avatars/{handle}.svg", content=initials_svg(handle, person.name))
            )

    in_nav = {
        item
        for entry in (config.nav or [])
        if isinstance(entry, dict)
        for item in entry.values()
        if isinstance(item, str)
    }
    for src_uri in roles:
        file = files.get_file_from_path(src_uri)
        if file is not None and src_uri not in in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return files


def _add_feeds(files: Files, config: MkDocsConfig, state: BuildState) -> None:
    """feed.xml, groups/<slug>/feed.xml and events.ics, as files of the site."""
    refs, community, t = state.refs, state.community, state.refs.t
    pages = state.stats.pages if state.stats else {}
    site_url = config.site_url or ""
    name = state.settings.name or config.site_name
    main = feed(refs, pages, tuple(community.notes), name, "", "feed.xml", "urn:rse:feed")
    redact = state.redact
    files.append(File.generated(config, "feed.xml", content=redact(atom_xml(main, site_url))))
    for slug, group in community.groups.items():
        group_feed = feed(
            refs,
            pages,
            community.notes_of_group.get(slug, ()),
            f"{group.title} · {name}",
            refs.urls.group(slug),
            f"groups/{slug}/feed.xml",
            f"urn:rse:feed:group:{slug}",
        )
        files.append(
            File.generated(config, f"groups/{slug}/feed.xml", content=redact(atom_xml(group_feed, site_url)))
        )
    head = head_commit(Path(config.config_file_path).parent) if config.config_file_path else None
    stamp = dt.datetime.fromtimestamp(head.timestamp if head else 0, dt.UTC)
    state.today = stamp.date() if head else None
    files.append(
        File.generated(
            config, "events.ics", content=redact(calendar_ics(refs, stamp, site_url, f"{name} · {t.events}"))
        )
    )


def _markdown_label(text: str) -> str:
    """A name or title as Markdown link text: HTML escaped, brackets and emphasis inert."""
    text = str(escape(text))
    for char in "\\[]*_`":
        text = text.replace(char, "\\" + char)
    return text


def _link_to(page: Page, target_src: str) -> str:
    here = posixpath.dirname(page.file.src_uri)
    return posixpath.relpath(target_src, here or ".")


def _resolve(state: BuildState, page: Page, reference: Reference) -> str | None:
    """A mention or wiki link as a Markdown link; as plain text when this audience may not
    see its target (the label the author wrote, else a neutral word: an id is a file name);
    None (left as written) when it names nothing, e.g. a draft."""
    community, everyone = state.community, state.enriched.community
    hidden = _markdown_label(reference.label or state.refs.t.not_shown_here)
    if reference.kind is RefKind.MENTION:
        handle = state.mentionable.person(reference.target)
        if handle is None:
            return None
        person = community.people.get(handle)
        if person is None:
            return hidden
        return f"[{_markdown_label(person.name)}]({_link_to(page, person.path)})"
    note: Note | None = community.find_note(reference.target)
    if note is None:
        return hidden if everyone.find_note(reference.target) is not None else None
    label = reference.label or note.title
    return f"[{_markdown_label(label)}]({_link_to(page, note.path)})"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state(config)
    role = state.roles.get(page.file.src_uri)
    if role is not None:
        page.meta["template"] = f"rse/{role.kind}.html"
        if role.kind == "person":
            page.meta["title"] = state.community.people[role.id].name
        if role.kind == "note":
            page.meta["title"] = state.community.notes[role.id].title
        if role.kind != "note":
            # Cards and directories need the width; a note keeps its table of contents.
            page.meta.setdefault("hide", ["navigation", "toc"])
        if role.kind != "home":
            # rse's template prints the title: a body's leading `# Title` is that title, once.
            markdown, heading = without_heading(markdown)
            if heading is not None:
                page.meta.setdefault("title", heading)
    # Material prints meta values unescaped: <title>, header, description, and tags in
    # search results (through innerHTML). Every string reaches it escaped and redacted.
    for key, value in list(page.meta.items()):
        if isinstance(value, str):
            page.meta[key] = escape(state.redact(value))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            page.meta[key] = [escape(state.redact(item)) for item in value]
    references = find_references(markdown)
    markdown = rewrite(markdown, references, lambda ref: _resolve(state, page, ref))
    return state.redact(markdown)


def _unlink_hidden(html: str, page: Page, hidden_urls: frozenset[str]) -> str:
    """A link to a page this audience may not see becomes plain text (`<a>` with no href)."""
    if not hidden_urls:
        return html
    here = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
    hidden = {url.rstrip("/") for url in hidden_urls}

    def replace(match: re.Match[str]) -> str:
        href = _HREF.search(match.group(1))
        if href is None:
            return match.group(0)
        value = href.group(1) if href.group(1) is not None else href.group(2)
        path = value.split("#", 1)[0].split("?", 1)[0]
        if not path or ":" in path.split("/", 1)[0] or path.startswith("/"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(here, path))
        return "<a>" if target.rstrip("/") in hidden else match.group(0)

    return _ANCHOR.sub(replace, html)


_TABLE_TAG = re.compile(r"<(/?)table\b([^>]*)>", re.IGNORECASE)
_CLASS_ATTRIBUTE = re.compile(r"\bclass\s*=", re.IGNORECASE)
_TABLE_REGION = '<div class="rse-table" role="region" tabindex="0" aria-label="{label}">'


def _scrollable_tables(html: str, name: Callable[[int], str]) -> str:
    """Each table Material lets scroll sideways (one with no class) is wrapped in a named region
    the keyboard can reach and scroll: a wide table on a phone (axe: scrollable-region-focusable)."""
    if "<table" not in html:
        return html
    parts: list[str] = []
    depth, start, count, wrapping = 0, 0, 0, False
    for match in _TABLE_TAG.finditer(html):
        if not match.group(1):
            depth += 1
            if depth == 1 and not _CLASS_ATTRIBUTE.search(match.group(2)):
                count += 1
                parts += [html[start : match.start()], _TABLE_REGION.format(label=escape(name(count)))]
                start, wrapping = match.start(), True
        elif depth:
            depth -= 1
            if depth == 0 and wrapping:
                parts += [html[start : match.end()], "</div>"]
                start, wrapping = match.end(), False
    parts.append(html[start:])
    return "".join(parts)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Before the search plugin indexes the page: sanitised, hidden links unlinked, wide tables
    made reachable by keyboard, redacted."""
    state = _state(config)
    html = _unlink_hidden(state.sanitize(html), page, state.hidden_urls)
    html = _scrollable_tables(html, lambda n: state.refs.t("a11y.table", n=n))
    return state.redact(html)


def _finish(output: str, state: BuildState) -> str:
    """Every HTML file of the site: addresses redacted, the browser told to ask no other
    host (whatever a theme script or a trusted page's HTML would fetch), and search
    engines kept out of every site but the public one."""
    output = state.redact(output)
    if "<head>" not in output:
        return output
    # Material's search dialog has no accessible name (axe: aria-dialog-name).
    label = str(escape(state.refs.t.search))
    output = output.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG[:-1]} aria-label="{label}">', 1)
    head = [CONTENT_SECURITY_POLICY]
    if not state.share.audience.indexable:
        head.append(NOINDEX_META)
    anchor = CHARSET_META if CHARSET_META in output else "<head>"
    return output.replace(anchor, anchor + "\n    " + "\n    ".join(head), 1)


# Pages whose words are the notes', people's and groups' own: Pagefind leaves them out, so
# its index (and the time to build it) holds each text once.
_NOT_SEARCHED = frozenset(
    {"tags", "tag", "skills", "skill", "people", "groups", "ideas", "events", "questions", "stats", "search"}
)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Cards, lists and navigation show front-matter text: redacted as a whole page."""
    state = _state(config)
    role = state.roles.get(page.file.src_uri)
    if state.search.chunked and role is not None and role.kind in _NOT_SEARCHED:
        output = output.replace(ARTICLE, f'{ARTICLE[:-1]} data-pagefind-ignore="all">', 1)
    return _finish(output, state)


def on_post_build(config: MkDocsConfig) -> None:
    """With chunked search, Pagefind indexes what MkDocs wrote: this audience's pages only."""
    state = _state(config)
    if not state.search.chunked:
        return
    try:
        index_site(Path(config.site_dir), state.settings.language)
    except (SearchIndexFailed, OSError) as error:
        raise PluginError(f"the search index could not be built: {error}") from None


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """404.html is a template, not a page: it gets the same treatment."""
    if not template_name.endswith(".html"):
        return output_content
    return _finish(output_content, _state(config))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
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
    env.globals["rse_t"] = _state(config).refs.t
    _state(config).templates = env
    return env


def _view(state: BuildState, role: Role) -> Any:
    refs, stats = state.refs, state.stats
    match role.kind:
        case "person":
            monthly = state.insights.person_monthly.get(role.id, ()) if state.insights else ()
            mentioned = state.links.mentioned_in.get(role.id, ()) if state.links else ()
            return profile_view(
                refs, role.id, stats.people.get(role.id) if stats else None, monthly, mentioned
            )
        case "group":
            return group_view(refs, role.id, stats.groups.get(role.id) if stats else None, state.repo)
        case "note":
            path = state.community.notes[role.id].path
            referenced = state.links.referenced_by.get(role.id, ()) if state.links else ()
            view = byline(refs, role.id, stats.pages.get(path) if stats else None, referenced, state.repo)
            if state.related is None:
                return view
            pick = state.related.discover(state.community, role.id)
            return dataclasses.replace(
                view,
                related=refs.notes(state.related.related(state.community, role.id)),
                discover=refs.note(pick) if pick else None,
            )
        case "people":
            return people_directory(refs)
        case "groups":
            return groups_directory(refs)
        case "tags":
            return tags_index(refs)
        case "tag":
            return tag_page(refs, role.id)
        case "home":
            pick = state.related.discover(state.community, None) if state.related else None
            updated = recently_updated(state.community, stats.pages if stats else {})
            return home_view(refs, state.today, pick, updated)
        case "skills":
            return skills_index(refs)
        case "ideas":
            return ideas_view(refs)
        case "events":
            return events_view(refs, state.today)
        case "questions":
            return questions_view(refs)
        case "search":
            return state.search
        case "skill":
            return skill_page(refs, role.id)
        case "stats":
            if stats is None or state.insights is None:
                return None
            return dashboard(refs, stats, state.insights, state.settings.privacy.min_group)
    raise ValueError(f"no view for {role.kind}")


PROFILE_CONTENT = "rse/partials/profile.html"


def _profile_content(state: BuildState, context: dict, bio: str) -> str:
    """A profile's card, lists and bio as its page's content: search indexes a page's content,
    so a person without a bio is still found by name, role, team, site and skills."""
    assert state.templates is not None, "on_env runs before any page"
    card = state.templates.get_template(PROFILE_CONTENT).render({**context, "bio": Markup(bio)})
    return state.redact(card)


# Before Material's search plugin (priority 0), which indexes page.content in this event.
@event_priority(50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Any) -> dict:
    state = _state(config)
    role = state.roles.get(page.file.src_uri)
    if role is not None:
        context["rse"] = PageContext(view=_view(state, role), t=state.refs.t, feeds=("feed.xml",))
        if role.kind == "person":
            page.content = _profile_content(state, context, page.content or "")
    return context


class BuildFailed(Exception):
    """MkDocs refused the configuration or the build; the message says why."""


@contextmanager
def _build_environment(
    config_file: Path, drafts: bool, no_history: bool = False, audience: str | None = None
) -> Iterator[None]:
    """The switches the hooks read, set for one build and restored after it.

    SOURCE_DATE_EPOCH (the build commit's date) makes MkDocs' own dates reproducible.
    """
    keys = (ENV_DRAFTS, ENV_FROM_RSE, ENV_NO_HISTORY, ENV_AUDIENCE, "SOURCE_DATE_EPOCH")
    saved = {key: os.environ.get(key) for key in keys}
    os.environ[ENV_FROM_RSE] = "1"
    for key, wanted in ((ENV_DRAFTS, drafts), (ENV_NO_HISTORY, no_history)):
        if wanted:
            os.environ[key] = "1"
        else:
            os.environ.pop(key, None)
    if audience:
        os.environ[ENV_AUDIENCE] = audience
    else:
        os.environ.pop(ENV_AUDIENCE, None)
    if saved["SOURCE_DATE_EPOCH"] is None:
        head = head_commit(config_file.parent)
        if head is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(head.timestamp)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@dataclass(frozen=True, slots=True)
class Built:
    """What a build put in the site, for the command line's summary."""

    site_dir: Path
    community: Community
    audience: str


def _build_into(
    config_file: Path,
    site_dir: Path | None,
    staging: Callable[[Path], Path],
    *,
    strict: bool,
    drafts: bool,
    no_history: bool,
    audience: str | None,
) -> Built:
    """One audience's site: MkDocs writes into `staging(target)`, never into the target."""
    overrides: dict[str, Any] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    with _build_environment(config_file, drafts, no_history, audience):
        try:
            config = load_config(str(config_file), **overrides)
            target = Path(config.site_dir)
            config["site_dir"] = str(staging(target))
            mkdocs_build(config)
        except MkDocsException as error:
            raise BuildFailed(str(error)) from None
    state = _state(config)
    return Built(target, state.community, state.share.audience.name)


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = False,
    drafts: bool = False,
    no_history: bool = False,
    audience: str | None = None,
) -> Built:
    """Check the content and run MkDocs' build on `config_file` (the hooks do rse's part),
    for one audience (default: the community's default audience).

    The site is built beside its folder and swapped in only once complete. Raises
    ContentError with every located problem, UnknownAudience, OutputProblem, or BuildFailed
    for MkDocs' own refusals.
    """
    with ExitStack() as stack:

        def staging(target: Path) -> Path:
            return stack.enter_context(replaced_atomically(target))

        return _build_into(
            config_file,
            site_dir,
            staging,
            strict=strict,
            drafts=drafts,
            no_history=no_history,
            audience=audience,
        )


def build_all_audiences(
    config_file: Path,
    site_dir: Path | None,
    audiences: Iterable[str],
    *,
    strict: bool = False,
    drafts: bool = False,
    no_history: bool = False,
) -> list[Built]:
    """`site_dir/<audience>/` for each audience, swapped in together: if one fails, the
    previous sites all stay as they were."""
    names = list(audiences)
    if site_dir is None:
        site_dir = config_summary(config_file)[1]
    built = []
    with replaced_atomically(site_dir) as root:
        for name in names:
            built.append(
                _build_into(
                    config_file,
                    site_dir / name,
                    lambda _target, name=name: root / name,
                    strict=strict,
                    drafts=drafts,
                    no_history=no_history,
                    audience=name,
                )
            )
    return built


def serve_site(
    config_file: Path,
    dev_addr: str,
    *,
    drafts: bool = False,
    no_history: bool = False,
    open_browser: bool = False,
    audience: str | None = None,
) -> None:
    from mkdocs.commands.serve import serve

    with _build_environment(config_file, drafts, no_history, audience):
        try:
            serve(config_file=str(config_file), dev_addr=dev_addr, open_in_browser=open_browser)
        except MkDocsException as error:
            raise BuildFailed(str(error)) from None


def site_files(config_file: Path) -> tuple[set[str], set[str]]:
    """Every file and the Markdown pages MkDocs would publish from docs_dir (exclude_docs
    applied), before rse removes drafts and what an audience may not see."""
    from mkdocs.structure.files import get_files

    try:
        config = load_config(str(config_file))
    except MkDocsException as error:
        raise BuildFailed(str(error)) from None
    files = get_files(config)
    return {f.src_uri for f in files if f.inclusion.is_included()}, {
        f.src_uri for f in files.documentation_pages()
    }


def config_summary(config_file: Path) -> tuple[Path, Path, dict, str | None]:
    """docs_dir, site_dir, extra and theme language of a config, without building."""
    try:
        config = load_config(str(config_file))
    except MkDocsException as error:
        raise BuildFailed(str(error)) from None
    return Path(config.docs_dir), Path(config.site_dir), dict(config.extra), config.theme.get("language")
