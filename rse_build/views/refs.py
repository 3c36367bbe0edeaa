"""Small display records for people, groups, notes and tags, shared by every view."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rse_build.i18n import Translator
from rse_build.model import Community, Note, PersonKind, ResponseKind, RsvpValue, tag_slug
from rse_build.views.urls import Urls


@dataclass(frozen=True, slots=True)
class Fact:
    """A labelled value on a card or a byline ('Team: Data Platform')."""

    label: str
    value: str
    # Where the value has a page of its own (a profile's team and site).
    url: str = ""


@dataclass(frozen=True, slots=True)
class PersonRef:
    handle: str
    name: str
    url: str
    avatar: str
    caption: str
    kind_label: str | None


@dataclass(frozen=True, slots=True)
class GroupRef:
    slug: str
    title: str
    url: str
    kind_label: str
    description: str
    members_label: str


@dataclass(frozen=True, slots=True)
class TagRef:
    name: str
    url: str
    count: int


@dataclass(frozen=True, slots=True)
class NoteRef:
    key: str
    title: str
    url: str
    type: str
    type_label: str
    date_label: str
    summary: str
    authors: tuple[PersonRef, ...]
    # What lists show of its responses: '3 replies · 12 coming'.
    responses_label: str = ""


def note_order(note: Note) -> tuple[int, str]:
    """Newest first, then by path: a total order, so output never depends on file order."""
    day = note.fields.date or dt.date.min
    return (-day.toordinal(), note.key)


@dataclass(frozen=True, slots=True)
class Refs:
    """Builds refs from ids; every view goes through it so a person looks the same everywhere."""

    community: Community
    urls: Urls
    t: Translator
    # A ref depends only on the build's community: made once, shared by every page that shows it.
    _people: dict[str, PersonRef] = field(default_factory=dict, compare=False, repr=False)
    _notes: dict[str, NoteRef] = field(default_factory=dict, compare=False, repr=False)

    def avatar(self, handle: str) -> str:
        person = self.community.people[handle]
        if person.fields.avatar:
            photo = self.urls.asset(person.path, person.fields.avatar)
            if photo is not None:
                return photo
        return f"avatars/{handle}.svg"

    def person(self, handle: str) -> PersonRef:
        made = self._people.get(handle)
        if made is None:
            made = self._people[handle] = self._person(handle)
        return made

    def _person(self, handle: str) -> PersonRef:
        person = self.community.people[handle]
        f = person.fields
        where = f.organisation if f.kind is not PersonKind.EMPLOYEE and f.organisation else f.site
        caption = " · ".join(part for part in (f.role, where) if part)
        return PersonRef(
            handle=handle,
            name=f.name,
            url=self.urls.person(handle),
            avatar=self.avatar(handle),
            caption=caption,
            kind_label=None if f.kind is PersonKind.EMPLOYEE else self.t(f"kind.{f.kind.value}"),
        )

    def people(self, handles: tuple[str, ...] | list[str]) -> tuple[PersonRef, ...]:
        refs = [self.person(h) for h in handles if h in self.community.people]
        return tuple(sorted(refs, key=lambda r: (r.name.casefold(), r.handle)))

    def group(self, slug: str) -> GroupRef:
        group = self.community.groups[slug]
        count = len(self.community.members.get(slug, ()))
        return GroupRef(
            slug=slug,
            title=group.title,
            url=self.urls.group(slug),
            kind_label=self.t(f"grouptype.{group.fields.kind.value}"),
            description=group.fields.description or "",
            members_label=self.t.plural(count, "member"),
        )

    def groups(self, slugs: tuple[str, ...] | list[str]) -> tuple[GroupRef, ...]:
        refs = [self.group(s) for s in slugs if s in self.community.groups]
        return tuple(sorted(refs, key=lambda r: (r.title.casefold(), r.slug)))

    def note(self, key: str) -> NoteRef:
        made = self._notes.get(key)
        if made is None:
            made = self._notes[key] = self._note(key)
        return made

    def _note(self, key: str) -> NoteRef:
        note = self.community.notes[key]
        f = note.fields
        return NoteRef(
            key=key,
            title=note.title,
            url=self.urls.note(note.path),
            type=f.type.value,
            type_label=self.t(f"type.{f.type.value}"),
            date_label=self.t.date(f.date) if f.date else "",
            summary=f.summary or "",
            authors=self.people(f.authors),
            responses_label=self._responses_label(key),
        )

    def _responses_label(self, key: str) -> str:
        responses = self.community.responses.get(key, ())
        if not responses:
            return ""
        written = sum(r.fields.kind in (ResponseKind.REPLY, ResponseKind.ANSWER) for r in responses)
        coming = sum(
            len(r.fields.authors or ("",))
            for r in responses
            if r.fields.kind is ResponseKind.RSVP and r.fields.rsvp in (RsvpValue.GOING, RsvpValue.REMOTE)
        )
        parts = [self.t.plural(written, "response.count")] if written else []
        if coming:
            parts.append(self.t.plural(coming, "rsvp.coming"))
        return " · ".join(parts)

    def notes(self, keys: tuple[str, ...] | list[str], limit: int | None = None) -> tuple[NoteRef, ...]:
        notes = sorted((self.community.notes[k] for k in keys if k in self.community.notes), key=note_order)
        return tuple(self.note(n.key) for n in notes[:limit])

    def tag(self, name: str) -> TagRef:
        slug = tag_slug(name)
        count = len(self.community.notes_by_tag.get(slug, ())) + len(
            self.community.groups_by_tag.get(slug, ())
        )
        return TagRef(name, self.urls.tag(name), count)

    def tags(self, names: tuple[str, ...] | list[str]) -> tuple[TagRef, ...]:
        """One ref per tag, whatever its spellings ('Kafka', 'kafka'), sorted by name."""
        unique = {tag_slug(n): n for n in sorted(names, reverse=True)}
        return tuple(self.tag(n) for n in sorted(unique.values(), key=lambda n: (n.casefold(), n)))
