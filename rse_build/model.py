"""The community's records: people, groups, notes, and the graph that links them.

Front matter schemas are pydantic models: one source of truth for validation, for the
records the rest of rse reads, and for the JSON Schemas editors use.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import urllib.parse
import zoneinfo
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from rse_build.logins import login_table

# The audience label of a page that names none.
DEFAULT_LABEL = "internal"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TAG_UNSAFE = re.compile(r"[^\w-]+")


class PersonKind(StrEnum):
    EMPLOYEE = "employee"
    PARTNER = "partner"
    SUPPLIER = "supplier"
    CLIENT = "client"
    ALUMNI = "alumni"


class GroupKind(StrEnum):
    PROJECT = "project"
    PRACTICE = "practice"
    HOBBY = "hobby"
    SITE = "site"
    PARTNER = "partner"


class NoteType(StrEnum):
    NOTE = "note"
    HOWTO = "howto"
    IDEA = "idea"
    QUESTION = "question"
    EVENT = "event"


class Status(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class ResponseKind(StrEnum):
    REPLY = "reply"
    ANSWER = "answer"
    KUDOS = "kudos"
    RSVP = "rsvp"


class RsvpValue(StrEnum):
    GOING = "going"
    MAYBE = "maybe"
    REMOTE = "remote"
    DECLINED = "declined"


class IdeaState(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DECLINED = "declined"


def _as_list(value: Any) -> Any:
    """Accept `skills: kafka` as `skills: [kafka]`: a common slip that has one meaning."""
    if value is None:
        return []
    if isinstance(value, str | int | float):
        return [value]
    return value


def _as_text(value: Any) -> Any:
    """YAML reads `team: 42` or `site: 2024` as numbers; they are meant as text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    return value


@functools.cache
def known_time_zones() -> frozenset[str]:
    """The IANA names this machine knows (the system's database, else the tzdata package)."""
    return frozenset(zoneinfo.available_timezones() - {"localtime"})


def is_time_zone(name: str) -> bool:
    """An IANA time zone name this machine knows ('Europe/Paris'), as calendars need."""
    return name in known_time_zones()


def is_web_link(text: str) -> bool:
    """An http(s) address with a host: what a browser can open from an event page."""
    parts = urllib.parse.urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not any(c.isspace() for c in text)


def _time_zone(value: str) -> str:
    if not is_time_zone(value):
        raise PydanticCustomError(
            "time_zone", "unknown time zone '{zone}': write a name such as Europe/Paris", {"zone": value}
        )
    return value


def _web_link(value: str) -> str:
    if not is_web_link(value):
        raise PydanticCustomError(
            "web_link", "'{link}' is not a web link: write it as https://…", {"link": value}
        )
    return value


Text = Annotated[str, BeforeValidator(_as_text)]
TimeZone = Annotated[str, AfterValidator(_time_zone)]
WebLink = Annotated[str, AfterValidator(_web_link)]
TextList = Annotated[tuple[Annotated[str, BeforeValidator(_as_text)], ...], BeforeValidator(_as_list)]


class _FrontMatter(BaseModel):
    """Fields every kind of page shares. Unknown keys (Material's `hide`, `icon`...) pass."""

    model_config = ConfigDict(extra="ignore", frozen=True, use_enum_values=False)

    audience: Text | None = Field(None, description="Who may see this page (an audience label).")


class Follows(BaseModel):
    """What a person's "for you" feed adds to their groups, skills and interests."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    people: TextList = Field((), description="Handles whose notes the feed adds.")
    groups: TextList = Field((), description="Group slugs whose notes the feed adds, without joining.")
    tags: TextList = Field((), description="Tags whose notes the feed adds.")


class PersonFields(_FrontMatter):
    """The front matter of `content/people/<handle>.md`."""

    name: Text = Field(min_length=1, description="Full name, as shown on the site.")
    role: Text | None = None
    team: Text | None = None
    site: Text | None = Field(None, description="Physical site (office, plant, city).")
    organisation: Text | None = Field(None, description="For members of the extended community.")
    kind: PersonKind = PersonKind.EMPLOYEE
    emails: TextList = Field((), description="Git identities that are this person; never published.")
    avatar: Text | None = Field(None, description="Photo, relative to the profile file.")
    skills: TextList = ()
    interests: TextList = ()
    languages: TextList = ()
    groups: TextList = Field((), description="Group slugs this person joined.")
    links: dict[Text, Text] = Field(default_factory=dict)
    joined: dt.date | None = None
    manager: Text | None = Field(None, description="Handle of this person's manager: the reporting line.")
    stats: bool = Field(True, description="false: never shown individually in statistics.")
    follows: Follows = Field(default_factory=Follows, description="What the person's feed also follows.")


class GroupFields(_FrontMatter):
    """The front matter of `content/groups/<slug>/index.md`."""

    title: Text = Field(min_length=1)
    kind: GroupKind = GroupKind.PRACTICE
    description: Text | None = None
    animators: TextList = Field((), description="Handles of the group's community animators.")
    members: TextList = Field((), description="Members besides those who list the group.")
    tags: TextList = ()
    created: dt.date | None = None
    site: Text | None = Field(
        None,
        description="Physical site the group is at, as profiles spell it (default for kind site: its title).",
    )


class NoteFields(_FrontMatter):
    """The front matter of a note (`content/notes/**.md`, `content/groups/<slug>/*.md`)."""

    title: Text | None = Field(
        None, min_length=1, description="Required unless the body starts with a '# Title' line."
    )
    type: NoteType = NoteType.NOTE
    authors: TextList = Field((), description="Handles; default: the first commit's author.")
    date: dt.date | None = Field(None, description="Default: the date of the first commit.")
    tags: TextList = ()
    groups: TextList = Field((), description="Default: the group whose folder holds the note.")
    status: Status = Status.PUBLISHED
    summary: Text | None = None
    state: IdeaState | None = Field(None, description="For ideas.")
    supporters: TextList = Field((), description="For ideas: handles of supporters.")
    start: dt.datetime | dt.date | None = Field(None, description="For events.")
    end: dt.datetime | dt.date | None = Field(None, description="For events.")
    timezone: TimeZone | None = Field(None, description="For events: an IANA time zone, e.g. Europe/Paris.")
    place: Text | None = Field(None, description="For events: a room or an address.")
    online: WebLink | None = Field(None, description="For events: the http(s) link to join online.")
    site: Text | None = Field(None, description="For events: the physical site where it happens.")
    capacity: int | None = Field(None, ge=1, description="For events: how many people can attend.")
    accepted: Text | None = Field(
        None, description="For questions: the id of the accepted answer (a response)."
    )


class ResponseFields(_FrontMatter):
    """The front matter of `content/responses/<note-id>/<response-id>.md`: a reply, an answer,
    thanks or an RSVP to a note, in a file of its own."""

    kind: ResponseKind = ResponseKind.REPLY
    authors: TextList = Field((), description="Handles (one person); default: the first commit's author.")
    date: dt.datetime | dt.date | None = Field(None, description="Default: the first commit's date and time.")
    reply_to: Text | None = Field(None, description="The id of the response this one replies to.")
    rsvp: RsvpValue | None = Field(None, description="For kind rsvp: going, maybe, remote or declined.")


class PageFields(_FrontMatter):
    """What rse reads of a hand-written page (the home page, a guide): only its audience."""


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: its path under content/ and where each key sits."""

    path: str
    keys: dict[str, Position] = field(default_factory=dict)
    items: dict[str, tuple[Position, ...]] = field(default_factory=dict)
    body_line: int = 1

    def key(self, name: str) -> Position:
        return self.keys.get(name, Position(1, 1))

    def item(self, name: str, index: int) -> Position:
        positions = self.items.get(name, ())
        return positions[index] if index < len(positions) else self.key(name)


@dataclass(frozen=True, slots=True)
class Page:
    """A hand-written page under content/ (not a profile, group or note)."""

    fields: PageFields
    body: str
    source: Source

    @property
    def path(self) -> str:
        return self.source.path


@dataclass(frozen=True, slots=True)
class Person:
    handle: str
    fields: PersonFields
    body: str
    source: Source

    @property
    def name(self) -> str:
        return self.fields.name

    @property
    def path(self) -> str:
        return self.source.path


@dataclass(frozen=True, slots=True)
class Group:
    slug: str
    fields: GroupFields
    body: str
    source: Source

    @property
    def title(self) -> str:
        return self.fields.title

    @property
    def path(self) -> str:
        return self.source.path


@dataclass(frozen=True, slots=True)
class Note:
    """A note. `key` is its path under content/ without `.md` (a `<folder>/index.md` note:
    without `/index.md`); `id` is the key's last part, the file's or the folder's name."""

    key: str
    fields: NoteFields
    body: str
    source: Source
    folder_group: str | None = None
    # The body's leading `# Title` line: the title of a page written for another tool.
    heading: str | None = None

    @property
    def id(self) -> str:
        return self.key.rsplit("/", 1)[-1]

    @property
    def title(self) -> str:
        """Front matter's `title`, else the body's leading `# Title` (loading requires one)."""
        return self.fields.title or self.heading or ""

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def group_slugs(self) -> tuple[str, ...]:
        declared = self.fields.groups
        if self.folder_group and self.folder_group not in declared:
            return (self.folder_group, *declared)
        return declared

    @property
    def is_draft(self) -> bool:
        return self.fields.status is Status.DRAFT


@dataclass(frozen=True, slots=True)
class Response:
    """A response to a note. `note` is its folder under responses/: the note's id, or its path
    under content/ without `.md` when ids clash (resolved as a `[[link]]` is); `id` is the
    file's name."""

    note: str
    id: str
    fields: ResponseFields
    body: str
    source: Source

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def order(self) -> tuple[str, str]:
        """Oldest first; a day without a time sorts before the times of that day."""
        return (self.fields.date.isoformat() if self.fields.date else "", self.id)


_TAG_SYMBOLS = {"+": "-plus-", "#": "-sharp-", ".": "-dot-", "&": "-and-", "@": "-at-"}


@functools.lru_cache(maxsize=1 << 16)
def tag_slug(tag: str) -> str:
    """A tag's identity and URL segment: lowercase, accents kept, symbols spelled out.

    'Kafka' and 'kafka' are one tag; 'C', 'C++' and 'C#' are three ('c', 'c-plus-plus',
    'c-sharp'). A tag of symbols only gets a stable hash.
    """
    text = tag.strip().lower()
    for symbol, word in _TAG_SYMBOLS.items():
        text = text.replace(symbol, word)
    slug = re.sub(r"-{2,}", "-", _TAG_UNSAFE.sub("-", text)).strip("-")
    if not slug:
        slug = "tag-" + hashlib.sha256(tag.encode("utf-8")).hexdigest()[:8]
    return "index-tag" if slug == "index" else slug  # tags/index is the index of tags


def _sorted_unique(values: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


@dataclass(frozen=True, slots=True)
class Index:
    """The ids that exist: enough to check a reference without the records behind it."""

    people: frozenset[str]
    groups: frozenset[str]
    note_keys: frozenset[str]
    note_ids: dict[str, tuple[str, ...]]
    # login → handle, from profiles' `links`: an `@login` mention names that person.
    logins: Mapping[str, str] = field(default_factory=dict)

    def find_note(self, reference: str) -> str | None:
        """A `[[reference]]`'s note key: by id when the id is unique, else by path under content/."""
        if reference in self.note_keys:
            return reference
        keys = self.note_ids.get(reference, ())
        return keys[0] if len(keys) == 1 else None


def _named_by_slug(
    values: Iterable[tuple[str, str | None]],
) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Handles by the slug of a free-text field (a team, a site), and each slug's name: the
    spelling most of them wrote (on a tie, one not in capitals, then the first in sort order)."""
    handles: dict[str, list[str]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for handle, value in values:
        if value and value.strip():
            slug = tag_slug(value)
            handles[slug].append(handle)
            spellings[slug][value.strip()] += 1
    names = {
        slug: min(counts, key=lambda name: (-counts[name], name.isupper(), name))
        for slug, counts in sorted(spellings.items())
    }
    return {slug: tuple(sorted(handles[slug])) for slug in names}, names


@dataclass(frozen=True, slots=True)
class Community:
    """The graph: records by id, plus the look-ups every view needs, computed once.

    References to things that do not exist are left out of the look-ups; validation reports
    them separately, so the graph is always consistent.
    """

    people: dict[str, Person]
    groups: dict[str, Group]
    notes: dict[str, Note]
    members: dict[str, tuple[str, ...]]
    groups_of: dict[str, tuple[str, ...]]
    animators: dict[str, tuple[str, ...]]
    notes_of_group: dict[str, tuple[str, ...]]
    notes_by: dict[str, tuple[str, ...]]
    notes_by_tag: dict[str, tuple[str, ...]]
    groups_by_tag: dict[str, tuple[str, ...]]
    tag_names: dict[str, str]
    note_ids: dict[str, tuple[str, ...]]
    people_by_skill: dict[str, tuple[str, ...]] = field(default_factory=dict)
    skill_names: dict[str, str] = field(default_factory=dict)
    # Each note's responses (by note key), oldest first; those whose note is missing are left out.
    responses: dict[str, tuple[Response, ...]] = field(default_factory=dict)
    # Profiles' `team` and `site` by slug ('Lyon' and 'LYON' are one site), each with the
    # spelling most people use.
    people_by_team: dict[str, tuple[str, ...]] = field(default_factory=dict)
    team_names: dict[str, str] = field(default_factory=dict)
    people_by_site: dict[str, tuple[str, ...]] = field(default_factory=dict)
    site_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls, people: list[Person], groups: list[Group], notes: list[Note], responses: Iterable[Response] = ()
    ) -> Community:
        by_handle = {p.handle: p for p in sorted(people, key=lambda p: p.handle)}
        by_slug = {g.slug: g for g in sorted(groups, key=lambda g: g.slug)}
        by_key = {n.key: n for n in sorted(notes, key=lambda n: n.key)}

        members: dict[str, list[str]] = defaultdict(list)
        for person in by_handle.values():
            for slug in person.fields.groups:
                if slug in by_slug:
                    members[slug].append(person.handle)
        for group in by_slug.values():
            members[group.slug].extend(h for h in group.fields.members if h in by_handle)
        groups_of: dict[str, list[str]] = defaultdict(list)
        for slug, handles in members.items():
            for handle in set(handles):
                groups_of[handle].append(slug)

        notes_of_group: dict[str, list[str]] = defaultdict(list)
        notes_by: dict[str, list[str]] = defaultdict(list)
        notes_by_tag: dict[str, list[str]] = defaultdict(list)
        note_ids: dict[str, list[str]] = defaultdict(list)
        spellings: dict[str, set[str]] = defaultdict(set)
        for note in by_key.values():
            note_ids[note.id].append(note.key)
            for slug in note.group_slugs:
                if slug in by_slug:
                    notes_of_group[slug].append(note.key)
            for handle in note.fields.authors:
                if handle in by_handle:
                    notes_by[handle].append(note.key)
            for tag in note.fields.tags:
                notes_by_tag[tag_slug(tag)].append(note.key)
                spellings[tag_slug(tag)].add(tag)
        groups_by_tag: dict[str, list[str]] = defaultdict(list)
        for group in by_slug.values():
            for tag in group.fields.tags:
                groups_by_tag[tag_slug(tag)].append(group.slug)
                spellings[tag_slug(tag)].add(tag)
        people_by_skill: dict[str, list[str]] = defaultdict(list)
        skill_spellings: dict[str, set[str]] = defaultdict(set)
        for person in by_handle.values():
            for skill in person.fields.skills:
                people_by_skill[tag_slug(skill)].append(person.handle)
                skill_spellings[tag_slug(skill)].add(skill)

        people_by_team, team_names = _named_by_slug((p.handle, p.fields.team) for p in by_handle.values())
        people_by_site, site_names = _named_by_slug((p.handle, p.fields.site) for p in by_handle.values())

        note_ids_found = {i: tuple(v) for i, v in sorted(note_ids.items())}
        responses_of: dict[str, list[Response]] = defaultdict(list)
        for response in responses:
            key = _find_note_key(response.note, by_key, note_ids_found)
            if key is not None:
                responses_of[key].append(response)

        return cls(
            people=by_handle,
            groups=by_slug,
            notes=by_key,
            members={s: _sorted_unique(members.get(s, [])) for s in by_slug},
            groups_of={h: _sorted_unique(groups_of.get(h, [])) for h in by_handle},
            animators={s: tuple(h for h in g.fields.animators if h in by_handle) for s, g in by_slug.items()},
            notes_of_group={s: tuple(v) for s, v in sorted(notes_of_group.items())},
            notes_by={h: tuple(v) for h, v in sorted(notes_by.items())},
            notes_by_tag={t: _sorted_unique(v) for t, v in sorted(notes_by_tag.items())},
            groups_by_tag={t: _sorted_unique(v) for t, v in sorted(groups_by_tag.items())},
            tag_names={slug: min(names) for slug, names in sorted(spellings.items())},
            note_ids=note_ids_found,
            people_by_skill={k: _sorted_unique(v) for k, v in sorted(people_by_skill.items())},
            skill_names={slug: min(names) for slug, names in sorted(skill_spellings.items())},
            responses={k: tuple(sorted(v, key=lambda r: r.order)) for k, v in sorted(responses_of.items())},
            people_by_team=people_by_team,
            team_names=team_names,
            people_by_site=people_by_site,
            site_names=site_names,
        )

    @property
    def every_response(self) -> tuple[Response, ...]:
        return tuple(r for responses in self.responses.values() for r in responses)

    def authors_of(self, note: Note) -> tuple[Person, ...]:
        return tuple(self.people[h] for h in note.fields.authors if h in self.people)

    def index(self) -> Index:
        return Index(
            people=frozenset(self.people),
            groups=frozenset(self.groups),
            note_keys=frozenset(self.notes),
            note_ids=self.note_ids,
            logins=login_table((h, p.fields.links) for h, p in self.people.items()),
        )

    def find_note(self, reference: str) -> Note | None:
        """A `[[reference]]`: a note id when it is unique, else a path under content/."""
        key = _find_note_key(reference, self.notes, self.note_ids)
        return None if key is None else self.notes[key]


def _find_note_key(
    reference: str, keys: Mapping[str, object], note_ids: Mapping[str, tuple[str, ...]]
) -> str | None:
    if reference in keys:
        return reference
    found = note_ids.get(reference, ())
    return found[0] if len(found) == 1 else None
