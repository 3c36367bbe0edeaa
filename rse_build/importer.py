"""Profiles from a directory export (an HR tool's or a spreadsheet's table): create the missing,
update what the directory owns, never touch what people wrote themselves (bio, skills,
interests, groups, links, comments).

The stages run in order, each over the previous one's records: columns mapped to fields, rows
read into entries, duplicates merged, handles assigned, managers resolved, files written.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from rse_build.errors import Problem, Severity
from rse_build.frontmatter import FrontMatterError, Parsed, split
from rse_build.i18n import Translator
from rse_build.ids import suggest_id
from rse_build.model import ID_PATTERN, PersonKind
from rse_build.scaffold import front_matter_text, yaml_line
from rse_build.tabular import Table


class Field(StrEnum):
    """What a column can feed; the values are what `--map COLUMN=field` accepts."""

    NAME = "name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"
    HANDLE = "handle"
    ROLE = "role"
    TEAM = "team"
    SITE = "site"
    ORGANISATION = "organisation"
    KIND = "kind"
    MANAGER = "manager"


# Column names HR tools and spreadsheets write, French and English; compared folded (case,
# accents, spaces and punctuation do not matter).
ALIASES: dict[Field, tuple[str, ...]] = {
    Field.NAME: ("Name", "Full Name", "Display Name", "Nom complet", "Nom et prénom", "Prénom Nom"),
    Field.FIRST_NAME: ("First Name", "Given Name", "Prénom"),
    Field.LAST_NAME: ("Last Name", "Surname", "Family Name", "Nom", "Nom de famille"),
    Field.EMAIL: (
        "Email",
        "E-mail",
        "Mail",
        "Work Email",
        "Email Address",
        "Work Email Address",
        "Adresse e-mail",
        "Adresse mail",
        "Adresse électronique",
        "Courriel",
        "E-mail professionnel",
    ),
    Field.HANDLE: ("Handle", "Username", "User Name", "Identifiant"),
    Field.ROLE: ("Role", "Title", "Job Title", "Position", "Rôle", "Fonction", "Poste", "Intitulé du poste"),
    Field.TEAM: ("Team", "Department", "Équipe", "Service", "Direction", "Département"),
    Field.SITE: ("Site", "Location", "Office", "Établissement", "Lieu de travail"),
    Field.ORGANISATION: ("Organisation", "Organization", "Company", "Société", "Entreprise"),
    Field.KIND: ("Kind",),
    Field.MANAGER: (
        "Manager",
        "Manager Email",
        "Manager E-mail",
        "Manager Name",
        "Reports To",
        "Responsable",
        "E-mail du manager",
        "Email du manager",
        "Manager direct",
    ),
}
# What the directory owns, in the order a new profile lists it; people own everything else.
OWNED = (Field.NAME, Field.ROLE, Field.TEAM, Field.SITE, Field.ORGANISATION, Field.KIND, Field.MANAGER)
_KINDS = {k.value for k in PersonKind}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def fold(header: str) -> str:
    """'Adresse e-mail' → 'adresseemail': how a column name is compared with the aliases."""
    return suggest_id(header).replace("-", "")


_BY_ALIAS = {fold(alias): f for f, aliases in ALIASES.items() for alias in aliases}


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str
    field: Field | None


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column feeds which field; a column that feeds none is ignored (and said so)."""

    all: tuple[Column, ...]

    @property
    def fed(self) -> tuple[Column, ...]:
        return tuple(c for c in self.all if c.field is not None)

    @property
    def ignored(self) -> tuple[Column, ...]:
        return tuple(c for c in self.all if c.field is None)

    def index(self, field: Field) -> int | None:
        return next((c.index for c in self.all if c.field is field), None)


_NAME_FIELDS = frozenset({Field.NAME, Field.FIRST_NAME, Field.LAST_NAME})


def map_columns(
    table: Table, chosen: Mapping[str, Field | None], shown: str, t: Translator
) -> Columns | Problem:
    """Aliases, overridden by `chosen` (`--map`: a column name → a field, or None to ignore it).

    A field fed by a chosen column is not also fed by an alias; of two aliased columns for one
    field, the first feeds it and the second is ignored. A column with no name counts only when
    it holds data (Excel ends lines with a spare delimiter).
    """
    header = table.header
    by_header = {h: i for i, h in reversed(list(enumerate(header)))}
    by_folded = {fold(h): i for i, h in reversed(list(enumerate(header)))}
    picked: dict[int, Field | None] = {}
    for name, field in chosen.items():
        index = by_header.get(name, by_folded.get(fold(name)))
        if index is None:
            found = ", ".join(h for h in header if h)
            return Problem(shown, 1, 1, t("import.map_no_column", column=name, columns=found))
        if field is not None and field in picked.values():
            return Problem(shown, 1, 1, t("import.map_twice", field=field.value))
        picked[index] = field
    fields: list[Field | None] = []
    for index, name in enumerate(header):
        field = picked[index] if index in picked else _BY_ALIAS.get(fold(name))
        if index not in picked and (field in picked.values() or field in fields):
            field = None
        fields.append(field)
    columns = Columns(
        tuple(
            Column(i, h, f)
            for i, (h, f) in enumerate(zip(header, fields, strict=True))
            if h or f or table.holds_data(i)
        )
    )
    has = {c.field for c in columns.fed}
    missing = [
        f for f, needed in ((Field.EMAIL, {Field.EMAIL}), (Field.NAME, _NAME_FIELDS)) if not has & needed
    ]
    if missing:
        found = ", ".join(h for h in header if h) or "-"
        known = "; ".join(
            t("import.known_aliases", field=f.value, aliases=", ".join(_known(f))) for f in missing
        )
        return Problem(shown, 1, 1, t("import.no_columns", columns=found, known=known))
    return columns


def _known(field: Field) -> tuple[str, ...]:
    if field is Field.NAME:
        return (*ALIASES[Field.NAME], *ALIASES[Field.FIRST_NAME], *ALIASES[Field.LAST_NAME])
    return ALIASES[field]


@dataclass(frozen=True, slots=True)
class Entry:
    """One person as one row of the file gives them."""

    line: int
    name: str
    email: str
    handle: str
    role: str | None
    team: str | None
    site: str | None
    organisation: str | None
    kind: str | None
    manager: str | None

    def same_as(self, other: Entry) -> bool:
        return dataclasses.replace(self, line=other.line) == other

    @property
    def who(self) -> str:
        return self.name or self.email


def _cell(cells: tuple[str, ...], index: int | None) -> str:
    """Whitespace collapsed (no-break spaces included), composed (NFC) as the rest of the content;
    '' for a column the row does not reach."""
    if index is None or index >= len(cells):
        return ""
    return unicodedata.normalize("NFC", " ".join(cells[index].split()))


def _entries(table: Table, columns: Columns, shown: str, t: Translator) -> tuple[list[Entry], list[Problem]]:
    """Rows → entries; a row without what a profile needs is refused, naming the person."""
    at = {f: columns.index(f) for f in Field}
    entries, refused = [], []
    for row in table.rows:
        cell = {f: _cell(row.cells, index) for f, index in at.items()}
        name = cell[Field.NAME] or " ".join(filter(None, (cell[Field.FIRST_NAME], cell[Field.LAST_NAME])))
        email = cell[Field.EMAIL].lower().removeprefix("mailto:")
        kind = cell[Field.KIND].lower()
        entry = Entry(
            row.line,
            name,
            email,
            cell[Field.HANDLE],
            cell[Field.ROLE] or None,
            cell[Field.TEAM] or None,
            cell[Field.SITE] or None,
            cell[Field.ORGANISATION] or None,
            kind or None,
            cell[Field.MANAGER] or None,
        )
        if not name and not email:
            message = t("import.no_name_no_email")
        elif not email:
            message = t("import.no_email", person=name)
        elif not _EMAIL.match(email):
            message = t("import.bad_email", person=entry.who, email=email)
        elif not name:
            message = t("import.no_name", person=email)
        elif kind and kind not in _KINDS:
            message = t(
                "import.bad_kind", person=name, kind=kind, kinds=", ".join(k.value for k in PersonKind)
            )
        elif entry.handle and not ID_PATTERN.match(entry.handle):
            message = t("import.bad_handle", person=name, handle=entry.handle)
        else:
            entries.append(entry)
            continue
        refused.append(Problem(shown, row.line, 1, message))
    return entries, refused


def _deduplicated(
    entries: list[Entry], shown: str, t: Translator
) -> tuple[list[Entry], list[Problem], list[Problem]]:
    """One entry per address: an exact repeat merges with a note, a different one is refused."""
    first: dict[str, Entry] = {}
    kept, merged, refused = [], [], []
    for entry in entries:
        earlier = first.get(entry.email)
        if earlier is None:
            first[entry.email] = entry
            kept.append(entry)
        elif entry.same_as(earlier):
            note = t("import.merged", line=entry.line, first=earlier.line, person=entry.who)
            merged.append(Problem(shown, entry.line, 1, note, Severity.WARNING))
        else:
            message = t(
                "import.conflict", person=entry.who, line=entry.line, first=earlier.line, email=entry.email
            )
            refused.append(Problem(shown, entry.line, 1, message))
    return kept, merged, refused


@dataclass(frozen=True, slots=True)
class Profile:
    """An existing profile's text, as written, and what its front matter says."""

    path: Path
    text: str
    parsed: Parsed

    @property
    def written_emails(self) -> list[str]:
        emails = self.parsed.data.get("emails") or []
        return [str(e) for e in (emails if isinstance(emails, list) else [emails])]

    @property
    def emails(self) -> tuple[str, ...]:
        return tuple(e.lower() for e in self.written_emails)

    @property
    def name(self) -> str:
        return str(self.parsed.data.get("name") or "")


@dataclass(frozen=True, slots=True)
class Directory:
    """The profiles before the import, read once, with the look-ups every row needs."""

    profiles: dict[str, Profile]
    unreadable: frozenset[str]
    by_email: dict[str, str]

    @classmethod
    def load(cls, people_dir: Path) -> Directory:
        profiles: dict[str, Profile] = {}
        unreadable = set()
        for path in sorted(people_dir.glob("*.md")) if people_dir.is_dir() else []:
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                unreadable.add(path.stem)
                continue
            parsed = split(text)
            if isinstance(parsed, FrontMatterError):
                unreadable.add(path.stem)
            else:
                profiles[path.stem] = Profile(path, text, parsed)
        by_email = {email: h for h, p in reversed(profiles.items()) for email in p.emails}
        return cls(profiles, frozenset(unreadable), by_email)

    def taken(self, handle: str) -> bool:
        return handle in self.profiles or handle in self.unreadable


def _derived_handle(entry: Entry) -> str:
    """The name's letters (which a firstname.lastname@ address repeats anyway); the address's
    local part only for a name with no Latin letters, and only when it holds a word."""
    from_name = suggest_id(entry.name)
    if ID_PATTERN.match(from_name):
        return from_name
    local = suggest_id(entry.email.split("@")[0].split("+")[0])
    return local if ID_PATTERN.match(local) and re.search(r"[a-z]{2}", local) else ""


def _assigned(
    entries: list[Entry], directory: Directory, shown: str, t: Translator
) -> tuple[list[tuple[str, Entry]], list[Problem], list[Problem]]:
    """A handle per entry, in file order: the profile that has the address, else the handle
    column, else one made from the name (`-2`, `-3` for namesakes: never two people in one).

    A namesake of a profile that has other addresses is said aloud: if they are one person,
    adding the address to the profile (or a handle column) makes the next import update it."""
    reserved: dict[str, Entry] = {}
    handles: dict[int, str] = {}
    refused, warnings = [], []
    for entry in entries:
        owner = directory.by_email.get(entry.email)
        handle = entry.handle or owner
        if handle is None:
            continue
        if owner is not None and owner != handle:
            message = t("import.address_of", person=entry.name, email=entry.email, owner=owner, handle=handle)
        elif handle in directory.unreadable:
            message = t("import.unreadable_profile", person=entry.name, handle=handle)
        elif handle in reserved:
            other = reserved[handle]
            message = t(
                "import.same_handle", person=entry.name, handle=handle, line=other.line, other=other.who
            )
        else:
            reserved[handle] = entry
            handles[entry.line] = handle
            continue
        refused.append(Problem(shown, entry.line, 1, message))
    settled = set(handles) | {p.line for p in refused}
    tried: dict[str, int] = {}
    for entry in entries:
        if entry.line in settled:
            continue
        base = _derived_handle(entry)
        if not base:
            refused.append(Problem(shown, entry.line, 1, t("import.no_handle", person=entry.who)))
        elif base in directory.unreadable:
            message = t("import.unreadable_profile", person=entry.name, handle=base)
            refused.append(Problem(shown, entry.line, 1, message))
        else:
            handle = _free_handle(base, entry, directory, reserved, tried)
            reserved[handle] = entry
            handles[entry.line] = handle
            namesake = directory.profiles.get(base)
            if (
                handle != base
                and namesake is not None
                and namesake.emails
                and suggest_id(namesake.name) == base
            ):
                message = t("import.namesake", person=entry.name, handle=handle, other=base)
                warnings.append(Problem(shown, entry.line, 1, message, Severity.WARNING))
    return [(handles[e.line], e) for e in entries if e.line in handles], refused, warnings


def _free_handle(
    base: str, entry: Entry, directory: Directory, reserved: Mapping[str, Entry], tried: dict[str, int]
) -> str:
    """`base`, else `base-2`, `base-3`…: the first no one has, or a profile with no address yet
    that bears the same name (written by hand before the first import). `tried` remembers where
    each base's search stopped: a thousand namesakes cost a thousand steps, not half a million."""
    suffix = tried.get(base, 1)
    while True:
        handle = base if suffix == 1 else f"{base}-{suffix}"
        profile = directory.profiles.get(handle)
        if handle not in reserved and (
            not directory.taken(handle)
            or (
                profile is not None
                and not profile.emails
                and suggest_id(profile.name) == suggest_id(entry.name)
            )
        ):
            tried[base] = suffix + 1
            return handle
        suffix += 1


def _name_key(name: str) -> str:
    """'Jean Dupont' and 'DUPONT Jean' alike: exports write names in either order."""
    return "-".join(sorted(suggest_id(name).split("-")))


def _managers(
    assigned: list[tuple[str, Entry]], directory: Directory, shown: str, t: Translator
) -> tuple[dict[str, str], list[Problem]]:
    """Each manager value (an address, a handle or a name) → the handle of someone in the file
    or the directory; a value that matches nobody is a warning, and the person still comes in."""
    by_email = {**directory.by_email, **{e.email: h for h, e in assigned}}
    handles = set(directory.profiles) | {h for h, _ in assigned}
    by_name: dict[str, set[str]] = {}
    named = [(h, p.name) for h, p in directory.profiles.items()] + [(h, e.name) for h, e in assigned]
    for handle, name in named:
        by_name.setdefault(_name_key(name), set()).add(handle)
    managers, warnings = {}, []
    for handle, entry in assigned:
        value = entry.manager
        if value is None:
            continue
        if "@" in value:
            found = {by_email[value.lower()]} if value.lower() in by_email else set()
        elif value in handles:
            found = {value}
        else:
            found = set(by_name.get(_name_key(value), ()))
        if len(found) == 1 and found != {handle}:
            managers[handle] = found.pop()
            continue
        if found == {handle}:
            message = t("import.own_manager", person=entry.name, manager=value)
        elif found:
            message = t(
                "import.manager_ambiguous", person=entry.name, manager=value, handles=", ".join(sorted(found))
            )
        else:
            message = t("import.manager_unknown", person=entry.name, manager=value)
        warnings.append(Problem(shown, entry.line, 1, message, Severity.WARNING))
    return managers, warnings


def _set_key(text: str, parsed: Parsed, key: str, value: Any) -> str:
    """Replace (or add) one top-level key's lines; every other line, comments included, stays."""
    lines = text.split("\n")
    rendered = yaml_line(key, value).split("\n")
    closing = parsed.body_line - 2
    if key not in parsed.keys:
        lines[closing:closing] = rendered
        return "\n".join(lines)
    start = parsed.keys[key].line - 1
    end = min((p.line - 1 for p in parsed.keys.values() if p.line - 1 > start), default=closing)
    while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    lines[start:end] = rendered
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did, and every row it merged, refused or warned about."""

    created: tuple[str, ...]
    updated: tuple[tuple[str, tuple[str, ...]], ...]
    unchanged: tuple[str, ...]
    merged: tuple[Problem, ...]
    refused: tuple[Problem, ...]
    warnings: tuple[Problem, ...]

    @property
    def notes(self) -> list[Problem]:
        """Merges, refusals and warnings, in the order of the file."""
        return sorted([*self.merged, *self.refused, *self.warnings], key=lambda p: (p.line, p.message))


def _wanted(entry: Entry, manager: str | None) -> dict[str, str | None]:
    """The directory's value of each key it owns; None: it says nothing, the profile keeps its own."""
    return {f.value: manager if f is Field.MANAGER else getattr(entry, f.value) for f in OWNED}


def _new_front_matter(entry: Entry, manager: str | None) -> dict[str, Any]:
    """A new profile's keys, in the order SPEC.md lists them."""
    return {
        "name": entry.name,
        "role": entry.role,
        "team": entry.team,
        "site": entry.site,
        "organisation": entry.organisation,
        "kind": None if entry.kind == PersonKind.EMPLOYEE else entry.kind,
        "emails": [entry.email],
        "manager": manager,
    }


def _updated_text(profile: Profile, wanted: Mapping[str, str | None], email: str) -> tuple[str, list[str]]:
    """The profile with the directory's values; only keys whose value changes are rewritten."""
    text, parsed = profile.text, profile.parsed
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    changed = []
    for key, value in wanted.items():
        if value is None or parsed.data.get(key) == value:
            continue
        if key == "kind" and value == PersonKind.EMPLOYEE and "kind" not in parsed.data:
            continue
        text = _set_key(text, parsed, key, value)
        reparsed = split(text)
        assert not isinstance(reparsed, FrontMatterError), reparsed
        parsed = reparsed
        changed.append(key)
    if email not in profile.emails:
        text = _set_key(text, parsed, "emails", [*profile.written_emails, email])
        changed.append("emails")
    return text.replace("\n", newline), changed


def _write(
    assigned: Iterable[tuple[str, Entry]], managers: Mapping[str, str], directory: Directory, people_dir: Path
) -> tuple[list[str], list[tuple[str, tuple[str, ...]]], list[str]]:
    """New profiles written whole; existing ones only where the directory's values changed."""
    created, updated, unchanged = [], [], []
    people_dir.mkdir(parents=True, exist_ok=True)
    for handle, entry in assigned:
        manager = managers.get(handle)
        profile = directory.profiles.get(handle)
        if profile is None:
            text = front_matter_text(_new_front_matter(entry, manager), "")
            (people_dir / f"{handle}.md").write_text(text, encoding="utf-8")
            created.append(handle)
            continue
        text, changed = _updated_text(profile, _wanted(entry, manager), entry.email)
        if changed:
            profile.path.write_text(text, encoding="utf-8", newline="")
            updated.append((handle, tuple(changed)))
        else:
            unchanged.append(handle)
    return created, updated, unchanged


def import_people(
    content_dir: Path, table: Table, columns: Columns, shown: str, t: Translator
) -> ImportReport:
    """Idempotent: a second run with the same file changes nothing."""
    entries, refused = _entries(table, columns, shown, t)
    entries, merged, conflicts = _deduplicated(entries, shown, t)
    people_dir = content_dir / "people"
    directory = Directory.load(people_dir)
    assigned, unassigned, namesakes = _assigned(entries, directory, shown, t)
    managers, unknown_managers = _managers(assigned, directory, shown, t)
    created, updated, unchanged = _write(assigned, managers, directory, people_dir)
    return ImportReport(
        tuple(created),
        tuple(updated),
        tuple(unchanged),
        tuple(merged),
        tuple([*refused, *conflicts, *unassigned]),
        tuple([*namesakes, *unknown_managers]),
    )
