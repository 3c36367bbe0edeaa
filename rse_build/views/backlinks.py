"""Who mentions whom, and which notes reference which: computed once from every note body and
every response (a response counts as its note)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rse_build.links import Mentionable, RefKind, find_references
from rse_build.model import Community


@dataclass(frozen=True, slots=True)
class Backlinks:
    """`mentioned_in[handle]` and `referenced_by[note key]`: keys of the notes that do it."""

    mentioned_in: dict[str, tuple[str, ...]]
    referenced_by: dict[str, tuple[str, ...]]


def backlinks(community: Community) -> Backlinks:
    mentioned: dict[str, set[str]] = defaultdict(set)
    referenced: dict[str, set[str]] = defaultdict(set)
    mentionable = Mentionable.of(community.people)
    # A response's words are its note's: a mention or a link in a reply points back to the note.
    bodies = [(n, n.body) for n in community.notes.values()]
    bodies += [(community.notes[key], r.body) for key, thread in community.responses.items() for r in thread]
    for note, body in bodies:
        for ref in find_references(body):
            if ref.kind is RefKind.MENTION:
                handle = mentionable.person(ref.target)
                if handle is not None:
                    mentioned[handle].add(note.key)
            else:
                target = community.find_note(ref.target)
                if target is not None and target.key != note.key:
                    referenced[target.key].add(note.key)
    return Backlinks(
        mentioned_in={h: tuple(sorted(keys)) for h, keys in sorted(mentioned.items())},
        referenced_by={k: tuple(sorted(keys)) for k, keys in sorted(referenced.items())},
    )
