"""Who may see what: one audience's share of the community, decided before any view exists.

A static site cannot ask who reads it, so each audience gets its own site. Every view is
derived from the `Share`'s community, which holds only what the audience may see: no view
can show what it was never given.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rse_build.errors import EnvironmentProblem
from rse_build.model import DEFAULT_LABEL, Community, Note, Page
from rse_build.settings import Settings

PUBLIC = "public"
RESPONSES_FOLDER = "responses/"

# Relative targets of Markdown links and images, and of HTML src/href attributes.
_MARKDOWN_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
_HTML_TARGET = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']+)["']""")


class UnknownAudience(EnvironmentProblem):
    """`--audience NAME` names no audience of extra.rse.audiences."""


@dataclass(frozen=True, slots=True)
class Audience:
    name: str
    labels: frozenset[str]

    @property
    def indexable(self) -> bool:
        """Only the public site asks search engines to index it."""
        return self.name == PUBLIC

    def sees(self, label: str | None) -> bool:
        return (label or DEFAULT_LABEL) in self.labels


def audience_named(settings: Settings, name: str | None) -> Audience:
    """The audience to build for: `name`, or the community's default audience."""
    chosen = name or settings.default_audience
    if chosen not in settings.audiences:
        raise UnknownAudience(
            "environment.unknown_audience", name=chosen, known=", ".join(settings.audiences)
        )
    return Audience(chosen, frozenset(settings.audiences[chosen]))


@dataclass(frozen=True, slots=True)
class Share:
    """What one audience's site holds, and the files under content/ it must never publish."""

    audience: Audience
    community: Community
    hidden_pages: frozenset[str]
    hidden_folders: tuple[str, ...]
    hidden_files: frozenset[str]
    # Under responses/, only this audience's responses and the files they link are published:
    # a folder's name is a note's id, a response's file name its author's handle.
    shown_responses: frozenset[str] = frozenset()

    @property
    def complete(self) -> bool:
        """The audience sees everything: its site counts the whole history."""
        return not (self.hidden_pages or self.hidden_folders or self.hidden_files)

    def published(self, files: Iterable[str]) -> frozenset[str] | None:
        """The files under content/ this site publishes, or None when it hides nothing (its
        statistics then count the whole history, deleted files included)."""
        if self.complete:
            return None
        return frozenset(path for path in files if not self.hides(path))

    def hides(self, path: str) -> bool:
        """Whether a file under content/ (posix, relative) stays out of this site."""
        return (
            path in self.hidden_pages
            or path in self.hidden_files
            or any(path.startswith(folder) for folder in self.hidden_folders)
            or (path.startswith(RESPONSES_FOLDER) and path not in self.shown_responses)
        )


def _note_visible(note: Note, visible_groups: dict[str, bool], audience: Audience) -> bool:
    """A note is seen by whoever sees its own label and every one of its groups; without a
    label of its own, its groups decide (a partner space's notes stay in the space), and a
    note in no group is `internal`."""
    own = note.fields.audience
    slugs = [s for s in note.group_slugs if s in visible_groups]
    if not all(visible_groups[s] for s in slugs):
        return False
    if own is None and slugs:
        return True
    return audience.sees(own)


def linked_files(path: str, body: str) -> set[str]:
    """Files under content/ that a body links or embeds, by relative path."""
    folder = posixpath.dirname(path)
    found = set()
    for match in (*_MARKDOWN_TARGET.finditer(body), *_HTML_TARGET.finditer(body)):
        target = match.group(1).split("#", 1)[0].split("?", 1)[0]
        if not target or target.startswith(("/", "#")) or ":" in target:
            continue
        resolved = posixpath.normpath(posixpath.join(folder, target))
        if not resolved.startswith("../"):
            found.add(resolved)
    return found


def share_for(community: Community, pages: Iterable[Page], audience: Audience) -> Share:
    """The part of `community` that `audience` may see, and what its site leaves out.

    Beside hidden pages, a site leaves out the folders of hidden groups, the photos of hidden
    people, and the files only hidden pages link to: a file name can tell as much as a page.
    """
    pages = tuple(pages)
    people = [p for p in community.people.values() if audience.sees(p.fields.audience)]
    visible_groups = {slug: audience.sees(g.fields.audience) for slug, g in community.groups.items()}
    groups = [g for g in community.groups.values() if visible_groups[g.slug]]
    notes = [n for n in community.notes.values() if _note_visible(n, visible_groups, audience)]
    shown_pages = [p for p in pages if audience.sees(p.fields.audience)]
    # A response is seen by whoever sees its note and its own label (none: the note's).
    visible_notes = {n.key for n in notes}
    responses = [
        r
        for key, thread in community.responses.items()
        if key in visible_notes
        for r in thread
        if r.fields.audience is None or audience.sees(r.fields.audience)
    ]

    shown_paths = {r.path for r in (*people, *groups, *notes, *shown_pages, *responses)}
    every = [
        *community.people.values(),
        *community.groups.values(),
        *community.notes.values(),
        *pages,
        *community.every_response,
    ]
    hidden_pages = {r.path for r in every if r.path not in shown_paths}
    hidden_folders = tuple(f"groups/{slug}/" for slug, seen in visible_groups.items() if not seen)

    photos = {
        person.path: posixpath.normpath(posixpath.join(posixpath.dirname(person.path), person.fields.avatar))
        for person in community.people.values()
        if person.fields.avatar
    }
    linked_by_hidden = {photo for path, photo in photos.items() if path not in shown_paths}
    for record in every:
        if record.path not in shown_paths:
            linked_by_hidden |= linked_files(record.path, record.body)
    linked_by_shown = {photo for path, photo in photos.items() if path in shown_paths}
    for record in every:
        # With nothing hidden linking files, what shown records link matters only under
        # responses/: a link from outside it names the folder (most pages need no reading).
        if record.path in shown_paths and (
            linked_by_hidden or record.path.startswith(RESPONSES_FOLDER) or "responses" in record.body
        ):
            linked_by_shown |= linked_files(record.path, record.body)
    hidden_files = linked_by_hidden - linked_by_shown - shown_paths - hidden_pages
    shown_responses = {r.path for r in responses} | {
        p for p in linked_by_shown if p.startswith(RESPONSES_FOLDER)
    }

    return Share(
        audience=audience,
        community=Community.build(people, groups, notes, responses),
        hidden_pages=frozenset(hidden_pages),
        hidden_folders=hidden_folders,
        hidden_files=frozenset(hidden_files),
        shown_responses=frozenset(shown_responses),
    )
