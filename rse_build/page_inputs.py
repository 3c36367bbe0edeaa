"""What each page of an audience's site is made of, read from its site plan: `rse serve` compares
them between two builds and converts and renders again only the pages whose inputs differ.

A page's HTML is a function of its Markdown source (its file under content/, or the text the
plan generates), of what rse's hooks add from the plan (the title a record's page takes, its
appendix, the text and target of every mention and wiki link), of the view its template shows and
the feeds its head names; and of what every page shares: the plan's choices below, the
navigation, mkdocs.yml and the theme (the last three are compared by the preview itself).
The comparison is by value: views are frozen dataclasses of the plan's records, so a note's new
title reaches every page that lists it, and no other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from rse_build.links import find_references
from rse_build.site import PageRole, SitePlan, appendix_view_for, feeds_for, view_for


@dataclass(frozen=True, slots=True)
class PageInputs:
    # Its source, and the Markdown pasted into the page (a note's responses).
    text: str
    role: PageRole | None
    title: str | None
    links: tuple[str | None, ...]
    view: Any
    appendix: Any
    feeds: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class SiteInputs:
    """Every page's inputs (by its path under content/), what all pages share, and the files
    links may reach (each with whether it is left out of the site)."""

    shared: tuple[Any, ...]
    pages: Mapping[str, PageInputs]
    files: frozenset[tuple[str, bool]]
    # What each feed and calendar says, by its path.
    deferred: Mapping[str, Any]

    def changed(self, before: SiteInputs) -> Changed:
        """What differs from `before`: every page and file when what they share changed. A page
        whose source names a file that appeared, went away or was left out is changed too:
        MkDocs resolves its plain Markdown links against the files."""
        if self.shared != before.shared:
            return Changed.everything()
        names = {PurePosixPath(path).name for path, _ in self.files ^ before.files}
        names |= {quote(name) for name in names}
        pages = frozenset(
            path
            for path, inputs in self.pages.items()
            if before.pages.get(path) != inputs or any(name in inputs.text for name in names)
        )
        deferred = frozenset(
            path
            for path, data in self.deferred.items()
            if path not in before.deferred or before.deferred[path] != data
        )
        return Changed(pages, deferred)


@dataclass(frozen=True, slots=True)
class Changed:
    """The pages (paths under content/) and the feeds and calendars (paths in the site) a
    rebuild makes again; None: all of them."""

    pages: frozenset[str] | None
    deferred: frozenset[str] | None

    @classmethod
    def everything(cls) -> Changed:
        return cls(None, None)

    def with_pages(self, pages: Iterable[str]) -> Changed:
        """These pages made again too (their files changed since they were last read)."""
        if self.pages is None:
            return self
        return Changed(self.pages | frozenset(pages), self.deferred)


def _shared(plan: SitePlan) -> tuple[Any, ...]:
    share = plan.share
    return (
        plan.settings,
        plan.search.chunked,
        plan.t.language,
        share.audience,
        share.hidden_pages,
        share.hidden_folders,
        share.hidden_files,
        plan.hidden_urls,
        plan.redact.known,
        plan.redact.replacement,
        plan.sanitize.cleaner is None,
        plan.today,
        # Feeds and calendars are dated by the commit.
        plan.prepared.head,
    )


def site_inputs(
    plan: SitePlan, docs_dir: Path, pages: Iterable[str], files: frozenset[tuple[str, bool]]
) -> SiteInputs:
    """The inputs of `pages` (paths under content/, generated ones included) in `plan`, among
    `files` (every file of the site, with whether it is left out)."""
    generated = {file.path: file.text for file in plan.generated}
    found: dict[str, PageInputs] = {}
    for path in pages:
        source = generated.get(path)
        if source is None:
            source = (docs_dir / path).read_text(encoding="utf-8", errors="replace")
        role = plan.roles.get(path)
        # A note's responses are pasted into its Markdown: their mentions and links are its own.
        text = source
        if role is not None and role.kind == "note":
            text = "\n".join((source, *(r.body for r in plan.community.responses.get(role.id, ()))))
        links = tuple(plan.markdown_link(path, reference) for reference in find_references(text))
        if role is None:
            found[path] = PageInputs(text, None, None, links, None, None, ())
            continue
        found[path] = PageInputs(
            text,
            role,
            plan.title_of(role),
            links,
            view_for(plan, role),
            appendix_view_for(plan, role),
            feeds_for(role),
        )
    deferred = {file.path: file.data() for file in plan.deferred}
    return SiteInputs(_shared(plan), found, files, deferred)
