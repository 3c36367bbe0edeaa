"""Cross-references and rules between records → located problems.

Validation works against an `Index` of the ids that exist, not the full graph, so a merge
request's check can read only the files it touches.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from rse_build.errors import Problem, Severity, hinted
from rse_build.links import Mentionable, Reference, RefKind, find_references
from rse_build.model import (
    DEFAULT_LABEL,
    Follows,
    Group,
    Index,
    Note,
    NoteType,
    Page,
    Person,
    Response,
    ResponseKind,
    Source,
)
from rse_build.org import manager_cycles


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


def closest(wrong: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name a typo most likely meant, when one is close enough."""
    close = difflib.get_close_matches(wrong, list(known), n=1, cutoff=cutoff)
    return close[0] if close else None


# An unresolved `@name` is an error only when it is almost a handle or a login: one edit away
# (a letter added, missing or wrong, two swapped) and difflib's ratio at least 0.85. That takes
# `@ada-lovelce`, `@jdupnot`, `@octocta`, and leaves the aliases real text is full of (`@sales`
# beside `salem`, `@sales-team` beside `sales-lead`, `@cs-leadership` beside `cs-lee`); under
# 5 characters two names are too often one letter apart by chance.
TYPO_CUTOFF = 0.85
TYPO_MIN_LENGTH = 5


def _one_deletion(name: str) -> set[str]:
    """`name` and every string one letter shorter: two names one edit apart share one."""
    return {name, *(name[:i] + name[i + 1 :] for i in range(len(name)))}


@dataclass(frozen=True, slots=True)
class NearMisses:
    """What an unresolved `@name` most likely meant among every handle and login. Names are
    indexed by their one-letter deletions on first use, so a check with 10,000 people and a
    thousand aliases makes a few look-ups per alias, not 10,000 comparisons."""

    names: tuple[str, ...]
    _by_deletion: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def meant(self, name: str) -> str | None:
        if len(name) < TYPO_MIN_LENGTH or not self.names:
            return None
        if not self._by_deletion:
            for known in self.names:
                for key in _one_deletion(known):
                    self._by_deletion.setdefault(key, []).append(known)
        lowered = name.lower()
        near = {known for key in _one_deletion(lowered) for known in self._by_deletion.get(key, ())}
        return closest(lowered, sorted(near), TYPO_CUTOFF)


def _problem(
    source: Source,
    field: str,
    key: str,
    severity: Severity = Severity.ERROR,
    rule: str = "",
    **params: str | int,
) -> Problem:
    """A problem at a front-matter key of `source`."""
    at = source.key(field)
    return Problem.of(source.path, at.line, at.column, key, severity=severity, rule=rule, **params)


def _check_list(
    source: Source, field: str, values: tuple[str, ...], known: Collection[str], what: str
) -> list[Problem]:
    """Each value names something known; `what` names it in the table (`problem.unknown.<what>`)."""
    problems = []
    for index, value in enumerate(values):
        if value not in known:
            at = source.item(field, index)
            key, hint = hinted(f"problem.unknown.{what}", closest(value, known))
            problems.append(Problem.of(source.path, at.line, at.column, key, value=value, **hint))
    return problems


def _check_manager_loops(people: list[Person], managers: Mapping[str, str | None] | None) -> list[Problem]:
    """A loop of reporting lines, told once, at the `manager:` of its first member among
    `people` (a check of a change tells it at the profile the change touched)."""
    if managers is None:
        managers = {p.handle: p.fields.manager for p in people}
    problems = []
    checked = {p.handle: p for p in people}
    for loop in manager_cycles(managers):
        at = next((checked[h] for h in loop if h in checked), None)
        if at is not None:
            line = " → ".join((*loop, loop[0]))
            problems.append(_problem(at.source, "manager", "problem.manager_loop", loop=line))
    return problems


def _check_follows(source: Source, follows: Follows, index: Index) -> list[Problem]:
    """Followed people and groups exist (tags are free). Their items are nested, so each
    problem points at the `follows` key."""
    problems = []
    for values, known, what in (
        (follows.people, index.people, "followed"),
        (follows.groups, index.groups, "group"),
    ):
        for value in values:
            if value not in known:
                at = source.key("follows")
                key, hint = hinted(f"problem.unknown.{what}", closest(value, known))
                problems.append(Problem.of(source.path, at.line, at.column, key, value=value, **hint))
    return problems


@dataclass(frozen=True, slots=True)
class _People:
    """Whom a mention may name, and what a near miss meant: made once per check."""

    mentionable: Mentionable
    near: NearMisses

    @classmethod
    def of(cls, index: Index) -> _People:
        mentionable = Mentionable(index.people, index.logins)
        return cls(mentionable, NearMisses(mentionable.names()))


def _check_mention(people: _People, source: Source, ref: Reference) -> Problem | None:
    """A mention that names nobody: an error when it is almost someone's name (a typo),
    else advice, since real text is full of `@` words (chat aliases, accounts elsewhere)."""
    if people.mentionable.person(ref.target) is not None:
        return None
    meant = people.near.meant(ref.target)
    at = (source.path, ref.line, ref.column)
    if meant is not None:
        return Problem.of(*at, "problem.mention_typo", target=ref.target, meant=meant)
    return Problem.of(*at, "problem.mention", severity=Severity.ADVICE, rule="mention", target=ref.target)


def _check_body(
    index: Index, people: _People, source: Source, body: str, drafts: frozenset[str]
) -> list[Problem]:
    """@mentions and [[wiki links]] in a body name a person and a note that exist."""
    problems = []
    for ref in find_references(body, source.body_line):
        at = (source.path, ref.line, ref.column)
        if ref.kind is RefKind.MENTION:
            if (problem := _check_mention(people, source, ref)) is not None:
                problems.append(problem)
            continue
        if ref.target in drafts:
            problems.append(
                Problem.of(
                    *at, "problem.draft-link", severity=Severity.WARNING, rule="draft-link", target=ref.target
                )
            )
            continue
        if index.find_note(ref.target) is not None:
            continue
        candidates = index.note_ids.get(ref.target, ())
        if len(candidates) > 1:
            keys = ", ".join(f"[[{key}]]" for key in candidates)
            problems.append(Problem.of(*at, "problem.ambiguous", target=ref.target, candidates=keys))
        else:
            key, hint = hinted("problem.unknown_note", closest(ref.target, index.note_ids))
            problems.append(Problem.of(*at, key, target=ref.target, **hint))
    return problems


def _check_audience(source: Source, label: str | None, rules: Rules) -> list[Problem]:
    if label is None or label in rules.labels:
        return []
    known = ", ".join(sorted(rules.labels))
    key, hint = hinted("problem.unknown_audience", closest(label, rules.labels))
    return [_problem(source, "audience", key, label=label, known=known, **hint)]


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
                        "problem.audience_widens",
                        label=f.audience,
                        group=slug,
                        group_label=group_label,
                    )
                )
    if f.type is NoteType.EVENT and f.start is None:
        problems.append(_problem(source, "type", "problem.event_start"))
    if f.start is not None and f.end is not None:
        start, end = f.start, f.end
        # A time with an offset and one without cannot be compared: only like with like.
        naive = getattr(start, "tzinfo", None) is None, getattr(end, "tzinfo", None) is None
        if type(start) is type(end) and naive[0] == naive[1] and end < start:
            problems.append(_problem(source, "end", "problem.end_before_start"))
    if f.type is not NoteType.IDEA:
        for name in ("state", "supporters"):
            if name in source.keys:
                problems.append(
                    _problem(source, name, "problem.idea-field", Severity.WARNING, "idea-field", name=name)
                )
    if len(index.note_ids.get(note.id, ())) > 1:
        others = [k for k in index.note_ids[note.id] if k != note.key]
        problems.append(
            Problem.of(
                source.path,
                1,
                1,
                "problem.shared-id",
                severity=Severity.ADVICE,
                rule="shared-id",
                id=note.id,
                others=", ".join(others),
                link=note.key,
            )
        )
    return problems


def _note_labels(note: Note, groups: Mapping[str, Group], rules: Rules) -> list[str]:
    """The labels that decide who sees a note: its own, else its groups', else the default."""
    if note.fields.audience is not None:
        return [note.fields.audience]
    labels = [groups[s].fields.audience or rules.default_label for s in note.group_slugs if s in groups]
    return labels or [rules.default_label]


# The kinds of response that only one type of note takes, and the problem of any other.
_NEEDS = {
    ResponseKind.ANSWER: (NoteType.QUESTION, "problem.answer_needs"),
    ResponseKind.RSVP: (NoteType.EVENT, "problem.rsvp_needs"),
}


@dataclass(frozen=True, slots=True)
class _Thread:
    """One note's responses as validation needs them: the note (None when it is not among the
    records read) and the responses' ids by kind."""

    note: Note | None
    kinds: dict[str, ResponseKind]


def _check_response(
    response: Response,
    thread: _Thread,
    index: Index,
    groups: Mapping[str, Group],
    rules: Rules,
    drafts: frozenset[str],
) -> list[Problem]:
    """A response names a published note, fits the note's type, and narrows its audience."""
    f, source = response.fields, response.source
    problems = _check_audience(source, f.audience, rules)
    if response.note in drafts:
        draft = Problem.of(
            source.path, 1, 1, "problem.response_draft", severity=Severity.WARNING, note=response.note
        )
        return [*problems, draft]
    if index.find_note(response.note) is None:
        candidates = index.note_ids.get(response.note, ())
        if len(candidates) > 1:
            keys = ", ".join(candidates)
            return [
                *problems,
                Problem.of(
                    source.path,
                    1,
                    1,
                    "problem.response_ambiguous",
                    note=response.note,
                    candidates=keys,
                    example=candidates[0],
                ),
            ]
        key, hint = hinted("problem.response_note", closest(response.note, index.note_ids))
        return [*problems, Problem.of(source.path, 1, 1, key, note=response.note, **hint)]
    note = thread.note
    if len(f.authors) > 1:
        problems.append(_problem(source, "authors", "problem.response_authors"))
    if f.kind is ResponseKind.RSVP and f.rsvp is None and "rsvp" not in source.keys:
        problems.append(_problem(source, "kind", "problem.rsvp_missing"))
    if f.kind is not ResponseKind.RSVP and f.rsvp is not None:
        problems.append(_problem(source, "rsvp", "problem.rsvp_field", Severity.WARNING, kind=f.kind.value))
    if f.kind in (ResponseKind.REPLY, ResponseKind.ANSWER) and not response.body.strip():
        problems.append(_problem(source, "kind", "problem.response_empty", kind=f.kind.value))
    if f.reply_to is not None and f.reply_to not in thread.kinds:
        key, hint = hinted("problem.reply_to", closest(f.reply_to, thread.kinds))
        problems.append(_problem(source, "reply_to", key, target=f.reply_to, **hint))
    if note is None:
        return problems
    needs, key = _NEEDS.get(f.kind, (None, ""))
    if needs is not None and note.fields.type is not needs:
        problems.append(_problem(source, "kind", key, note=note.id, type=note.fields.type.value))
    if f.audience is not None and f.audience in rules.labels:
        seen = rules.seen_by(f.audience)
        for label in _note_labels(note, groups, rules):
            if not seen <= rules.seen_by(label):
                problems.append(
                    _problem(
                        source, "audience", "problem.response_widens", label=f.audience, note_label=label
                    )
                )
    return problems


def _check_accepted(note: Note, thread: _Thread) -> list[Problem]:
    """`accepted:` names an answer to this very question."""
    accepted, source = note.fields.accepted, note.source
    if accepted is None:
        return []
    if note.fields.type is not NoteType.QUESTION:
        return [_problem(source, "accepted", "problem.accepted_question", type=note.fields.type.value)]
    kind = thread.kinds.get(accepted)
    if kind is None:
        answers = [i for i, k in thread.kinds.items() if k is ResponseKind.ANSWER]
        key, hint = hinted("problem.accepted_unknown", closest(accepted, answers))
        return [_problem(source, "accepted", key, value=accepted, note=note.id, **hint)]
    if kind is not ResponseKind.ANSWER:
        return [_problem(source, "accepted", "problem.accepted_kind", value=accepted, kind=kind.value)]
    return []


def _threads(
    notes: Iterable[Note], responses: Iterable[Response], index: Index, known: Mapping[str, Note]
) -> dict[str, _Thread]:
    """Every thread a check touches, by note key (or by the folder's name when it names no note)."""
    threads: dict[str, _Thread] = {}
    for response in responses:
        key = index.find_note(response.note) or response.note
        thread = threads.setdefault(key, _Thread(known.get(key), {}))
        thread.kinds[response.id] = response.fields.kind
    for note in notes:
        threads.setdefault(note.key, _Thread(note, {}))
    return threads


def validate(
    people: Iterable[Person],
    groups: Iterable[Group],
    notes: Iterable[Note],
    index: Index,
    rules: Rules,
    drafts: frozenset[str] = frozenset(),
    all_groups: Mapping[str, Group] | None = None,
    pages: Iterable[Page] = (),
    responses: Iterable[Response] = (),
    thread_notes: Mapping[str, Note] | None = None,
    managers: Mapping[str, str | None] | None = None,
) -> list[Problem]:
    """Every reference names something that exists, and every rule between records holds.

    `drafts` holds the ids and paths of notes left out of this build; `all_groups` the groups
    whose audiences notes must not widen (default: `groups`). `responses` are checked against
    `thread_notes` (by key: the notes they respond to; default: `notes`); a question's
    `accepted:` against the responses given; reporting lines for loops among `managers`
    (everyone's `manager`; default: those of `people`).
    """
    groups = list(groups)
    people = list(people)
    notes = list(notes)
    group_map = all_groups if all_groups is not None else {g.slug: g for g in groups}
    mentioned = _People.of(index)
    problems: list[Problem] = []
    for person in people:
        source = person.source
        problems += _check_list(source, "groups", person.fields.groups, index.groups, "group")
        if person.fields.manager is not None:
            problems += _check_list(source, "manager", (person.fields.manager,), index.people, "manager")
        problems += _check_follows(source, person.fields.follows, index)
        problems += _check_audience(source, person.fields.audience, rules)
        problems += _check_body(index, mentioned, source, person.body, drafts)
        if not person.fields.skills:
            problems.append(_problem(source, "name", "problem.skills", Severity.ADVICE, "skills"))
    problems += _check_manager_loops(people, managers)
    for group in groups:
        source = group.source
        problems += _check_list(source, "animators", group.fields.animators, index.people, "animator")
        problems += _check_list(source, "members", group.fields.members, index.people, "member")
        problems += _check_audience(source, group.fields.audience, rules)
        problems += _check_body(index, mentioned, source, group.body, drafts)
    for note in notes:
        source = note.source
        problems += _check_list(source, "authors", note.fields.authors, index.people, "author")
        problems += _check_list(source, "groups", note.fields.groups, index.groups, "group")
        problems += _check_list(source, "supporters", note.fields.supporters, index.people, "supporter")
        problems += _check_note(note, index, group_map, rules)
        problems += _check_body(index, mentioned, source, note.body, drafts)
    for page in pages:
        problems += _check_audience(page.source, page.fields.audience, rules)
    responses = list(responses)
    known = thread_notes if thread_notes is not None else {n.key: n for n in notes}
    threads = _threads(notes, responses, index, known)
    for note in notes:
        problems += _check_accepted(note, threads[note.key])
    for response in responses:
        thread = threads[index.find_note(response.note) or response.note]
        source = response.source
        problems += _check_list(source, "authors", response.fields.authors, index.people, "author")
        problems += _check_response(response, thread, index, group_map, rules, drafts)
        problems += _check_body(index, mentioned, source, response.body, drafts)
    problems += _shared_addresses(people)
    return problems


def _shared_addresses(people: Iterable[Person]) -> list[Problem]:
    """An address is one person's: commits are credited by it. Reported on every profile that
    claims it (without printing the address: CI logs are read widely)."""
    claims: dict[str, list[tuple[Person, int]]] = {}
    for person in people:
        for index, email in enumerate(person.fields.emails):
            claims.setdefault(email.strip().lower(), []).append((person, index))
    problems = []
    for claimed in claims.values():
        handles = sorted({person.handle for person, _ in claimed})
        if len(handles) < 2:
            continue
        for person, index in claimed:
            others = ", ".join(f"'{h}'" for h in handles if h != person.handle)
            at = person.source.item("emails", index)
            problems.append(
                Problem.of(
                    person.source.path,
                    at.line,
                    at.column,
                    "problem.shared_address",
                    number=index + 1,
                    others=others,
                )
            )
    return problems
