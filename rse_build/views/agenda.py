"""Ideas by state, events upcoming and past, questions open and answered."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rse_build.model import Community, IdeaState, Note, NoteType
from rse_build.views.refs import NoteRef, PersonRef, Refs
from rse_build.views.thread import accepted_answer

# A question is answered once its body has an "Answer" (or "Réponse") section.
ANSWER_HEADING = re.compile(r"^#{2,3}\s+(answer|réponse|reponse)\b", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class IdeaItem:
    note: NoteRef
    supporters: tuple[PersonRef, ...]
    support_label: str


@dataclass(frozen=True, slots=True)
class IdeaSection:
    state: str
    label: str
    ideas: tuple[IdeaItem, ...]


@dataclass(frozen=True, slots=True)
class IdeasView:
    sections: tuple[IdeaSection, ...]


@dataclass(frozen=True, slots=True)
class EventItem:
    note: NoteRef
    when: str
    place: str


@dataclass(frozen=True, slots=True)
class EventsView:
    upcoming: tuple[EventItem, ...]
    past: tuple[EventItem, ...]
    calendar_url: str


@dataclass(frozen=True, slots=True)
class QuestionsView:
    open: tuple[NoteRef, ...]
    answered: tuple[NoteRef, ...]


def _of_type(refs: Refs, kind: NoteType) -> list[Note]:
    return [n for n in refs.community.notes.values() if n.fields.type is kind]


def ideas_view(refs: Refs) -> IdeasView:
    """Ideas by state (proposed first), the most supported first within a state."""
    by_state: dict[IdeaState, list[Note]] = {state: [] for state in IdeaState}
    for note in _of_type(refs, NoteType.IDEA):
        by_state[note.fields.state or IdeaState.PROPOSED].append(note)
    sections = []
    for state, notes in by_state.items():
        if not notes:
            continue
        ordered = sorted(notes, key=lambda n: (-len(n.fields.supporters), n.key))
        items = tuple(idea_item(refs, n) for n in ordered)
        sections.append(IdeaSection(state.value, refs.t(f"state.{state.value}"), items))
    return IdeasView(tuple(sections))


def idea_item(refs: Refs, note: Note) -> IdeaItem:
    supporters = refs.people(note.fields.supporters)
    return IdeaItem(refs.note(note.key), supporters, refs.t.plural(len(supporters), "supporter"))


def _start(note: Note) -> dt.datetime:
    start = note.fields.start
    if isinstance(start, dt.datetime):
        return start.replace(tzinfo=None)
    return dt.datetime.combine(start, dt.time()) if start else dt.datetime.min


def events_view(refs: Refs, today: dt.date | None) -> EventsView:
    upcoming, past = upcoming_and_past(refs, _of_type(refs, NoteType.EVENT), today)
    return EventsView(upcoming=upcoming, past=past, calendar_url="events.ics")


def upcoming_and_past(
    refs: Refs, events: list[Note], today: dt.date | None
) -> tuple[tuple[EventItem, ...], tuple[EventItem, ...]]:
    """Dated events, upcoming (soonest first) and past (latest first) relative to the build
    commit's day; all upcoming when there is no history."""
    events = [n for n in events if n.fields.start]

    def item(note: Note) -> EventItem:
        return EventItem(refs.note(note.key), refs.t.date(note.fields.start), note.fields.place or "")

    if today is None:
        upcoming, past = events, []
    else:
        upcoming = [n for n in events if _start(n).date() >= today]
        past = [n for n in events if _start(n).date() < today]
    return (
        tuple(item(n) for n in sorted(upcoming, key=lambda n: (_start(n), n.key))),
        tuple(item(n) for n in sorted(past, key=lambda n: (_start(n), n.key), reverse=True)),
    )


def is_answered(note: Note, community: Community) -> bool:
    """An accepted answer among its responses, or an `## Answer` section in its body."""
    return accepted_answer(note, community.responses.get(note.key, ())) is not None or bool(
        ANSWER_HEADING.search(note.body)
    )


def questions_view(refs: Refs) -> QuestionsView:
    questions = _of_type(refs, NoteType.QUESTION)
    return QuestionsView(
        open=refs.notes([n.key for n in questions if not is_answered(n, refs.community)]),
        answered=refs.notes([n.key for n in questions if is_answered(n, refs.community)]),
    )
