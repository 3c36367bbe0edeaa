"""New content files with valid front matter: what `rse new`, `rse init` and `rse import` write.

A new file publishes nothing its author did not write: the guidance for what goes in it is a
YAML comment in the front matter, and the body is left empty.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from rse_build.errors import Problem
from rse_build.frontmatter import FrontMatterError, split
from rse_build.history import Identity
from rse_build.i18n import Translator
from rse_build.identity import Resolver
from rse_build.ids import suggest_id
from rse_build.load import RESPONSES_DIR, Layout, load_content, note_key, profile_logins, scan
from rse_build.model import (
    ID_PATTERN,
    Group,
    GroupFields,
    Index,
    Note,
    NoteFields,
    NoteType,
    Person,
    PersonFields,
    Response,
    ResponseFields,
    ResponseKind,
    Source,
    is_time_zone,
    is_web_link,
    known_time_zones,
)
from rse_build.validate import Rules, closest, validate

# Comments wrap at this width, so a new file reads well in any editor.
HINT_WIDTH = 96


@dataclass(frozen=True, slots=True)
class Draft:
    """A file about to be written: where, what, and the problems it would have."""

    path: Path
    text: str
    problems: list[Problem]


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why `rse new` writes nothing: a message of the translation table and its values."""

    key: str
    values: dict[str, str] = field(default_factory=dict)


def yaml_line(key: str, value: Any) -> str:
    """`key: value` on one line, lists in flow style ([a, b]), quoted where YAML needs it."""
    if isinstance(value, tuple):
        value = list(value)
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return f"{key}: {dumped.removesuffix(chr(10)).removesuffix('...').rstrip()}"


def front_matter_text(data: dict[str, Any], body: str, comments: Sequence[str] = ()) -> str:
    """The file: the keys that have a value, then `comments` as `# ` lines, then the body."""
    lines = [yaml_line(k, v) for k, v in data.items() if v not in (None, [], (), "")]
    lines += [f"# {line}" for comment in comments for line in textwrap.wrap(comment, HINT_WIDTH - 2) or [""]]
    return "---\n" + "".join(f"{line}\n" for line in lines) + f"---\n{body}"


def hint_key(kind: str, data: dict[str, Any]) -> str:
    """The comment a new file carries: one per kind of page, and one per type of note."""
    if kind != "note":
        return f"new.hint.{kind}"
    return f"new.hint.{data.get('type') or 'note'}"


def id_refusal(ident: str) -> Refusal | None:
    """None for a valid id; else the refusal, with the id its text suggests when there is one."""
    if ID_PATTERN.match(ident):
        return None
    suggestion = suggest_id(ident)
    if not suggestion:
        return Refusal("new.bad_id_bare", {"given": ident})
    return Refusal("new.bad_id", {"given": ident, "suggestion": suggestion})


def folder_refusal(folder: str) -> Refusal | None:
    """A folder under content/notes/ is ids separated by `/`: nothing that leaves content/."""
    parts = folder.strip("/").split("/")
    if all(ID_PATTERN.match(part) for part in parts):
        return None
    suggestion = "/".join(s for s in (suggest_id(part) for part in parts) if s)
    return Refusal("new.bad_folder", {"given": folder, "suggestion": suggestion or "notes"})


def group_refusal(slugs: Sequence[str], known: Collection[str]) -> Refusal | None:
    """The first group that does not exist, with the closest one and every group there is."""
    for slug in slugs:
        if slug in known:
            continue
        if not known:
            return Refusal("new.no_groups", {"slug": slug})
        listed = ", ".join(sorted(known))
        close = closest(slug, known)
        if close is None:
            return Refusal("new.unknown_group_far", {"slug": slug, "groups": listed})
        return Refusal("new.unknown_group", {"slug": slug, "close": close, "groups": listed})
    return None


def _moment(text: str) -> dt.date | str | None:
    """A date stays a date (an all-day event); a date and time is written as 2026-12-03T18:00."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def _capacity(text: str) -> int | None:
    return int(text) if text.isdigit() and int(text) >= 1 else None


@dataclass(frozen=True, slots=True)
class FieldInput:
    """One field given as a flag or an answer at a terminal: how it is read (None: refused)."""

    key: str
    read: Callable[[str], Any]
    asked: bool = True
    required: bool = False

    @property
    def option(self) -> str:
        return f"--{self.key}"

    def refusal(self, text: str) -> Refusal:
        """What to say of a value `read` refused."""
        if self.key in ("start", "end"):
            return Refusal("new.invalid.moment", {"value": text})
        if self.key == "timezone":
            known = known_time_zones()
            close = {zone.lower(): zone for zone in known}.get(text.lower()) or closest(text, known)
            if close:
                return Refusal("new.invalid.timezone_close", {"value": text, "close": close})
        return Refusal(f"new.invalid.{self.key}", {"value": text})


def _text(text: str) -> str:
    return text


NAME = FieldInput("name", _text, required=True)
TITLE = FieldInput("title", _text, required=True)
EVENT_INPUTS = (
    FieldInput("start", _moment, required=True),
    FieldInput("end", _moment),
    FieldInput("timezone", lambda text: text if is_time_zone(text) else None),
    FieldInput("place", _text),
    FieldInput("online", lambda text: text if is_web_link(text) else None),
    FieldInput("site", _text, asked=False),
    FieldInput("capacity", _capacity, asked=False),
)


def relative_path(kind: str, ident: str, groups: Sequence[str] = (), folder: str | None = None) -> str:
    """Where the file goes under content/: a note is filed in its first group's folder, unless
    a folder under notes/ is given."""
    if kind == "person":
        return f"people/{ident}.md"
    if kind == "group":
        return f"groups/{ident}/index.md"
    if folder:
        return f"notes/{folder.strip('/')}/{ident}.md"
    return f"groups/{groups[0]}/{ident}.md" if groups else f"notes/{ident}.md"


def known_groups(content_dir: Path) -> frozenset[str]:
    return scan(content_dir).index().groups


def _records(kind: str, ident: str, shown: str, text: str, folder_group: str | None):
    parsed = split(text)
    assert not isinstance(parsed, FrontMatterError), parsed
    source = Source(shown, parsed.keys, parsed.items, parsed.body_line)
    if kind == "person":
        return [Person(ident, PersonFields.model_validate(parsed.data), parsed.body, source)], [], []
    if kind == "group":
        return [], [Group(ident, GroupFields.model_validate(parsed.data), parsed.body, source)], []
    key = shown.removesuffix(".md")
    note = Note(key, NoteFields.model_validate(parsed.data), parsed.body, source, folder_group)
    return [], [], [note]


def draft_file(
    content_dir: Path,
    kind: str,
    ident: str,
    data: dict[str, Any],
    rules: Rules,
    folder: str | None = None,
    language: str = "en",
) -> Draft:
    """The file `rse new KIND IDENT` would write, checked against the community as it is.

    Its guidance is a comment in the community's language; its body is empty.
    """
    layout = scan(content_dir)
    groups = list(data.get("groups") or []) if kind == "note" else []
    shown = relative_path(kind, ident, groups, folder)
    folder_group = groups[0] if groups and not folder else None
    if folder_group:
        data = {**data, "groups": groups[1:]}
    text = front_matter_text(data, "", [Translator(language)(hint_key(kind, data))])
    problems: list[Problem] = []
    try:
        people, groups_, notes = _records(kind, ident, shown, text, folder_group)
    except ValueError as error:
        problems.append(Problem(shown, 1, 1, str(error).splitlines()[0]))
        return Draft(content_dir / shown, text, problems)
    index = layout.index()
    if kind == "person":
        index = type(index)(index.people | {ident}, index.groups, index.note_keys, index.note_ids)
    elif kind == "group":
        index = type(index)(index.people, index.groups | {ident}, index.note_keys, index.note_ids)
    problems += [p for p in validate(people, groups_, notes, index, rules) if p.is_error]
    return Draft(content_dir / shown, text, problems)


# The type of note each kind of response needs, and what `rse new` says of any other.
RESPONSE_NEEDS = {
    ResponseKind.ANSWER: (NoteType.QUESTION, "new.answer_needs"),
    ResponseKind.RSVP: (NoteType.EVENT, "new.rsvp_needs"),
}
TEXT = FieldInput("text", _text, required=True)


def response_folder(note_ids: Mapping[str, tuple[str, ...]], note: Note) -> str:
    """Where a note's responses go under responses/: its id, or its path under content/ (without
    `.md`) when several notes share the id (`note_ids`: each id's note keys)."""
    return note.id if len(note_ids.get(note.id, ())) <= 1 else note.key


@dataclass(frozen=True, slots=True)
class Thread:
    """A note and what a new response to it is checked against, read alone as a merge
    request's check reads what it touches: the ids there are come from file names, and only
    the note, its groups and its responses are parsed."""

    layout: Layout
    index: Index
    # None: no note by that reference, or its file cannot be read (`problems` say why).
    note: Note | None
    responses: tuple[Response, ...] = ()
    groups: Mapping[str, Group] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def folder(self) -> str:
        assert self.note is not None
        return response_folder(self.index.note_ids, self.note)


def read_thread(content_dir: Path, reference: str) -> Thread:
    """The note `reference` names (its id, or its path under content/ without `.md`), with its
    responses and groups; drafts included (a response to a draft waits for it)."""
    layout = scan(content_dir)
    index = layout.index()
    key = index.find_note(reference)
    if key is None:
        return Thread(layout, index, None)
    note_path = next(path for path, _ in layout.notes if note_key(path) == key)
    folders = {f"{RESPONSES_DIR}/{folder}/" for folder in (key, key.rsplit("/", 1)[-1])}
    responses = {
        path
        for path in layout.responses
        if path.rpartition("/")[0] + "/" in folders
        and index.find_note(path.removeprefix(f"{RESPONSES_DIR}/").rpartition("/")[0]) == key
    }
    loaded = load_content(content_dir, {note_path, *responses}, layout)
    if not loaded.notes:
        return Thread(layout, index, None, problems=tuple(loaded.problems))
    [note] = loaded.notes
    group_files = {f"groups/{slug}/index.md" for slug in note.group_slugs} & set(layout.groups)
    groups = load_content(content_dir, group_files, layout).groups
    return Thread(layout, index, note, tuple(loaded.responses), {g.slug: g for g in groups})


def note_refusal(thread: Thread, reference: str, kind: ResponseKind) -> Refusal | None:
    """None when `reference` names one note that takes this kind of response; else why not,
    with the note it most likely meant."""
    note, note_ids = thread.note, thread.index.note_ids
    if note is None:
        keys = note_ids.get(reference, ())
        if len(keys) > 1:
            return Refusal(
                "new.ambiguous_note", {"note": reference, "candidates": ", ".join(keys), "example": keys[0]}
            )
        close = closest(reference, note_ids)
        if close is None:
            return Refusal("new.unknown_note", {"note": reference})
        return Refusal("new.unknown_note_close", {"note": reference, "close": close})
    needs, key = RESPONSE_NEEDS.get(kind, (None, ""))
    if needs is not None and note.fields.type is not needs:
        return Refusal(key, {"note": reference, "type": note.fields.type.value})
    return None


def author_refusal(handle: str, people: Collection[str]) -> Refusal | None:
    """The handle names a profile (it becomes part of the file's name), else the closest one."""
    if handle in people:
        return None
    close = closest(handle, people)
    if close is None:
        return Refusal("new.unknown_author", {"handle": handle})
    return Refusal("new.unknown_author_close", {"handle": handle, "close": close})


def author_of(content_dir: Path, layout: Layout, email: str | None) -> str | None:
    """The profile whose `emails` (or host login) is this git address, as the history credits it."""
    if not email:
        return None
    people = load_content(content_dir, set(layout.people), layout).people
    return Resolver.from_people(people).handle(Identity("", email.strip().lower()))


def response_name(day: dt.date, handle: str, taken: Collection[str]) -> str:
    """SPEC's conventional name, `<yyyy-mm-dd>-<handle>[-n]`: `-2`, `-3`… when the day's name is taken."""
    base = name = f"{day.isoformat()}-{handle}"
    number = 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    return name


def responses_in(content_dir: Path, folder: str) -> frozenset[str]:
    """The names already used in a note's folder of responses (files that do not load count too)."""
    where = content_dir / RESPONSES_DIR / folder
    return frozenset(p.stem for p in where.glob("*.md")) if where.is_dir() else frozenset()


def draft_response(
    content_dir: Path,
    thread: Thread,
    name: str,
    data: dict[str, Any],
    body: str,
    rules: Rules,
    language: str = "en",
) -> Draft:
    """The file `rse new reply|answer|kudos|rsvp` would write, checked with the note's thread.

    Its guidance is a comment in the community's language; its body is the text given.
    """
    note = thread.note
    assert note is not None
    shown = f"{RESPONSES_DIR}/{thread.folder}/{name}.md"
    kind = data.get("kind") or ResponseKind.REPLY.value
    hint = Translator(language)(f"new.hint.{kind}")
    text = front_matter_text(data, f"{body.strip()}\n" if body.strip() else "", [hint])
    parsed = split(text)
    assert not isinstance(parsed, FrontMatterError), parsed
    try:
        fields = ResponseFields.model_validate(parsed.data)
    except ValueError as error:
        return Draft(content_dir / shown, text, [Problem(shown, 1, 1, str(error).splitlines()[0])])
    source = Source(shown, parsed.keys, parsed.items, parsed.body_line)
    response = Response(thread.folder, name, fields, parsed.body, source)
    index = thread.index
    if "@" in body:
        # An `@login` mention resolves through profiles' links: read those keys alone.
        index = replace(index, logins=profile_logins(content_dir, thread.layout))
    problems = validate(
        [],
        [],
        [],
        index,
        rules,
        all_groups=thread.groups,
        responses=[*thread.responses, response],
        thread_notes={note.key: note},
    )
    return Draft(content_dir / shown, text, [p for p in problems if p.is_error and p.path == shown])
