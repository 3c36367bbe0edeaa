"""New content files with valid front matter: what `rse new` and `rse import` write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from rse_build.errors import Problem
from rse_build.frontmatter import FrontMatterError, split
from rse_build.load import Layout, scan
from rse_build.model import ID_PATTERN, GroupFields, NoteFields, PersonFields
from rse_build.validate import Rules, validate

BODIES = {
    "person": "A few lines about you: what you work on, what you can help with, what you enjoy.\n",
    "group": "What this group is for, how to join (add its slug to `groups:` in your profile), "
    "and its rituals.\n",
    "note": "Write your note here. Mention people with `@handle` and link notes with `[[note-id]]`.\n",
}


@dataclass(frozen=True, slots=True)
class Draft:
    """A file about to be written: where, what, and the problems it would have."""

    path: Path
    text: str
    problems: list[Problem]


def yaml_line(key: str, value: Any) -> str:
    """`key: value` on one line, lists in flow style ([a, b]), quoted where YAML needs it."""
    if isinstance(value, tuple):
        value = list(value)
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return f"{key}: {dumped.removesuffix(chr(10)).removesuffix('...').rstrip()}"


def front_matter_text(data: dict[str, Any], body: str) -> str:
    lines = [yaml_line(k, v) for k, v in data.items() if v not in (None, [], (), "")]
    return "---\n" + "".join(f"{line}\n" for line in lines) + f"---\n{body}"


def _records(kind: str, ident: str, shown: str, text: str, folder_group: str | None):
    from rse_build.model import Group, Note, Person, Source

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
    content_dir: Path, kind: str, ident: str, data: dict[str, Any], rules: Rules, folder: str | None = None
) -> Draft:
    """The file `rse new KIND IDENT` would write, checked against the community as it is."""
    layout: Layout = scan(content_dir)
    problems: list[Problem] = []
    if kind == "person":
        shown = f"people/{ident}.md"
        folder_group = None
    elif kind == "group":
        shown = f"groups/{ident}/index.md"
        folder_group = None
    else:
        groups = data.get("groups") or []
        folder_group = groups[0] if groups and folder is None else None
        base = (
            f"groups/{folder_group}" if folder_group else f"notes/{folder.strip('/')}" if folder else "notes"
        )
        shown = f"{base}/{ident}.md"
        if folder_group:
            data = {**data, "groups": [g for g in groups if g != folder_group]}
    if not ID_PATTERN.match(ident):
        problems.append(Problem(shown, 1, 1, f"'{ident}' must use lowercase letters, digits and '-' only"))
    text = front_matter_text(data, BODIES[kind])
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
