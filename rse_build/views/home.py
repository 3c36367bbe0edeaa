"""The home page's lists: newest notes and new members."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rse_build.views.refs import GroupRef, NoteRef, PersonRef, Refs

NEWEST_NOTES = 8
NEW_MEMBERS = 6


@dataclass(frozen=True, slots=True)
class HomeView:
    newest_notes: tuple[NoteRef, ...]
    new_members: tuple[PersonRef, ...]
    groups: tuple[GroupRef, ...]
    people_url: str


def home_view(refs: Refs) -> HomeView:
    people = sorted(
        refs.community.people.values(),
        key=lambda p: (-(p.fields.joined or dt.date.min).toordinal(), p.handle),
    )
    return HomeView(
        newest_notes=refs.notes(tuple(refs.community.notes), limit=NEWEST_NOTES),
        new_members=tuple(refs.person(p.handle) for p in people[:NEW_MEMBERS]),
        groups=refs.groups(tuple(refs.community.groups)),
        people_url=refs.urls.people(),
    )
