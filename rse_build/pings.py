"""Who a change concerns: the people it mentions, responds to or adds to a group.

A static site calls no one back; a merge request can, through the git host's own
notifications. This reads only the files a change touches (and the few they name), compares
each with its version at the merge base, and keeps what the change adds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

import git

from rse_build.frontmatter import Parsed, split
from rse_build.history import Identity, changes_since
from rse_build.i18n import Translator
from rse_build.identity import Resolver
from rse_build.links import Mentionable, RefKind, find_references
from rse_build.load import RESPONSES_DIR, Layout, load_content, note_key, profile_logins, scan
from rse_build.logins import host_logins
from rse_build.model import Note, Person, Response


class Reason(StrEnum):
    """Why someone is told: each reads as a sentence in i18n (`mentions.reason.<value>`)."""

    MENTIONED = "mentioned"
    RESPONSE = "response"
    REPLY = "reply"
    JOINED = "joined"
    ADDED = "added"


@dataclass(frozen=True, slots=True)
class Ping:
    """One reason to tell someone: `path` is the changed file (from the community's root);
    `about` is the note, response or group concerned, `by` the person who joined a group."""

    reason: Reason
    path: str
    about: str = ""
    by: str = ""


@dataclass(frozen=True, slots=True)
class Pinged:
    """A person to tell, with their git host users ((host, login), from the profile's links)."""

    handle: str
    name: str
    logins: tuple[tuple[str, str], ...]
    pings: tuple[Ping, ...]

    def login(self, host: str) -> str | None:
        """Their user on `host`, else on any host the profile names, else None."""
        found = dict(self.logins)
        return found.get(host) or next(iter(found.values()), None)


def _before(root: Path, base: str, path: str) -> Parsed | None:
    """The file at the merge base, parsed; None when it did not exist there or cannot be read."""
    try:
        text = git.Git(root).show(f"{base}:./{path}")
    except git.GitCommandError:
        return None
    parsed = split(text)
    return parsed if isinstance(parsed, Parsed) else None


def _listed(data: Mapping[str, Any], key: str) -> set[str]:
    """A front-matter list (or single value) as a set of strings, whatever else is wrong."""
    value = data.get(key)
    values = value if isinstance(value, list) else [value]
    return {str(v).strip() for v in values if isinstance(v, str | int) and str(v).strip()}


def _mentioned(body: str, mentionable: Mentionable) -> set[str]:
    return {
        handle
        for ref in find_references(body)
        if ref.kind is RefKind.MENTION and (handle := mentionable.person(ref.target)) is not None
    }


@dataclass(frozen=True)
class _Reader:
    """What a change's files need read beside them: other files, git's first authors."""

    root: Path
    docs_dir: Path
    content: str
    layout: Layout

    def people(self, handles: Iterable[str] | None = None) -> dict[str, Person]:
        wanted = set(self.layout.people) if handles is None else {f"people/{h}.md" for h in handles}
        return {p.handle: p for p in load_content(self.docs_dir, wanted, self.layout).people}

    def response(self, path: str) -> Response | None:
        loaded = load_content(self.docs_dir, {path}, self.layout).responses
        return loaded[0] if loaded else None

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver.from_people(self.people().values())

    def authors(self, record: Note | Response) -> tuple[str, ...]:
        """Its `authors`, else who first committed it (after .mailmap), as the site says."""
        if record.fields.authors:
            return tuple(record.fields.authors)
        path = f"./{self.content}/{record.path}"
        first = git.Git(self.root).log("--reverse", "--format=%aN%x1f%aE", "--", path).split("\n", 1)[0]
        if "\x1f" not in first:
            return ()
        name, email = first.split("\x1f", 1)
        handle = self.resolver.handle(Identity(name.strip(), email.strip().lower()))
        return (handle,) if handle else ()


def pings_since(root: Path, docs_dir: Path, ref: str, max_bytes: int | None = None) -> tuple[Pinged, ...]:
    """Everyone a change since its merge base with `ref` concerns (uncommitted work counts),
    sorted by handle; a change's own author is not told about their own response."""
    changes = changes_since(root, ref)
    base = changes.base
    content = docs_dir.resolve().relative_to(root.resolve()).as_posix()
    prefix = f"{content}/"
    touched = {p.removeprefix(prefix) for p in changes.touched if p.startswith(prefix)}
    layout = scan(docs_dir, max_bytes=max_bytes)
    reader = _Reader(root, docs_dir, content, layout)
    index = layout.index()
    loaded = load_content(docs_dir, touched | set(layout.groups), layout)
    mentionable = Mentionable(index.people, profile_logins(docs_dir, layout))
    found: list[tuple[str, Ping]] = []

    records = [*loaded.people, *loaded.groups, *loaded.notes, *loaded.responses]
    for record in (r for r in records if r.path in touched):
        shown = prefix + record.path
        old = _before(root, base, shown)
        added = _mentioned(record.body, mentionable) - (_mentioned(old.body, mentionable) if old else set())
        found += [(h, Ping(Reason.MENTIONED, shown)) for h in sorted(added)]
    groups = {g.slug: g for g in loaded.groups}
    for person in (p for p in loaded.people if p.path in touched):
        old = _before(root, base, prefix + person.path)
        joined = set(person.fields.groups) - (_listed(old.data, "groups") if old else set())
        for slug in sorted(joined & set(groups)):
            for animator in groups[slug].fields.animators:
                if animator != person.handle:
                    found.append((animator, Ping(Reason.JOINED, prefix + person.path, slug, person.handle)))
    for group in (g for g in loaded.groups if g.path in touched):
        old = _before(root, base, prefix + group.path)
        members = set(group.fields.members) - (_listed(old.data, "members") if old else set())
        found += [(h, Ping(Reason.ADDED, prefix + group.path, group.slug)) for h in sorted(members)]
    notes_by_key = {note_key(p): p for p, _ in layout.notes}
    for response in (r for r in loaded.responses if r.path in touched):
        shown = prefix + response.path
        if _before(root, base, shown) is not None:
            continue
        writers = set(reader.authors(response))
        key = index.find_note(response.note)
        note_path = notes_by_key.get(key) if key else None
        notes = load_content(docs_dir, {note_path}, layout).notes if note_path else []
        for note in notes:
            found += [
                (h, Ping(Reason.RESPONSE, shown, prefix + note.path))
                for h in reader.authors(note)
                if h not in writers
            ]
        parent_path = f"{RESPONSES_DIR}/{response.note}/{response.fields.reply_to}.md"
        parent = reader.response(parent_path) if response.fields.reply_to else None
        if parent is not None:
            found += [
                (h, Ping(Reason.REPLY, shown, prefix + parent.path))
                for h in reader.authors(parent)
                if h not in writers
            ]
    # A handle no profile has (a typo `rse check` reports) has no one to tell.
    found = [(h, ping) for h, ping in found if h in index.people]
    return _by_person(found, reader.people({h for h, _ in found}))


def _by_person(found: list[tuple[str, Ping]], people: Mapping[str, Person]) -> tuple[Pinged, ...]:
    """One entry per person, each reason once, by file: the same change always says the same."""
    pings: dict[str, dict[Ping, None]] = {}
    for handle, ping in found:
        pings.setdefault(handle, {})[ping] = None
    result = []
    for handle in sorted(pings):
        person = people.get(handle)
        name = person.name if person else handle
        logins = tuple(host_logins(person.fields.links)) if person else ()
        ordered = sorted(pings[handle], key=lambda p: (p.path, p.reason, p.about, p.by))
        result.append(Pinged(handle, name, logins, tuple(ordered)))
    return tuple(result)


def _reason(ping: Ping, t: Translator, code: Callable[[str], str]) -> str:
    """One reason as a phrase; `code` quotes paths and ids (backticks in Markdown, so that an
    `@` in them pings no one)."""
    return t(
        f"mentions.reason.{ping.reason.value}",
        path=code(ping.path),
        about=code(ping.about),
        by=code(ping.by),
    )


def as_text(pinged: tuple[Pinged, ...], t: Translator) -> str:
    """For people: each person with their handle and host users, then why."""
    lines = []
    for person in pinged:
        users = "".join(f", {host}: {login}" for host, login in person.logins)
        lines.append(f"{person.name} ({person.handle}{users})")
        lines += [f"  - {_reason(p, t, str)}" for p in person.pings]
    lines.append(t.plural(len(pinged), "mentions.count") if pinged else t("mentions.none"))
    return "\n".join(lines) + "\n"


def as_markdown(pinged: tuple[Pinged, ...], t: Translator, host: str) -> str:
    """A merge request comment that `@`-mentions each person's user on `host` (else on any host
    their profile names, else their name alone); empty when the change concerns no one."""
    if not pinged:
        return ""
    lines = [t("mentions.comment"), ""]
    for person in pinged:
        login = person.login(host)
        lines.append(f"@{login} ({person.name})" if login else person.name)
        lines += [f"- {_reason(p, t, lambda text: f'`{text}`')}" for p in person.pings]
        lines.append("")
    return "\n".join(lines)


def as_json(pinged: tuple[Pinged, ...], ref: str) -> dict[str, Any]:
    """For tools: reasons as codes, host users by host."""
    return {
        "changed_since": ref,
        "people": [
            {
                "handle": p.handle,
                "name": p.name,
                "logins": dict(p.logins),
                "reasons": [
                    {"reason": r.reason.value, "path": r.path, "about": r.about or None, "by": r.by or None}
                    for r in p.pings
                ],
            }
            for p in pinged
        ],
    }
