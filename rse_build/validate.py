"""Cross-references between records → located problems."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from rse_build.errors import Problem, Severity
from rse_build.links import RefKind, find_references
from rse_build.model import Community, Source


def _suggest(wrong: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(wrong, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _check_list(source: Source, key: str, values: tuple[str, ...], known: dict, what: str) -> list[Problem]:
    problems = []
    for index, value in enumerate(values):
        if value not in known:
            at = source.item(key, index)
            problems.append(
                Problem(source.path, at.line, at.column, f"unknown {what} '{value}'{_suggest(value, known)}")
            )
    return problems


def _check_body(community: Community, source: Source, body: str, drafts: frozenset[str]) -> list[Problem]:
    """@mentions and [[wiki links]] in a body name a person and a note that exist."""
    problems = []
    for ref in find_references(body, source.body_line):
        if ref.kind is RefKind.MENTION:
            if ref.target not in community.people:
                hint = _suggest(ref.target, community.people)
                message = f"unknown person '@{ref.target}'{hint} (write `@{ref.target}` for a literal @)"
                problems.append(Problem(source.path, ref.line, ref.column, message))
            continue
        if community.find_note(ref.target) is not None:
            continue
        candidates = community.note_ids.get(ref.target, ())
        if len(candidates) > 1:
            message = (
                f"'[[{ref.target}]]' is ambiguous: "
                + ", ".join(f"[[{key}]]" for key in candidates)
                + " share that name; link with the path"
            )
            problems.append(Problem(source.path, ref.line, ref.column, message))
        elif ref.target in drafts:
            message = f"'[[{ref.target}]]' is a draft: the link shows as plain text until it is published"
            problems.append(Problem(source.path, ref.line, ref.column, message, Severity.WARNING))
        else:
            hint = _suggest(ref.target, community.note_ids)
            message = f"unknown note '[[{ref.target}]]'{hint}"
            problems.append(Problem(source.path, ref.line, ref.column, message))
    return problems


def validate(community: Community, drafts: frozenset[str] = frozenset()) -> list[Problem]:
    """Every reference from one record to another must name something that exists.

    `drafts` holds the ids and paths of notes left out of this build.
    """
    people, groups = community.people, community.groups
    problems: list[Problem] = []
    for person in people.values():
        problems += _check_list(person.source, "groups", person.fields.groups, groups, "group")
        problems += _check_body(community, person.source, person.body, drafts)
    for group in groups.values():
        problems += _check_list(group.source, "animators", group.fields.animators, people, "animator")
        problems += _check_list(group.source, "members", group.fields.members, people, "member")
        problems += _check_body(community, group.source, group.body, drafts)
    for note in community.notes.values():
        source = note.source
        problems += _check_list(source, "authors", note.fields.authors, people, "author")
        problems += _check_list(source, "groups", note.fields.groups, groups, "group")
        problems += _check_list(source, "supporters", note.fields.supporters, people, "supporter")
        problems += _check_body(community, source, note.body, drafts)
    return problems
