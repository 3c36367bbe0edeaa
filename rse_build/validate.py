"""Cross-references and rules between records → located problems.

Validation works against an `Index` of the ids that exist, not the full graph, so a merge
request's check can read only the files it touches.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from rse_build.errors import Problem, Severity
from rse_build.links import RefKind, find_references
from rse_build.model import DEFAULT_LABEL, Group, Index, Note, NoteType, Page, Person, Source


@dataclass(frozen=True, slots=True)
class Rules:
    """What validation needs of the settings."""

    audiences: Mapping[str, tuple[str, ...]]
    default_label: str = DEFAULT_LABEL

    def seen_by(self, label: str) -> frozenset[str]:
        return frozenset(name for name, labels in self.audiences.items() if label in labels)

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(label for labels in self.audiences.values() for label in labels)


def _suggest(wrong: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(wrong, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _problem(source: Source, key: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    at = source.key(key)
    return Problem(source.path, at.line, at.column, message, severity)


def _check_list(
    source: Source, key: str, values: tuple[str, ...], known: Collection[str], what: str
) -> list[Problem]:
    problems = []
    for index, value in enumerate(values):
        if value not in known:
            at = source.item(key, index)
            message = f"unknown {what} '{value}'{_suggest(value, known)}"
            problems.append(Problem(source.path, at.line, at.column, message))
    return problems


def _check_body(index: Index, source: Source, body: str, drafts: frozenset[str]) -> list[Problem]:
    """@mentions and [[wiki links]] in a body name a person and a note that exist."""
    problems = []
    for ref in find_references(body, source.body_line):
        if ref.kind is RefKind.MENTION:
            if ref.target not in index.people:
                hint = _suggest(ref.target, index.people)
                message = f"unknown person '@{ref.target}'{hint} (write `@{ref.target}` for a literal @)"
                problems.append(Problem(source.path, ref.line, ref.column, message))
            continue
        if ref.target in drafts:
            message = f"'[[{ref.target}]]' is a draft: the link shows as plain text until it is published"
            problems.append(Problem(source.path, ref.line, ref.column, message, Severity.WARNING))
            continue
        if index.find_note(ref.target) is not None:
            continue
        candidates = index.note_ids.get(ref.target, ())
        if len(candidates) > 1:
            message = (
                f"'[[{ref.target}]]' is ambiguous: "
                + ", ".join(f"[[{key}]]" for key in candidates)
                + " share that name; link with the path"
            )
        else:
            message = f"unknown note '[[{ref.target}]]'{_suggest(ref.target, index.note_ids)}"
        problems.append(Problem(source.path, ref.line, ref.column, message))
    return problems


def _check_audience(source: Source, label: str | None, rules: Rules) -> list[Problem]:
    if label is None or label in rules.labels:
        return []
    known = ", ".join(sorted(rules.labels))
    return [
        _problem(
            source,
            "audience",
            f"unknown audience '{label}'{_suggest(label, rules.labels)}; "
            f"audiences in mkdocs.yml use: {known}",
        )
    ]


def _check_note(note: Note, index: Index, groups: Mapping[str, Group], rules: Rules) -> list[Problem]:
    f, source = note.fields, note.source
    problems = _check_audience(source, f.audience, rules)
    if f.audience is not None and f.audience in rules.labels:
        seen = rules.seen_by(f.audience)
        for slug in note.group_slugs:
            group = groups.get(slug)
            group_label = (group.fields.audience if group else None) or rules.default_label
            if not seen <= rules.seen_by(group_label):
                problems.append(
                    _problem(
                        source,
                        "audience",
                        f"audience '{f.audience}' widens group '{slug}' ({group_label}): a note may "
                        "narrow its group's audience, never widen it",
                    )
                )
    if f.type is NoteType.EVENT and f.start is None:
        problems.append(_problem(source, "type", "an event needs 'start' (e.g. start: 2026-12-03T18:00)"))
    if f.start is not None and f.end is not None:
        start, end = f.start, f.end
        if type(start) is type(end) and end < start:
            problems.append(_problem(source, "end", "'end' is before 'start'"))
    if f.type is not NoteType.IDEA:
        for key in ("state", "supporters"):
            if key in source.keys:
                problems.append(
                    _problem(
                        source,
                        key,
                        f"'{key}' is for ideas (type: idea); it is ignored here",
                        Severity.WARNING,
                    )
                )
    if len(index.note_ids.get(note.id, ())) > 1:
        others = [k for k in index.note_ids[note.id] if k != note.key]
        problems.append(
            Problem(
                source.path,
                1,
                1,
                f"note id '{note.id}' is also {', '.join(others)}: link to it as [[{note.key}]]",
                Severity.WARNING,
            )
        )
    return problems


def validate(
    people: Iterable[Person],
    groups: Iterable[Group],
    notes: Iterable[Note],
    index: Index,
    rules: Rules,
    drafts: frozenset[str] = frozenset(),
    all_groups: Mapping[str, Group] | None = None,
    pages: Iterable[Page] = (),
) -> list[Problem]:
    """Every reference names something that exists, and every rule between records holds.

    `drafts` holds the ids and paths of notes left out of this build; `all_groups` the groups
    whose audiences notes must not widen (default: `groups`).
    """
    groups = list(groups)
    group_map = all_groups if all_groups is not None else {g.slug: g for g in groups}
    problems: list[Problem] = []
    for person in people:
        source = person.source
        problems += _check_list(source, "groups", person.fields.groups, index.groups, "group")
        problems += _check_audience(source, person.fields.audience, rules)
        problems += _check_body(index, source, person.body, drafts)
        if not person.fields.skills:
            problems.append(
                _problem(
                    source,
                    "name",
                    "no skills yet: add skills: [...] so colleagues can find you",
                    Severity.WARNING,
                )
            )
    for group in groups:
        source = group.source
        problems += _check_list(source, "animators", group.fields.animators, index.people, "animator")
        problems += _check_list(source, "members", group.fields.members, index.people, "member")
        problems += _check_audience(source, group.fields.audience, rules)
        problems += _check_body(index, source, group.body, drafts)
    for note in notes:
        source = note.source
        problems += _check_list(source, "authors", note.fields.authors, index.people, "author")
        problems += _check_list(source, "groups", note.fields.groups, index.groups, "group")
        problems += _check_list(source, "supporters", note.fields.supporters, index.people, "supporter")
        problems += _check_note(note, index, group_map, rules)
        problems += _check_body(index, source, note.body, drafts)
    for page in pages:
        problems += _check_audience(page.source, page.fields.audience, rules)
    return problems
