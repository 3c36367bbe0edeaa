"""A note's byline: authors, date, type, tags, groups, and the facts of ideas and events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rse_build.model import Note, NoteType, Status
from rse_build.stats import PageFigures
from rse_build.views.compose import compose_url
from rse_build.views.edit import RepoLinks
from rse_build.views.feeds import event_calendar_path
from rse_build.views.refs import Fact, GroupRef, NoteRef, PersonRef, Refs, TagRef


@dataclass(frozen=True, slots=True)
class Byline:
    type: str
    type_label: str
    authors: tuple[PersonRef, ...]
    date_label: str
    tags: tuple[TagRef, ...]
    groups: tuple[GroupRef, ...]
    notice: str
    facts: tuple[Fact, ...]
    supporters: tuple[PersonRef, ...]
    updated_label: str
    contributors: tuple[PersonRef, ...]
    referenced_by: tuple[NoteRef, ...]
    edit_url: str
    discuss_url: str
    related: tuple[NoteRef, ...] = ()
    discover: NoteRef | None = None
    # An event's own calendar file.
    calendar_url: str = ""
    # Reply, answer, thank, come: the compose page prefilled for this note.
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True, slots=True)
class Action:
    label: str
    url: str


def byline(
    refs: Refs,
    key: str,
    page: PageFigures | None = None,
    referenced_by: tuple[str, ...] = (),
    repo: RepoLinks | None = None,
) -> Byline:
    """`page` holds what git says of the note (None when built without history)."""
    note = refs.community.notes[key]
    f = note.fields
    t = refs.t
    notice = {Status.ARCHIVED: t.archived_notice, Status.DRAFT: t.draft_notice}.get(f.status, "")
    facts = [
        Fact(t.state, t(f"state.{f.state.value}")) if f.state else None,
        Fact(t.start, t.date(f.start)) if f.start else None,
        Fact(t.end, t.date(f.end)) if f.end else None,
        Fact(t("event.timezone"), f.timezone) if f.timezone else None,
        Fact(t.place, f.place) if f.place else None,
        Fact(t("event.online"), f.online) if f.online else None,
        Fact(t.site, f.site) if f.site else None,
    ]
    return Byline(
        type=f.type.value,
        type_label=t(f"type.{f.type.value}"),
        authors=refs.people(f.authors),
        date_label=t.date(f.date) if f.date else "",
        tags=refs.tags(f.tags),
        groups=refs.groups(note.group_slugs),
        notice=notice,
        facts=tuple(fact for fact in facts if fact),
        supporters=refs.people(f.supporters),
        updated_label=_updated(refs, f.date, page),
        contributors=refs.people([h for h in (page.contributors if page else ()) if h not in f.authors]),
        referenced_by=refs.notes(referenced_by),
        edit_url=repo.edit(note.path) if repo else "",
        discuss_url=repo.discuss(note.title) if repo else "",
        calendar_url=event_calendar_path(note.key) if f.type is NoteType.EVENT and f.start else "",
        actions=_actions(refs, note),
    )


# What a reader may answer to each type of note, in the order the buttons show.
_ACTIONS = {
    NoteType.QUESTION: ("answer", "reply", "kudos"),
    NoteType.EVENT: ("rsvp", "reply", "kudos"),
}
_DEFAULT_ACTIONS = ("reply", "kudos")


def _actions(refs: Refs, note: Note) -> tuple[Action, ...]:
    kinds = _ACTIONS.get(note.fields.type, _DEFAULT_ACTIONS)
    return tuple(Action(refs.t(f"action.{kind}"), compose_url(kind, note.key, refs.urls)) for kind in kinds)


def _updated(refs: Refs, date: dt.date | None, page: PageFigures | None) -> str:
    # Updated means a later commit changed it: a note imported in bulk is not "updated" on import day.
    if page is None or page.revisions < 2 or (date is not None and page.updated <= date.isoformat()):
        return ""
    return refs.t.date(dt.date.fromisoformat(page.updated))
