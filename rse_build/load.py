"""content/ → records and located problems. Never raises on bad content."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from rse_build.errors import Problem, Severity, hinted, validation_problem
from rse_build.frontmatter import FrontMatterError, Parsed, split
from rse_build.heading import leading_heading
from rse_build.ids import suggest_id
from rse_build.logins import login_table
from rse_build.model import (
    ID_PATTERN,
    Group,
    GroupFields,
    Index,
    Note,
    NoteFields,
    Page,
    PageFields,
    Person,
    PersonFields,
    Position,
    Response,
    ResponseFields,
    Source,
)

PEOPLE_DIR = "people"
GROUPS_DIR = "groups"
NOTES_DIR = "notes"
RESPONSES_DIR = "responses"
INDEX = "index.md"
MEGABYTE = 1024 * 1024
# Fields whose problems say how to write a date.
DATE_FIELDS = frozenset({"start", "end", "date", "joined", "created"})

FieldsT = TypeVar("FieldsT", bound=BaseModel)


@dataclass(slots=True)
class Loaded:
    """What was read: records for every file that could be read, problems for the rest."""

    people: list[Person] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _relative(path: Path, content_dir: Path) -> str:
    return path.relative_to(content_dir).as_posix()


def note_key(path: str) -> str:
    """A note's key from its path under content/: 'notes/a/b.md' → 'notes/a/b', and a folder
    note 'notes/a/b/index.md' → 'notes/a/b' (MkDocs publishes both at notes/a/b/)."""
    return path.removesuffix(".md").removesuffix(f"/{INDEX.removesuffix('.md')}")


def _read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem.of(shown, 1, 1, "problem.cannot_read", reason=str(error.strerror)))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        problems.append(Problem.of(shown, line, column, "problem.not_utf8"))
        return None


def _describe(error: dict, shown: str, position: Position) -> Problem:
    """A pydantic error on a front-matter key: a missing key, a date (said with how to write
    one), or any other as `validation_problem` says it."""
    loc = [str(part) for part in error["loc"] if isinstance(part, str)]
    location = loc[0] if loc else ""
    at = (shown, position.line, position.column)
    kind, message = error["type"], str(error["msg"])
    if kind == "missing":
        return Problem.of(*at, "problem.required", field=location)
    if location in DATE_FIELDS:
        said = Problem.of(*at, "problem.date", field=location, reason=message.split(",")[0])
        return said.rephrased(f"problem.date.{kind}", field=location)
    return validation_problem(*at, f"'{location}'", error)


def _validate(
    model: type[FieldsT], parsed: Parsed, shown: str, problems: list[Problem], *, check_keys: bool = True
) -> FieldsT | None:
    """The record, or None when even its required fields are wrong.

    A wrong optional field is reported and then left out, so the record still joins the graph
    and its other references are checked in the same run: one report has every problem.
    """
    if check_keys:
        _check_keys(model, parsed, shown, problems)
    try:
        return model.model_validate(parsed.data)
    except ValidationError as error:
        source = _source(shown, parsed)
        wrong_keys = set()
        said = set()
        for detail in error.errors():
            loc = detail["loc"]
            # A union (date or datetime) reports once per branch: say it once.
            once = (loc[0] if loc else "", loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None)
            if once in said:
                continue
            said.add(once)
            key = str(loc[0]) if loc else ""
            wrong_keys.add(key)
            if len(loc) > 1 and isinstance(loc[1], int):
                position = source.item(key, loc[1])
            elif key in source.keys:
                position = source.key(key)
            else:
                position = Position(1, 1)
            problems.append(_describe(detail, shown, position))
    try:
        return model.model_validate({k: v for k, v in parsed.data.items() if k not in wrong_keys})
    except ValidationError:
        return None


# Keys MkDocs and Material read from any page's front matter.
PAGE_KEYS = frozenset({"template", "hide", "icon", "search", "subtitle", "description", "social", "comments"})


def _check_keys(model: type[BaseModel], parsed: Parsed, shown: str, problems: list[Problem]) -> None:
    """A key rse does not know is most often a typo ('tilte'): say so, and what was meant."""
    known = set(model.model_fields)
    for key in parsed.data:
        if key in known or key in PAGE_KEYS:
            continue
        close = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.6)
        at = parsed.keys.get(str(key), Position(1, 1))
        said, hint = hinted("problem.unknown_key", close[0] if close else None)
        problems.append(
            Problem.of(shown, at.line, at.column, said, severity=Severity.WARNING, name=str(key), **hint)
        )


def _source(shown: str, parsed: Parsed) -> Source:
    return Source(path=shown, keys=parsed.keys, items=parsed.items, body_line=parsed.body_line)


def _parse(path: Path, shown: str, problems: list[Problem]) -> Parsed | None:
    text = _read_text(path, shown, problems)
    if text is None:
        return None
    parsed = split(text)
    if isinstance(parsed, FrontMatterError):
        problems.append(Problem.of(shown, parsed.line, parsed.column, parsed.key, **dict(parsed.params)))
        return None
    return parsed


def _check_id(name: str, shown: str, what: str, problems: list[Problem]) -> bool:
    """`what` names the file's kind in the table: person, group, note or note_folder."""
    if ID_PATTERN.match(name):
        return True
    key = f"problem.bad_id.{what}"
    if suggestion := suggest_id(name):
        problems.append(Problem.of(shown, 1, 1, f"{key}_rename", name=name, suggestion=suggestion))
    else:
        problems.append(Problem.of(shown, 1, 1, key, name=name))
    return False


def _check_avatar(
    content_dir: Path, path: Path, avatar: str | None, source: Source, problems: list[Problem]
) -> None:
    """A photo must be a file inside content/: anything else is a broken image or a leak."""
    if not avatar:
        return
    at = source.key("avatar")
    target = (path.parent / avatar).resolve()
    if not target.is_relative_to(content_dir.resolve()):
        problems.append(Problem.of(source.path, at.line, at.column, "problem.avatar_outside", avatar=avatar))
    elif not target.is_file():
        problems.append(Problem.of(source.path, at.line, at.column, "problem.avatar_missing", avatar=avatar))


def _markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if p.is_file())


@dataclass(frozen=True, slots=True)
class Layout:
    """Which file is what, from paths alone (nothing parsed): cheap enough for every check.

    Paths are relative to content/, in posix form.
    """

    people: tuple[str, ...]
    groups: tuple[str, ...]
    group_folders_without_index: tuple[str, ...]
    notes: tuple[tuple[str, str | None], ...]
    escaping: tuple[str, ...]
    pages: tuple[str, ...] = ()
    oversized: tuple[tuple[str, int], ...] = ()
    max_bytes: int | None = None
    # (folder note, note file) pairs that MkDocs would publish at one address: `a/index.md`, `a.md`.
    clashing: tuple[tuple[str, str], ...] = ()
    # responses/<note>/<id>.md; and Markdown files under responses/ outside a note's folder.
    responses: tuple[str, ...] = ()
    misplaced_responses: tuple[str, ...] = ()

    def index(self) -> Index:
        """The ids every reference may name, as the file and folder names say."""
        note_ids: dict[str, list[str]] = {}
        for path, _group in self.notes:
            key = note_key(path)
            note_ids.setdefault(key.rsplit("/", 1)[-1], []).append(key)
        return Index(
            people=frozenset(Path(p).stem for p in self.people),
            groups=frozenset(p.split("/")[1] for p in self.groups),
            note_keys=frozenset(note_key(p) for p, _ in self.notes),
            note_ids={i: tuple(sorted(keys)) for i, keys in sorted(note_ids.items())},
        )


# A front matter's opening and closing lines, and its `links:` key with the indented lines under it.
_OPENER = re.compile(r"---[ \t]*\n")
_CLOSER = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def _profile_key(content_dir: Path, layout: Layout, key: str) -> Iterator[tuple[str, Any]]:
    """(handle, value) of one front-matter key of every profile that has it, reading the YAML
    of that key alone, not of whole files: a merge request's check needs one fact of everyone."""
    pattern = re.compile(rf"^{key}[ \t]*:[^\n]*(?:\n(?:[ \t][^\n]*)?)*", re.MULTILINE)
    oversized = {path for path, _ in layout.oversized}
    for path in layout.people:
        if path in oversized:
            continue
        try:
            text = (content_dir / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        text = text.removeprefix("\ufeff").replace("\r\n", "\n")
        opener = _OPENER.match(text)
        closer = _CLOSER.search(text, opener.end()) if opener else None
        found = pattern.search(text, opener.end(), closer.start()) if opener and closer else None
        parsed = split(f"---\n{found.group(0)}\n---\n") if found else None
        if isinstance(parsed, Parsed) and key in parsed.data:
            yield Path(path).stem, parsed.data[key]


def profile_logins(content_dir: Path, layout: Layout) -> dict[str, str]:
    """login → handle, as `Index.logins`, from each profile's `links` key alone."""
    return login_table(
        (handle, value)
        for handle, value in _profile_key(content_dir, layout, "links")
        if isinstance(value, dict)
    )


def profile_managers(content_dir: Path, layout: Layout) -> dict[str, str | None]:
    """Everyone's `manager`, from that key alone: a loop may pass through unchanged profiles."""
    managers: dict[str, str | None] = {Path(path).stem: None for path in layout.people}
    for handle, value in _profile_key(content_dir, layout, "manager"):
        managers[handle] = (
            str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None
        )
    return managers


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root)


def _all_files(content_dir: Path) -> list[Path]:
    """Every file under content/, symbolic links to directories not followed."""
    found = []
    for folder, dirs, names in os.walk(content_dir):
        dirs.sort()
        base = Path(folder)
        found.extend(base / name for name in sorted(names))
    return found


def _oversized(files: list[Path], content_dir: Path, max_bytes: int | None) -> list[tuple[str, int]]:
    if max_bytes is None:
        return []
    over = []
    for path in files:
        try:
            size = path.lstat().st_size
        except OSError:
            continue
        if size > max_bytes:
            over.append((_relative(path, content_dir), size))
    return over


def scan(content_dir: Path, root: Path | None = None, max_bytes: int | None = None) -> Layout:
    """Sort the files under `content_dir` into people, groups, notes and hand-written pages.

    A symbolic link that leads outside `root` (the repository, by default content/'s parent)
    is listed in `escaping` and never read; a file over `max_bytes` is listed in `oversized`.
    """
    root = (root or content_dir.parent).resolve()
    escaping: list[str] = []

    folders_inside: dict[Path, bool] = {}

    def keep(path: Path) -> bool:
        # A file that is not a link is where its folder is: one resolve per folder, not per file.
        folder = path.parent
        if folder not in folders_inside:
            folders_inside[folder] = _inside(folder, root)
        if (folders_inside[folder] and not path.is_symlink()) or _inside(path, root):
            return True
        escaping.append(_relative(path, content_dir))
        return False

    people_dir = content_dir / PEOPLE_DIR
    people = [
        _relative(p, content_dir)
        for p in _markdown_files(people_dir)
        if p.parent == people_dir and p.name != INDEX and keep(p)
    ]
    groups_dir = content_dir / GROUPS_DIR
    folders = sorted(p for p in groups_dir.iterdir() if p.is_dir()) if groups_dir.is_dir() else []
    groups, without_index = [], []
    # Under notes/, a folder's index.md is a note; notes/index.md itself is the section's page.
    notes_dir = content_dir / NOTES_DIR
    notes, clashing = _notes_and_clashes(
        [
            _relative(p, content_dir)
            for p in _markdown_files(notes_dir)
            if not (p.name == INDEX and p.parent == notes_dir) and keep(p)
        ]
    )
    for folder in folders:
        if not keep(folder):
            continue
        index = folder / INDEX
        if index.is_file():
            if keep(index):
                groups.append(_relative(index, content_dir))
        else:
            without_index.append(_relative(folder, content_dir))
        notes.extend(
            (_relative(p, content_dir), folder.name)
            for p in _markdown_files(folder)
            if p.name != INDEX and keep(p)
        )
    responses_dir = content_dir / RESPONSES_DIR
    in_responses = [_relative(p, content_dir) for p in _markdown_files(responses_dir) if keep(p)]
    responses = [p for p in in_responses if p.count("/") >= 2]
    misplaced = [p for p in in_responses if p.count("/") < 2]
    files = _all_files(content_dir) if content_dir.is_dir() else []
    records = {
        *people,
        *groups,
        *(path for path, _ in notes),
        *(index for index, _ in clashing),
        *in_responses,
    }
    pages = [
        shown
        for path in files
        if path.suffix == ".md" and (shown := _relative(path, content_dir)) not in records and keep(path)
    ]
    return Layout(
        tuple(people),
        tuple(groups),
        tuple(without_index),
        tuple(notes),
        tuple(sorted(set(escaping))),
        tuple(pages),
        tuple(_oversized(files, content_dir, max_bytes)),
        max_bytes,
        tuple(clashing),
        tuple(responses),
        tuple(misplaced),
    )


def _notes_and_clashes(paths: list[str]) -> tuple[list[tuple[str, str | None]], list[tuple[str, str]]]:
    """The notes under notes/, and each folder note whose address a note file already takes."""
    files = {note_key(path): path for path in paths if not path.endswith(f"/{INDEX}")}
    notes: list[tuple[str, str | None]] = []
    clashing = []
    for path in paths:
        other = files.get(note_key(path))
        if other is not None and other != path:
            clashing.append((path, other))
        else:
            notes.append((path, None))
    return notes, clashing


def load_content(
    content_dir: Path, only: Collection[str] | None = None, layout: Layout | None = None
) -> Loaded:
    """Read people, groups and notes under `content_dir` (MkDocs' docs_dir).

    With `only` (paths relative to content/), read just those files: what a check of a
    merge request needs.
    """
    layout = layout or scan(content_dir)
    loaded = Loaded()
    problems = loaded.problems

    def wanted(path: str) -> bool:
        return only is None or path in only

    for path in layout.escaping:
        if wanted(path):
            problems.append(Problem.of(path, 1, 1, "problem.symlink"))
    limit = (layout.max_bytes or 0) / MEGABYTE
    for path, size in layout.oversized:
        if wanted(path):
            problems.append(
                Problem.of(
                    path, 1, 1, "problem.too_large", size=f"{size / MEGABYTE:.3g}", limit=f"{limit:.3g}"
                )
            )
    for index, other in layout.clashing:
        if wanted(index) or wanted(other):
            problems.append(
                Problem.of(index, 1, 1, "problem.same_page", index=index, other=other, page=note_key(other))
            )
    for folder in layout.group_folders_without_index:
        if wanted(folder) or wanted(f"{folder}/{INDEX}"):
            problems.append(Problem.of(folder, 1, 1, "problem.group_no_index"))

    oversized = {path for path, _ in layout.oversized}

    def read(path: Path, shown: str, ident: str, what: str, model: type[FieldsT]):
        """The validated fields and parsed file, or None (with problems) when unreadable."""
        if shown in oversized or not _check_id(ident, shown, what, problems):
            return None
        parsed = _parse(path, shown, problems)
        if parsed is None:
            return None
        fields = _validate(model, parsed, shown, problems)
        return None if fields is None else (fields, parsed, _source(shown, parsed))

    for shown in filter(wanted, layout.people):
        path = content_dir / shown
        if record := read(path, shown, path.stem, "person", PersonFields):
            fields, parsed, source = record
            _check_avatar(content_dir, path, fields.avatar, source, problems)
            loaded.people.append(Person(path.stem, fields, parsed.body, source))
    for shown in filter(wanted, layout.groups):
        slug = shown.split("/")[1]
        if record := read(content_dir / shown, shown, slug, "group", GroupFields):
            fields, parsed, source = record
            loaded.groups.append(Group(slug, fields, parsed.body, source))
    for shown, folder_group in layout.notes:
        key = note_key(shown)
        folder_note = shown.endswith(f"/{INDEX}")
        ident, what = key.rsplit("/", 1)[-1], "note_folder" if folder_note else "note"
        if wanted(shown) and (record := read(content_dir / shown, shown, ident, what, NoteFields)):
            fields, parsed, source = record
            heading = leading_heading(parsed.body)
            if fields.title is None and heading is None:
                at = source.key("title")
                problems.append(Problem.of(shown, at.line, at.column, "problem.no_title"))
                continue
            title = heading.title if heading else None
            loaded.notes.append(Note(key, fields, parsed.body, source, folder_group, title))
    for shown in filter(wanted, layout.misplaced_responses):
        problems.append(Problem.of(shown, 1, 1, "problem.response_folder"))
    for shown in filter(wanted, layout.responses):
        folder, _, name = shown.removeprefix(f"{RESPONSES_DIR}/").removesuffix(".md").rpartition("/")
        if record := read(content_dir / shown, shown, name, "response", ResponseFields):
            fields, parsed, source = record
            loaded.responses.append(Response(folder, name, fields, parsed.body, source))
    for shown in filter(wanted, layout.pages):
        if shown in oversized:
            continue
        parsed = _parse(content_dir / shown, shown, problems)
        if parsed is not None:
            fields = _validate(PageFields, parsed, shown, problems, check_keys=False)
            if fields is not None:
                loaded.pages.append(Page(fields, parsed.body, _source(shown, parsed)))
    return loaded
