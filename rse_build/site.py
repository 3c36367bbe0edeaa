"""One audience's site, planned before any page is rendered: which pages it has and what kind
each is (the `PAGE_KINDS` table), and everything its pages and generated files are made from
(the frozen `SitePlan`). MkDocs-free: `rse build` (through the hooks) and `rse stats` make the
same plan; the adapter only hands it MkDocs' files and asks it for each page's view.

The stages run in this order and pass named records: `check_community` → `prepare` (git's
facts, the audience's share, the search) → `plan_site` (pages, figures, feeds) → `view_for`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import escape

from rse_build.audience import Share, audience_named, share_for
from rse_build.check import Checked
from rse_build.enrich import Enriched, enrich
from rse_build.history import EarlyLog, Head, Progress, head_commit
from rse_build.i18n import Translator
from rse_build.idea_states import last_state_changes
from rse_build.links import Mentionable, Reference, RefKind
from rse_build.load import RESPONSES_DIR
from rse_build.model import Community, Note, NoteType
from rse_build.org import Org
from rse_build.redact import Redactor
from rse_build.sanitize import Sanitizer
from rse_build.search import SearchChoice, choose
from rse_build.settings import CommunityConfig, Settings
from rse_build.stats import Insights, Stats
from rse_build.views.agenda import events_view, ideas_view, questions_view
from rse_build.views.avatar import initials_svg
from rse_build.views.backlinks import Backlinks, backlinks
from rse_build.views.compose import compose_view
from rse_build.views.dashboard import dashboard
from rse_build.views.digest import Week, digest
from rse_build.views.directory import people_directory
from rse_build.views.edit import RepoLinks
from rse_build.views.feeds import (
    ALL_EVENTS_CALENDAR,
    IDEAS_FEED,
    QUESTIONS_FEED,
    Calendars,
    Feed,
    FeedEntry,
    atom_xml,
    event_calendar_path,
    feed,
    group_calendar_path,
    group_feed_path,
    tag_feed_path,
)
from rse_build.views.foryou import ForYou, person_feed_path
from rse_build.views.group import group_view, groups_directory
from rse_build.views.home import home_view, recently_updated
from rse_build.views.note import byline
from rse_build.views.org import org_chart, place_in_org
from rse_build.views.profile import profile_view
from rse_build.views.refs import Refs
from rse_build.views.related import RelatedIndex
from rse_build.views.sites import SiteIndex, site_page, sites_directory
from rse_build.views.skills import skill_page, skills_index
from rse_build.views.tags import tag_page, tags_index
from rse_build.views.teams import team_page, teams_index
from rse_build.views.thread import thread_view
from rse_build.views.urls import Urls

NOT_INDEXED_ROBOTS = "# This site is not for search engines.\nUser-agent: *\nDisallow: /\n"
ATOM = "application/atom+xml"
CALENDAR = "text/calendar"


@dataclass(frozen=True, slots=True)
class Alternate:
    """A feed or a calendar of what a page shows, for feed readers to discover in its head.

    `rel` is "alternate" only for the site's feed: Material fetches a sitemap.xml beside every
    `link[rel=alternate]` (matched exactly), and only the site's feed has one beside it. Readers
    read rel as a list of words, so "alternate feed" is found by them and left alone by Material."""

    href: str
    type: str = ATOM
    rel: str = "alternate feed"


SITE_FEED = Alternate("feed.xml", rel="alternate")


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What the command line asks of one build (plain `mkdocs build` reads them from the
    environment, so it accepts the same switches)."""

    drafts: bool = False
    no_history: bool = False
    audience: str | None = None
    # Set by `rse`: content problems go back to it whole instead of through MkDocs' log.
    from_rse: bool = False
    # Worker processes that render pages (`rse build --jobs`); plain `mkdocs build` uses one.
    jobs: int = 1


@dataclass(frozen=True, slots=True)
class PageRole:
    """What a page is to rse: its kind (and so its template) and the id of what it shows."""

    kind: str
    id: str = ""


@dataclass(frozen=True, slots=True)
class PageKind:
    """One kind of page rse makes: a row of `PAGE_KINDS`. Adding a kind is a row here, a view
    and a template `rse/<kind>.html`."""

    kind: str
    # Its page under content/ (generated when the community wrote none); for a kind with one
    # page per record, `pages` gives each (path, id, title) instead.
    source: str
    # Translation key of its title (and of its entry in the default navigation).
    title_key: str
    view: Callable[[SitePlan, str], Any]
    pages: Callable[[Prepared], Iterable[tuple[str, str, str]]] | None = None
    in_nav: bool = False
    # Pagefind indexes it: lists of other pages' words stay out, so each text is found once.
    searched: bool = False
    # The record's own name or title is the page's title, whatever its front matter says.
    record_title: bool = False
    # Cards and directories take the width; a note keeps its table of contents.
    wide: bool = True
    # rse's template prints the title, so a body's leading `# Title` is dropped (the home page
    # keeps what its author wrote).
    drops_heading: bool = True
    # A template rendered into the page's content, so search indexes what the card shows.
    content_template: str | None = None
    # The site's name titles it, not `title_key` (the home page).
    titled_by_site: bool = False
    # Only with Pagefind's chunked search (its page hosts the search box).
    chunked_search_only: bool = False
    # A template rendered after the page's Markdown body, from its own view (a note's
    # responses): MkDocs renders it with the page, so search and every check see it.
    appendix: str | None = None
    appendix_view: Callable[[SitePlan, str], Any] | None = None
    # The feeds and calendars of what a page of this kind shows, from its id.
    feeds: Callable[[str], tuple[Alternate, ...]] = lambda _: ()


@dataclass(frozen=True, slots=True)
class GeneratedFile:
    path: str
    text: str


@dataclass(frozen=True, slots=True)
class DeferredFile:
    """A generated file made only when it is written: the feeds and calendars, a few thousand
    at 10,000 notes, which a parallel build's workers make while pages render (and which a
    command that does not write the site never makes)."""

    path: str
    # What the file says, comparable by value (`rse serve` writes again only the files whose
    # data changed), and its text from that.
    data: Callable[[], Any]
    render: Callable[[Any], str]

    def make(self) -> str:
        return self.render(self.data())


@dataclass(frozen=True, slots=True)
class SiteFiles:
    """MkDocs' files as rse needs them: each file's URL, those MkDocs publishes, and its
    Markdown pages among them (before rse removes drafts and what an audience may not see)."""

    urls: Mapping[str, str]
    included: frozenset[str]
    pages: frozenset[str]


@dataclass(frozen=True, slots=True)
class Prepared:
    """The community checked, dated by git and cut to one audience: all that MkDocs'
    configuration needs (navigation, search, language) before the files are known."""

    config: CommunityConfig
    checked: Checked
    enriched: Enriched
    share: Share
    t: Translator
    search: SearchChoice
    head: Head | None

    @property
    def settings(self) -> Settings:
        return self.checked.settings

    def default_nav(self) -> list[dict[str, str]]:
        """The navigation when mkdocs.yml has none: the kinds marked `in_nav`, in order."""
        return [{self.t(kind.title_key): kind.source} for kind in PAGE_KINDS if kind.in_nav]


def prepare(
    config: CommunityConfig,
    checked: Checked,
    options: BuildOptions,
    progress: Progress | None = None,
    early: EarlyLog | None = None,
) -> Prepared:
    """Raises HistoryUnavailable (unless `no_history`) and UnknownAudience. `early`: the history
    pass started before the check (history.early_log)."""
    settings = checked.settings
    # A misspelt audience is told before the history pass, not after it.
    audience = audience_named(settings, options.audience)
    enriched = enrich(
        config.root,
        config.docs_dir,
        checked.community,
        settings,
        no_history=options.no_history,
        progress=progress,
        early=early,
    )
    # Everything below sees only this audience's share: no view can show what it never got.
    share = share_for(enriched.community, checked.pages, audience)
    head = head_commit(config.config_file.parent) if config.config_file else None
    search = choose(len(share.community.notes), settings.search_threshold)
    return Prepared(config, checked, enriched, share, Translator(settings.language), search, head)


@dataclass(frozen=True, slots=True)
class SitePlan:
    """Everything one audience's build needs, made once by `plan_site`; read, never changed."""

    prepared: Prepared
    refs: Refs
    redact: Redactor
    sanitize: Sanitizer
    # Whom `@name` names, among everyone (not only this audience): a mention of a hidden
    # person becomes neutral text, never their handle or login left as written.
    mentionable: Mentionable
    roles: Mapping[str, PageRole]
    # Files under content/ the site leaves out: removed (drafts, a hidden page rse then
    # generates) or excluded (MkDocs then resolves links to them quietly, and the adapter turns
    # those links into plain text).
    removed: tuple[str, ...]
    excluded: frozenset[str]
    hidden_urls: frozenset[str]
    generated: tuple[GeneratedFile, ...]
    deferred: tuple[DeferredFile, ...]
    stats: Stats | None
    insights: Insights | None
    links: Backlinks
    related: RelatedIndex
    for_you: ForYou
    # Each site's groups, events, notes and partner sites, indexed once for all its pages.
    sites: SiteIndex
    # Reporting lines among the people this audience sees (hidden managers skipped).
    org: Org
    repo: RepoLinks | None
    # The build commit's day: "upcoming" and "recent" are relative to it, never to the clock.
    today: dt.date | None

    @property
    def t(self) -> Translator:
        return self.prepared.t

    @property
    def settings(self) -> Settings:
        return self.prepared.settings

    @property
    def share(self) -> Share:
        return self.prepared.share

    @property
    def community(self) -> Community:
        return self.prepared.share.community

    @property
    def search(self) -> SearchChoice:
        return self.prepared.search

    def kind_of(self, path: str) -> tuple[PageKind, PageRole] | None:
        role = self.roles.get(path)
        return None if role is None else (KINDS[role.kind], role)

    def title_of(self, role: PageRole) -> str | None:
        """The title a record's page takes whatever its front matter says, or None."""
        if not KINDS[role.kind].record_title:
            return None
        if role.kind == "person":
            return self.community.people[role.id].name
        if role.kind == "site":
            return self.community.site_names[role.id]
        return self.community.notes[role.id].title

    def markdown_link(self, page_path: str, reference: Reference) -> str | None:
        """A mention or wiki link as a Markdown link; as plain text when this audience may not
        see its target (the label the author wrote, else a neutral word: an id is a file name);
        None (left as written) when it names nothing, e.g. a draft."""
        community, everyone = self.community, self.prepared.enriched.community
        hidden = _markdown_label(reference.label or self.t.not_shown_here)
        if reference.kind is RefKind.MENTION:
            handle = self.mentionable.person(reference.target)
            if handle is None:
                return None
            person = community.people.get(handle)
            if person is None:
                return hidden
            return f"[{_markdown_label(person.name)}]({_relative(page_path, person.path)})"
        note: Note | None = community.find_note(reference.target)
        if note is None:
            return hidden if everyone.find_note(reference.target) is not None else None
        label = reference.label or note.title
        return f"[{_markdown_label(label)}]({_relative(page_path, note.path)})"


def _markdown_label(text: str) -> str:
    """A name or title as Markdown link text: HTML escaped, brackets and emphasis inert."""
    text = str(escape(text))
    for char in "\\[]*_`":
        text = text.replace(char, "\\" + char)
    return text


def _relative(page_path: str, target_path: str) -> str:
    here = posixpath.dirname(page_path)
    return posixpath.relpath(target_path, here or ".")


def _front_matter(title: str) -> str:
    """A JSON string is a valid YAML scalar, control characters included."""
    return f"---\ntitle: {json.dumps(title)}\n---\n"


def _roles(prepared: Prepared) -> dict[str, tuple[PageRole, str]]:
    """Every page of rse's kinds this site has, with the title a generated one would take."""
    found: dict[str, tuple[PageRole, str]] = {}
    for kind in PAGE_KINDS:
        if kind.chunked_search_only and not prepared.search.chunked:
            continue
        if kind.pages is None:
            title = prepared.config.site_name if kind.titled_by_site else prepared.t(kind.title_key)
            found[kind.source] = (PageRole(kind.kind), title)
            continue
        for path, ident, title in kind.pages(prepared):
            found[path] = (PageRole(kind.kind, ident), title)
    return found


@dataclass(frozen=True, slots=True)
class _Layout:
    """Which of MkDocs' files one audience's site keeps, and which pages rse generates."""

    roles: Mapping[str, tuple[PageRole, str]]
    left_out: frozenset[str]
    hidden: frozenset[str]
    hidden_fixed: frozenset[str]
    # Pages of rse's kinds the community did not write: (path, title), in path order.
    missing: tuple[tuple[str, str], ...]
    markdown_pages: frozenset[str]
    # Paths under content/ the site publishes, or None when it publishes all of them.
    published: frozenset[str] | None


def _layout(prepared: Prepared, files: SiteFiles) -> _Layout:
    share, drafts = prepared.share, prepared.checked.drafts
    # Responses are shown on their note's page, never as pages of their own.
    responses = {p for p in files.urls if p.startswith(f"{RESPONSES_DIR}/") and p.endswith(".md")}
    left_out = drafts | responses
    roles = _roles(prepared)
    fixed = {kind.source for kind in PAGE_KINDS if kind.pages is None}
    hidden = {path for path in files.urls if path not in left_out and share.hides(path)}
    # A hidden page of a kind every site has is replaced by the generated one.
    hidden_fixed = {path for path in hidden if path in fixed}
    present = set(files.urls) - left_out - hidden_fixed
    missing = tuple((path, title) for path, (_, title) in sorted(roles.items()) if path not in present)
    markdown_pages = {p for p in files.pages if p not in left_out and p not in hidden} | {
        p for p, _ in missing
    }
    published = share.published(p for p in files.included if p not in drafts and p not in hidden)
    return _Layout(
        roles=roles,
        left_out=frozenset(left_out),
        hidden=frozenset(hidden),
        hidden_fixed=frozenset(hidden_fixed),
        missing=missing,
        markdown_pages=frozenset(markdown_pages),
        published=published,
    )


@dataclass(frozen=True, slots=True)
class Counted:
    """What one audience's figures count: git's facts cut to the files its site publishes, and
    its Markdown pages (generated ones included). `rse stats` stops here, `plan_site` goes on:
    both read stats.json's figures from this one record, so they cannot differ."""

    seen: Enriched
    markdown_pages: frozenset[str]
    min_group: int

    def stats(self) -> Stats | None:
        return self.seen.stats(set(self.markdown_pages))

    def insights(self) -> Insights | None:
        return self.seen.insights(self.min_group)


def _counted(prepared: Prepared, layout: _Layout) -> Counted:
    seen = prepared.enriched.for_audience(prepared.share.community, layout.published)
    return Counted(seen, layout.markdown_pages, prepared.settings.privacy.min_group)


def site_figures(prepared: Prepared, files: SiteFiles) -> Counted:
    """One audience's figures without the rest of its site (pages, feeds, indexes)."""
    return _counted(prepared, _layout(prepared, files))


def stats_json(stats: Stats) -> str:
    """The text of stats.json, which `rse stats --json` prints."""
    return json.dumps(stats.to_json(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def plan_site(prepared: Prepared, files: SiteFiles) -> SitePlan:
    """The plan of one audience's site over the files MkDocs found."""
    config, share, t, settings = prepared.config, prepared.share, prepared.t, prepared.settings
    community, enriched = share.community, prepared.enriched
    layout = _layout(prepared, files)
    roles, left_out, hidden, hidden_fixed = layout.roles, layout.left_out, layout.hidden, layout.hidden_fixed
    generated = [GeneratedFile(path, _front_matter(title)) for path, title in layout.missing]

    urls = Urls(directory_urls=config.directory_urls)
    refs = Refs(community, urls, t)
    links = backlinks(community)
    history = enriched.history
    related = RelatedIndex.build(community, links, history.head if history else "")
    repo = None
    if settings.repo_url:
        prefix = config.docs_dir.resolve().relative_to(config.root.resolve()).as_posix()
        repo = RepoLinks(settings.repo_url, settings.edit_branch, f"{prefix}/")
    counted = _counted(prepared, layout)
    stats, insights = counted.stats(), counted.insights()
    # Every address rse knows, whatever the audience: a public note may quote an internal
    # person's address, or the address of a commit author with no profile.
    emails = [e for p in enriched.community.people.values() for e in p.fields.emails]
    if history is not None:
        emails += [i.email for c in history.commits for i in (c.author, *c.coauthors)]
    redact = Redactor.for_addresses(emails, t.email_hidden)
    today = dt.datetime.fromtimestamp(prepared.head.timestamp, dt.UTC).date() if prepared.head else None

    if stats is not None:
        generated.append(GeneratedFile("stats.json", stats_json(stats)))
    # Read from git here, not for every command: only the "for you" feeds show ideas' states.
    # Everyone's ideas, so each audience of one build asks the same question (read once).
    everyone = enriched.community
    ideas = {key: note.path for key, note in everyone.notes.items() if note.fields.type is NoteType.IDEA}
    changes = last_state_changes(config.root, enriched.history, ideas) if enriched.history else {}
    for_you = ForYou.of(refs, stats.pages if stats else {}, links, changes)
    deferred = tuple(_feeds(prepared, refs, stats, redact, for_you))
    removed = [*sorted(left_out & set(files.urls)), *sorted(hidden_fixed)]
    if not share.audience.indexable:
        if "robots.txt" in files.urls:
            removed.append("robots.txt")
        generated.append(GeneratedFile("robots.txt", NOT_INDEXED_ROBOTS))
    for handle, person in community.people.items():
        if refs.avatar(handle) == f"avatars/{handle}.svg":
            generated.append(GeneratedFile(f"avatars/{handle}.svg", initials_svg(handle, person.name)))

    return SitePlan(
        prepared=prepared,
        refs=refs,
        redact=redact,
        sanitize=Sanitizer.create(settings.sanitize),
        mentionable=Mentionable.of(enriched.community.people),
        roles={path: role for path, (role, _) in roles.items()},
        removed=tuple(removed),
        excluded=frozenset(hidden - hidden_fixed),
        # A hidden page every site has is generated in its place: links to it stay links.
        hidden_urls=frozenset(files.urls[path] for path in hidden - hidden_fixed),
        generated=tuple(generated),
        deferred=deferred,
        stats=stats,
        insights=insights,
        links=links,
        related=related,
        for_you=for_you,
        sites=SiteIndex.of(community, settings.privacy.min_group),
        org=Org.of(enriched.community, community),
        repo=repo,
        today=today,
    )


def _feeds(
    prepared: Prepared, refs: Refs, stats: Stats | None, redact: Redactor, for_you: ForYou
) -> list[DeferredFile]:
    """feed.xml, groups/<slug>/feed.xml, tags/<slug>/feed.xml, the questions' and the ideas'
    feeds and people/<handle>/feed.xml; events.ics, events/<note key>.ics for each event and
    groups/<slug>/events.ics. Each is made when it is written (by the workers of a parallel
    build), never before."""
    community, t, config = prepared.share.community, prepared.t, prepared.config
    pages = stats.pages if stats else {}
    site_url = config.site_url
    name = prepared.settings.name or config.site_name
    head = prepared.head
    stamp = dt.datetime.fromtimestamp(head.timestamp if head else 0, dt.UTC)
    calendars = Calendars.of(refs, stamp, site_url, prepared.settings.timezone, redact)

    def atom(path: str, data: Callable[[], Feed]) -> DeferredFile:
        return DeferredFile(path, data, partial(_atom_text, site_url=site_url, redact=redact))

    def ics(path: str, events: tuple[Note, ...], title: str) -> DeferredFile:
        return DeferredFile(
            path, partial(_calendar_data, events, title), partial(_calendar_text, calendars, redact=redact)
        )

    files = [
        atom(
            "feed.xml",
            partial(feed, refs, pages, tuple(community.notes), name, "", "feed.xml", "urn:rse:feed"),
        ),
        ics(ALL_EVENTS_CALENDAR, calendars.events, f"{name} · {t.events}"),
    ]
    for note in calendars.events:
        files.append(ics(event_calendar_path(note.key), (note,), f"{note.title} · {name}"))
    for slug, group in community.groups.items():
        keys = community.notes_of_group.get(slug, ())
        title, url, path = f"{group.title} · {name}", refs.urls.group(slug), group_feed_path(slug)
        files.append(
            atom(path, partial(feed, refs, pages, keys, title, url, path, f"urn:rse:feed:group:{slug}"))
        )
        files.append(ics(group_calendar_path(slug), calendars.of_group(slug), f"{title} · {t.events}"))
    for slug, tag in community.tag_names.items():
        keys, url, path = community.notes_by_tag.get(slug, ()), refs.urls.tag(slug), tag_feed_path(slug)
        files.append(
            atom(
                path,
                partial(feed, refs, pages, keys, f"{tag} · {name}", url, path, f"urn:rse:feed:tag:{slug}"),
            )
        )
    for path, kind, title in (
        (QUESTIONS_FEED, NoteType.QUESTION, t.questions),
        (IDEAS_FEED, NoteType.IDEA, t.ideas),
    ):
        keys = tuple(k for k, n in community.notes.items() if n.fields.type is kind)
        folder = path.removesuffix("/feed.xml")
        url = refs.urls.page(f"{folder}/index.md")
        files.append(
            atom(
                path,
                partial(feed, refs, pages, keys, f"{title} · {name}", url, path, f"urn:rse:feed:{folder}"),
            )
        )
    for handle in community.people:
        files.append(atom(person_feed_path(handle), partial(for_you.feed, handle, name)))
    files.append(atom(DIGEST_FEED, partial(_digest_feed, prepared, refs, name)))
    return files


def _atom_text(data: Feed, site_url: str, redact: Redactor) -> str:
    return redact(atom_xml(data, site_url))


def _calendar_data(events: tuple[Note, ...], title: str) -> tuple[tuple[Note, ...], str]:
    return events, title


def _calendar_text(calendars: Calendars, data: tuple[tuple[Note, ...], str], redact: Redactor) -> str:
    events, title = data
    return redact(calendars.ics(events, title))


DIGEST_FEED = "digest/feed.xml"


def _digest_feed(prepared: Prepared, refs: Refs, name: str) -> Feed:
    """One entry a week, dated the week's last day: a team subscribes once to the digests."""
    entries = []
    for week in reversed(digest_weeks(prepared)):
        last = week.end - dt.timedelta(days=1)
        moment = dt.datetime(last.year, last.month, last.day, tzinfo=dt.UTC)
        period = prepared.t("digest.period", start=prepared.t.date(week.start), end=prepared.t.date(last))
        url = refs.urls.page(f"digest/{week.label}.md")
        entries.append(
            FeedEntry(week.label, digest_title(prepared, week), url, moment, moment, (), period, "digest")
        )
    updated = entries[0].updated if entries else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    title = f"{prepared.t('digest.heading')} · {name}"
    return Feed("urn:rse:feed:digest", title, "", DIGEST_FEED, updated, tuple(entries), prepared.t.language)


@dataclass(frozen=True, slots=True)
class PageContext:
    """What a template receives as `rse`."""

    view: Any
    t: Translator
    feeds: tuple[Alternate, ...] = (SITE_FEED,)


def view_for(plan: SitePlan, role: PageRole) -> Any:
    """The view a page of this role renders."""
    return KINDS[role.kind].view(plan, role.id)


def feeds_for(role: PageRole) -> tuple[Alternate, ...]:
    """The site's feed, then those of what a page of this role shows."""
    return (SITE_FEED, *KINDS[role.kind].feeds(role.id))


def appendix_view_for(plan: SitePlan, role: PageRole) -> Any:
    """The view of what a page of this role appends to its Markdown, or None."""
    kind = KINDS[role.kind]
    return None if kind.appendix_view is None else kind.appendix_view(plan, role.id)


def _person(plan: SitePlan, handle: str) -> Any:
    stats, insights = plan.stats, plan.insights
    monthly = insights.person_monthly.get(handle, ()) if insights else ()
    mentioned = plan.links.mentioned_in.get(handle, ())
    figures = stats.people.get(handle) if stats else None
    responses = insights.person_responses.get(handle, 0) if insights else 0
    for_you = plan.for_you.entries(handle)
    place = place_in_org(plan.refs, plan.org, handle)
    return profile_view(plan.refs, handle, figures, monthly, mentioned, responses, for_you, place)


def _group(plan: SitePlan, slug: str) -> Any:
    return group_view(plan.refs, slug, plan.stats.groups.get(slug) if plan.stats else None, plan.repo)


def _note(plan: SitePlan, key: str) -> Any:
    path = plan.community.notes[key].path
    referenced = plan.links.referenced_by.get(key, ())
    view = byline(plan.refs, key, plan.stats.pages.get(path) if plan.stats else None, referenced, plan.repo)
    pick = plan.related.discover(plan.community, key)
    return dataclasses.replace(
        view,
        related=plan.refs.notes(plan.related.related(plan.community, key)),
        discover=plan.refs.note(pick) if pick else None,
    )


def _thread(plan: SitePlan, key: str) -> Any:
    """A note's responses, or None when it has none (nothing is appended)."""
    if not plan.community.responses.get(key):
        return None
    return thread_view(plan.refs, key)


def _compose(plan: SitePlan, _: str) -> Any:
    settings, everyone = plan.settings, plan.prepared.enriched.community
    labels = plan.share.audience.labels
    # Handles this audience may not see: a response named after one stays out of the page's data.
    hidden = frozenset(everyone.people) - frozenset(plan.community.people)
    return compose_view(
        plan.refs, plan.repo, labels, settings.timezone, plan.today, everyone.note_ids, hidden
    )


def _home(plan: SitePlan, _: str) -> Any:
    pick = plan.related.discover(plan.community, None)
    updated = recently_updated(plan.community, plan.stats.pages if plan.stats else {})
    return home_view(plan.refs, plan.today, pick, updated)


def _dashboard(plan: SitePlan, _: str) -> Any:
    if plan.stats is None or plan.insights is None:
        return None
    return dashboard(plan.refs, plan.stats, plan.insights, plan.settings.privacy.min_group)


def _skills(prepared: Prepared) -> Iterable[tuple[str, str, str]]:
    community = prepared.share.community
    return ((f"skills/{slug}.md", slug, name) for slug, name in community.skill_names.items())


def _tags(prepared: Prepared) -> Iterable[tuple[str, str, str]]:
    community = prepared.share.community
    return ((f"tags/{slug}.md", slug, name) for slug, name in community.tag_names.items())


def _people(prepared: Prepared) -> Iterable[tuple[str, str, str]]:
    community = prepared.share.community
    return ((f"people/{handle}.md", handle, p.name) for handle, p in community.people.items())


def _groups(prepared: Prepared) -> Iterable[tuple[str, str, str]]:
    community = prepared.share.community
    return ((f"groups/{slug}/index.md", slug, g.title) for slug, g in community.groups.items())


def _teams(prepared: Prepared) -> Iterable[tuple[str, str, str]]:
    community = prepared.share.community
    return ((f"teams/{slug}.md", slug, name) for slug, name in community.team_names.items())


def _team(plan: SitePlan, slug: str) -> Any:
    activity = plan.insights.by_team.get(slug) if plan.insights else None
    return team_page(plan.refs, plan.org, slug, plan.settings.privacy.min_group, activity, plan.today)


def _sites(prepared: Prepared) -> Iterable[tuple[str, str, str]]:
    community = prepared.share.community
    return ((f"sites/{slug}.md", slug, name) for slug, name in community.site_names.items())


def _site(plan: SitePlan, slug: str) -> Any:
    return site_page(plan.refs, plan.sites, slug, plan.today)


# The site publishes the digests of the weeks up to the build commit's, newest last.
DIGEST_WEEKS = 8


def digest_weeks(prepared: Prepared) -> tuple[Week, ...]:
    """The weeks the site has a digest of: the build commit's and the ones before it."""
    if prepared.head is None:
        return ()
    today = dt.datetime.fromtimestamp(prepared.head.timestamp, dt.UTC).date()
    return tuple(Week.of(today - dt.timedelta(weeks=n)) for n in range(DIGEST_WEEKS - 1, -1, -1))


def digest_title(prepared: Prepared, week: Week) -> str:
    name = prepared.settings.name or prepared.config.site_name
    return prepared.t("digest.title", name=name, week=week.label)


def _digests(prepared: Prepared) -> Iterable[tuple[str, str, str]]:
    return ((f"digest/{w.label}.md", w.label, digest_title(prepared, w)) for w in digest_weeks(prepared))


def _digest(plan: SitePlan, label: str) -> Any:
    week = Week.named(label)
    pages = plan.stats.pages if plan.stats else {}
    return digest(plan.refs, week, pages, plan.links, digest_title(plan.prepared, week))


def _notes(prepared: Prepared) -> Iterable[tuple[str, str, str]]:
    community = prepared.share.community
    return ((note.path, note.key, note.title) for note in community.notes.values())


def _listing(view: Callable[[Refs], Any]) -> Callable[[SitePlan, str], Any]:
    return lambda plan, _: view(plan.refs)


def _record(view: Callable[[Refs, str], Any]) -> Callable[[SitePlan, str], Any]:
    return lambda plan, ident: view(plan.refs, ident)


PAGE_KINDS: tuple[PageKind, ...] = (
    # The pages every site has, in the default navigation's order.
    PageKind("home", "index.md", "home", _home, in_nav=True, searched=True, drops_heading=False,
             titled_by_site=True),
    PageKind("people", "people/index.md", "people", _listing(people_directory), in_nav=True),
    PageKind("org", "org/index.md", "org.title", lambda plan, _: org_chart(plan.refs, plan.org), in_nav=True),
    PageKind("groups", "groups/index.md", "groups", _listing(groups_directory), in_nav=True),
    PageKind("sites", "sites/index.md", "sites", _listing(sites_directory), in_nav=True),
    PageKind("teams", "teams/index.md", "teams", lambda plan, _: teams_index(plan.refs, plan.org)),
    PageKind("skills", "skills/index.md", "skills", _listing(skills_index), in_nav=True),
    PageKind("ideas", "ideas/index.md", "ideas", _listing(ideas_view), in_nav=True,
             feeds=lambda _: (Alternate(IDEAS_FEED),)),
    PageKind("events", "events/index.md", "events", lambda plan, _: events_view(plan.refs, plan.today),
             in_nav=True, feeds=lambda _: (Alternate(ALL_EVENTS_CALENDAR, CALENDAR),)),
    PageKind("questions", "questions/index.md", "questions", _listing(questions_view), in_nav=True,
             feeds=lambda _: (Alternate(QUESTIONS_FEED),)),
    PageKind("tags", "tags/index.md", "tags", _listing(tags_index), in_nav=True),
    PageKind("stats", "stats/index.md", "statistics", _dashboard, in_nav=True),
    PageKind("search", "search/index.md", "search", lambda plan, _: plan.search, chunked_search_only=True),
    PageKind("compose", "compose/index.md", "compose.title", _compose, in_nav=True),
    # One page per record.
    PageKind("skill", "skills/{id}.md", "skills", _record(skill_page), pages=_skills),
    PageKind("tag", "tags/{id}.md", "tags", _record(tag_page), pages=_tags,
             feeds=lambda slug: (Alternate(tag_feed_path(slug)),)),
    PageKind("person", "people/{id}.md", "people", _person, pages=_people, searched=True, record_title=True,
             content_template="rse/partials/profile.html",
             feeds=lambda handle: (Alternate(person_feed_path(handle)),)),
    PageKind("group", "groups/{id}/index.md", "groups", _group, pages=_groups, searched=True,
             feeds=lambda slug: (Alternate(group_feed_path(slug)),
                                 Alternate(group_calendar_path(slug), CALENDAR))),
    PageKind("team", "teams/{id}.md", "teams", _team, pages=_teams, searched=True,
             content_template="rse/partials/team.html"),
    PageKind("site", "sites/{id}.md", "sites", _site, pages=_sites, searched=True, record_title=True,
             content_template="rse/partials/site_summary.html"),
    PageKind("digest", "digest/{week}.md", "digest.heading", _digest, pages=_digests,
             feeds=lambda _: (Alternate(DIGEST_FEED),)),
    PageKind("note", "{path}", "notes", _note, pages=_notes, searched=True, record_title=True, wide=False,
             appendix="rse/partials/thread.html", appendix_view=_thread),
)  # fmt: skip
KINDS: Mapping[str, PageKind] = {kind.kind: kind for kind in PAGE_KINDS}
