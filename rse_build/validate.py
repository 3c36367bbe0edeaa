"""Cross-references between records → located problems."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from rse_build.errors import Problem
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


def validate(community: Community) -> list[Problem]:
    """Every reference from one record to another must name something that exists."""
    people, groups = community.people, community.groups
    problems: list[Problem] = []
    for person in people.values():
        problems += _check_list(person.source, "groups", person.fields.groups, groups, "group")
    for group in groups.values():
        problems += _check_list(group.source, "animators", group.fields.animators, people, "animator")
        problems += _check_list(group.source, "members", group.fields.members, people, "member")
    for note in community.notes.values():
        source = note.source
        problems += _check_list(source, "authors", note.fields.authors, people, "author")
        problems += _check_list(source, "groups", note.fields.groups, groups, "group")
        problems += _check_list(source, "supporters", note.fields.supporters, people, "supporter")
    return problems
