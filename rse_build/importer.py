"""Profiles from a directory export (CSV): create the missing, update what the directory owns,
never touch what people wrote themselves (bio, skills, interests, groups, links)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rse_build.errors import Problem
from rse_build.frontmatter import FrontMatterError, Parsed, split
from rse_build.model import ID_PATTERN, PersonKind
from rse_build.scaffold import front_matter_text, yaml_line

# Column names directory exports use, mapped to profile keys.
COLUMNS = {
    "name": "name",
    "full name": "name",
    "display name": "name",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "handle": "handle",
    "username": "handle",
    "role": "role",
    "title": "role",
    "job title": "role",
    "team": "team",
    "department": "team",
    "site": "site",
    "location": "site",
    "office": "site",
    "organisation": "organisation",
    "organization": "organisation",
    "company": "organisation",
    "kind": "kind",
}
OWNED = ("name", "role", "team", "site", "organisation", "kind")


@dataclass(slots=True)
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[tuple[str, list[str]]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)


def handle_for(email: str, name: str) -> str:
    """'ada.lovelace@acme' → 'ada-lovelace'; accents folded; the name when the address is opaque."""
    for source in (email.split("@")[0], name):
        ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode().lower()
        handle = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
        if ID_PATTERN.match(handle):
            return handle
    return ""


def _set_key(text: str, parsed: Parsed, key: str, value: Any) -> str:
    """Replace (or add) one top-level key's lines; every other line stays as it was written."""
    lines = text.split("\n")
    rendered = yaml_line(key, value)
    closing = parsed.body_line - 2
    if key in parsed.keys:
        start = parsed.keys[key].line - 1
        following = [p.line - 1 for p in parsed.keys.values() if p.line - 1 > start]
        end = min(following, default=closing)
        lines[start:end] = rendered.split("\n")
    else:
        lines[closing:closing] = rendered.split("\n")
    return "\n".join(lines)


def _read_rows(csv_text: str, shown: str, result: ImportResult) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(csv_text))
    if not reader.fieldnames:
        result.skipped.append(Problem(shown, 1, 1, "empty file: expected a header line (name,email,...)"))
        return []
    header = {name: COLUMNS.get(name.strip().lower()) for name in reader.fieldnames if name}
    missing = {"name", "email"} - set(header.values())
    if missing:
        result.skipped.append(Problem(shown, 1, 1, f"missing column(s): {', '.join(sorted(missing))}"))
        return []
    rows = []
    for row in reader:
        values = {header[k]: " ".join(str(v or "").split()) for k, v in row.items() if header.get(k)}
        rows.append((reader.line_num, values))
    return rows


def import_people(content_dir: Path, csv_text: str, shown: str) -> ImportResult:
    """Idempotent: a second run with the same file changes nothing."""
    result = ImportResult()
    people_dir = content_dir / "people"
    profiles: dict[str, tuple[Path, str, Parsed]] = {}
    by_email: dict[str, str] = {}
    for path in sorted(people_dir.glob("*.md")) if people_dir.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        parsed = split(text)
        if isinstance(parsed, FrontMatterError):
            continue
        profiles[path.stem] = (path, text, parsed)
        emails = parsed.data.get("emails") or []
        for email in emails if isinstance(emails, list) else [emails]:
            by_email[str(email).lower()] = path.stem
    seen: set[str] = set()
    for line, row in _read_rows(csv_text, shown, result):
        name, email = row.get("name", ""), row.get("email", "").lower()
        if not name or "@" not in email:
            result.skipped.append(Problem(shown, line, 1, "a row needs a name and an e-mail address"))
            continue
        kind = row.get("kind", "").lower()
        if kind and kind not in {k.value for k in PersonKind}:
            kinds = ", ".join(k.value for k in PersonKind)
            result.skipped.append(Problem(shown, line, 1, f"unknown kind '{kind}': use one of {kinds}"))
            continue
        handle = by_email.get(email) or row.get("handle") or handle_for(email, name)
        if not ID_PATTERN.match(handle):
            result.skipped.append(
                Problem(shown, line, 1, f"cannot make a handle from '{email}': add a handle column")
            )
            continue
        if handle in seen:
            result.skipped.append(
                Problem(shown, line, 1, f"'{handle}' appears twice in the file; keep one row")
            )
            continue
        seen.add(handle)
        wanted = {key: row.get(key) or None for key in OWNED}
        wanted["kind"] = kind or None
        if handle not in profiles:
            data = {
                **{k: v for k, v in wanted.items() if k != "kind" or v not in (None, "employee")},
                "emails": [email],
            }
            target = people_dir / f"{handle}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(front_matter_text(data, ""), encoding="utf-8")
            result.created.append(handle)
            continue
        path, text, parsed = profiles[handle]
        emails = parsed.data.get("emails") or []
        emails = emails if isinstance(emails, list) else [emails]
        if emails and email not in {str(e).lower() for e in emails} and by_email.get(email) != handle:
            message = f"'{handle}' is someone else ({path.name} lists other addresses): add a handle column"
            result.skipped.append(Problem(shown, line, 1, message))
            continue
        changed = []
        for key, value in wanted.items():
            if value is None or parsed.data.get(key) == value:
                continue
            if key == "kind" and value == "employee" and "kind" not in parsed.data:
                continue
            text = _set_key(text, parsed, key, value)
            reparsed = split(text)
            assert not isinstance(reparsed, FrontMatterError), reparsed
            parsed = reparsed
            changed.append(key)
        if email not in {str(e).lower() for e in emails}:
            text = _set_key(text, parsed, "emails", [*map(str, emails), email])
            changed.append("emails")
        if changed:
            path.write_text(text, encoding="utf-8")
            result.updated.append((handle, changed))
        else:
            result.unchanged.append(handle)
    return result
