"""The home page's lists: newest notes and new members."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rse_build.model import Community, IdeaState, NoteType
from rse_build.stats import PageFigures
from rse_build.views.agenda import EventItem, IdeaItem, events_view, idea_item
from rse_build.views.refs import GroupRef, NoteRef, PersonRef, Refs
from rse_build.views.sites import HomeSites, home_sites

NEWEST_NOTES = 8
NEW_MEMBERS = 6


@dataclass(frozen=True, slots=True)
class HomeView:
    newest_notes: tuple[NoteRef, ...]
    new_members: tuple[PersonRef, ...]
    groups: tuple[GroupRef, ...]
    people_url: str
    upcoming: tuple[EventItem, ...] = ()
    ideas: tuple[IdeaItem, ...] = ()
    discover: NoteRef | None = None
    updated: tuple[NoteRef, ...] = ()
    sites: HomeSites | None = None


def recently_updated(community: Community, pages: dict[str, PageFigures], limit: int = 5) -> tuple[str, ...]:
    """Notes a later commit changed after the day they were written, the latest change first."""
    changed = []
    for note in community.notes.values():
        page = pages.get(note.path)
        written = note.fields.date.isoformat() if note.fields.date else (page.created if page else "")
        if page is not None and page.revisions > 1 and page.updated > written:
            changed.append((page.updated, note.key))
    return tuple(key for _, key in sorted(changed, key=lambda item: (item[0], item[1]), reverse=True)[:limit])


def home_view(
    refs: Refs, today: dt.date | None = None, discover: str | None = None, updated: tuple[str, ...] = ()
) -> HomeView:
    people = sorted(
        refs.community.people.values(),
        key=lambda p: (-(p.fields.joined or dt.date.min).toordinal(), p.handle),
    )
    return HomeView(
        newest_notes=refs.notes(tuple(refs.community.notes), limit=NEWEST_NOTES),
        new_members=tuple(refs.person(p.handle) for p in people[:NEW_MEMBERS]),
        groups=refs.groups(tuple(refs.community.groups)),
        people_url=refs.urls.people(),
        upcoming=events_view(refs, today).upcoming[:3] if today else (),
        ideas=_gaining_support(refs),
        discover=refs.note(discover) if discover else None,
        updated=tuple(refs.note(k) for k in updated),
        sites=home_sites(refs),
    )


def _gaining_support(refs: Refs) -> tuple[IdeaItem, ...]:
    """Open ideas (proposed, accepted, in progress) with the most supporters."""
    open_states = {IdeaState.PROPOSED, IdeaState.ACCEPTED, IdeaState.IN_PROGRESS}
    ideas = [
        n
        for n in refs.community.notes.values()
        if n.fields.type is NoteType.IDEA and (n.fields.state or IdeaState.PROPOSED) in open_states
    ]
    ideas.sort(key=lambda n: (-len(n.fields.supporters), n.key))
    return tuple(idea_item(refs, n) for n in ideas[:3])
