"""CODEOWNERS lines from the groups' animators, so a group's merge requests ask them to review.

The lines live between two markers in the community's CODEOWNERS file; whatever else the
file holds is the community's own and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from rse_build.errors import Problem, Severity
from rse_build.logins import repository_host
from rse_build.model import Group, Person

BEGIN = "# rse: begin (written by `rse codeowners --write` from the groups' animators)"
END = "# rse: end"
# Where GitHub and GitLab look, in the order they look.
LOCATIONS = (".github/CODEOWNERS", ".gitlab/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")


def owner(person: Person, host: str) -> str | None:
    """The person's user on the git host, from a profile link to it (`links: {github:
    https://github.com/ada}` → `@ada`), else their first e-mail address (both hosts accept
    one), else None."""
    links = sorted(person.fields.links.items(), key=lambda item: (item[0].lower() != host, item[0]))
    for _key, url in links:
        parts = urlsplit(url)
        user = parts.path.strip("/").split("/")[0]
        if host in parts.netloc.lower() and user:
            return f"@{user}"
    return person.fields.emails[0] if person.fields.emails else None


def codeowners_block(
    groups: Iterable[Group],
    animators: Mapping[str, tuple[str, ...]],
    people: Mapping[str, Person],
    content_prefix: str,
    repo_url: str | None = None,
) -> str:
    """The generated block: one line per group folder that has an animator with an owner."""
    host = repository_host(repo_url)
    lines = [BEGIN]
    for group in sorted(groups, key=lambda g: g.slug):
        owners = [owner(people[h], host) for h in animators.get(group.slug, ()) if h in people]
        named = [o for o in owners if o]
        if named:
            lines.append(f"/{content_prefix}groups/{group.slug}/ {' '.join(dict.fromkeys(named))}")
        else:
            lines.append(f"# /{content_prefix}groups/{group.slug}/: no animator has a user or e-mail")
    lines.append(END)
    return "\n".join(lines) + "\n"


def find(root: Path) -> Path | None:
    for location in LOCATIONS:
        if (root / location).is_file():
            return root / location
    return None


@dataclass(frozen=True, slots=True)
class Block:
    """Where the generated lines sit in an existing file (0-based line numbers)."""

    start: int
    end: int


def _block(lines: list[str]) -> Block | None:
    starts = [i for i, line in enumerate(lines) if line.startswith("# rse: begin")]
    if not starts:
        return None
    ends = [i for i, line in enumerate(lines) if line.strip() == END and i > starts[0]]
    return Block(starts[0], ends[0] if ends else len(lines) - 1)


def updated(existing: str | None, block: str) -> str:
    """The file with its generated block replaced (or appended), everything else kept."""
    if not existing:
        return block
    lines = existing.splitlines()
    found = _block(lines)
    if found is None:
        return existing.rstrip("\n") + "\n\n" + block
    kept = lines[: found.start] + block.rstrip("\n").split("\n") + lines[found.end + 1 :]
    return "\n".join(kept) + "\n"


def staleness(root: Path, block: str) -> list[Problem]:
    """A warning when CODEOWNERS has a generated block that no longer matches the groups."""
    path = find(root)
    if path is None:
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    lines = text.splitlines()
    found = _block(lines)
    if found is None:
        return []
    current = "\n".join(lines[found.start : found.end + 1]) + "\n"
    if current == block:
        return []
    shown = path.relative_to(root).as_posix()
    return [Problem.of(shown, found.start + 1, 1, "problem.codeowners_stale", severity=Severity.WARNING)]
