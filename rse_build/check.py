"""Load and validate a whole community: the step every command runs first."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rse_build.codeowners import LOCATIONS, codeowners_block, staleness
from rse_build.errors import Problem
from rse_build.history import Changes
from rse_build.links import RefKind, find_references
from rse_build.load import (
    RESPONSES_DIR,
    Layout,
    load_content,
    note_key,
    profile_logins,
    profile_managers,
    scan,
)
from rse_build.model import Community, Index, Page
from rse_build.settings import CommunityConfig, Settings, load_settings
from rse_build.validate import Rules, validate


@dataclass(frozen=True, slots=True)
class Checked:
    settings: Settings
    community: Community
    drafts: frozenset[str]
    problems: list[Problem]
    pages: tuple[Page, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def check_community(
    config_file: Path | None,
    docs_dir: Path,
    extra: Any,
    theme_language: str | None,
    *,
    drafts: bool = False,
) -> Checked:
    """Settings, records and cross-references; drafts leave the graph unless `drafts`."""
    settings, problems = load_settings(extra, config_file, theme_language)
    loaded = load_content(docs_dir, layout=scan(docs_dir, max_bytes=settings.max_file_bytes))
    content_problems = list(loaded.problems)
    draft_paths = frozenset(n.path for n in loaded.notes if n.is_draft and not drafts)
    notes = [n for n in loaded.notes if n.path not in draft_paths]
    community = Community.build(loaded.people, loaded.groups, notes, loaded.responses)
    left_out = frozenset(name for n in loaded.notes if n.path in draft_paths for name in (n.id, n.key))
    rules = Rules(settings.audiences)
    content_problems += validate(
        community.people.values(),
        community.groups.values(),
        community.notes.values(),
        community.index(),
        rules,
        left_out,
        pages=loaded.pages,
        responses=loaded.responses,
        thread_notes=community.notes,
    )
    prefix = _shown_prefix(config_file, docs_dir)
    problems += [replace(p, path=prefix + p.path) for p in content_problems]
    if config_file is not None:
        problems += _codeowners_problems(config_file, docs_dir, community, settings)
    return Checked(settings, community, draft_paths, sorted(problems), tuple(loaded.pages))


def check_config(config: CommunityConfig, *, drafts: bool = False) -> Checked:
    """The whole check of the community a mkdocs.yml describes."""
    return check_community(
        config.config_file, config.docs_dir, config.extra, config.theme_language, drafts=drafts
    )


def owners_block(config_file: Path, docs_dir: Path, community: Community, settings: Settings) -> str:
    """The CODEOWNERS block of this community, with paths from the repository's root."""
    prefix = _shown_prefix(config_file, docs_dir)
    return codeowners_block(
        community.groups.values(), community.animators, community.people, prefix, settings.repo_url
    )


def _codeowners_problems(
    config_file: Path, docs_dir: Path, community: Community, settings: Settings
) -> list[Problem]:
    block = owners_block(config_file, docs_dir, community, settings)
    return staleness(config_file.resolve().parent, block)


def _shown_prefix(config_file: Path | None, docs_dir: Path) -> str:
    """Problems name files from the community's root ('content/people/ada.md'); the command
    line shows them from the folder the user is in (report.relocated)."""
    if config_file is None:
        return ""
    try:
        relative = docs_dir.resolve().relative_to(config_file.resolve().parent)
    except ValueError:
        return f"{docs_dir.as_posix().rstrip('/')}/"
    return "" if relative == Path() else f"{relative.as_posix()}/"


def _ids_of(path: str) -> set[str]:
    """The ids a content path defines: a handle, a group slug, or a note's id and key (a
    folder note, `notes/<folder>/index.md`, is named by its folder)."""
    parts = path.removesuffix(".md").split("/")
    if parts[0] == "people" and len(parts) == 2:
        return {parts[1]}
    if parts[0] == "groups" and len(parts) == 3 and parts[2] == "index":
        return {parts[1]}
    if parts[0] == "notes" and len(parts) >= 3 and parts[-1] == "index":
        parts.pop()
    if parts[0] in ("notes", "groups") and len(parts) >= 2 and parts != ["notes", "index"]:
        return {parts[-1], "/".join(parts)}
    return set()


def _names_other_than(bodies: list[str], handles: frozenset[str]) -> bool:
    """Whether some `@name` in `bodies` is not a handle: only then do logins matter."""
    return any(
        ref.kind is RefKind.MENTION and ref.target.lower() not in handles
        for body in bodies
        if "@" in body
        for ref in find_references(body)
    )


def _response_folder(path: str) -> str:
    """The note a response file names: its folder under responses/."""
    return path.removeprefix(f"{RESPONSES_DIR}/").rpartition("/")[0]


def _threads_of(read: set[str], layout: Layout, index: Index) -> set[str]:
    """The files a check of `read` needs beside them: for a response, its note and the other
    responses to it (reply_to, accepted); for a note, its responses."""
    keys = {index.find_note(_response_folder(p)) for p in read if p.startswith(f"{RESPONSES_DIR}/")}
    keys |= {note_key(p) for p, _ in layout.notes if p in read}
    keys.discard(None)
    notes = {p for p, _ in layout.notes if note_key(p) in keys}
    responses = {p for p in layout.responses if index.find_note(_response_folder(p)) in keys}
    return notes | responses


@dataclass(frozen=True, slots=True)
class ChangeReport:
    problems: list[Problem]
    files_checked: int


def check_changes(
    config_file: Path, docs_dir: Path, extra: Any, theme_language: str | None, changes: Changes
) -> ChangeReport:
    """The problems a change brings: those in the files it touches, and those it causes in
    files it did not touch (a removed person that notes still credit).

    Reads only the touched files, the files that name a removed id, and the groups' index
    files (for audiences): a merge request's check stays fast on a large community.
    """
    root = config_file.resolve().parent
    settings, settings_problems = load_settings(extra, config_file, theme_language)
    content = docs_dir.resolve().relative_to(root).as_posix()

    def in_content(paths: frozenset[str]) -> set[str]:
        return {p.removeprefix(content + "/") for p in paths if p.startswith(content + "/")}

    touched, removed = in_content(changes.touched), in_content(changes.removed)
    removed_ids = set().union(*(_ids_of(p) for p in removed)) if removed else set()
    layout = scan(docs_dir, max_bytes=settings.max_file_bytes)
    every = [*layout.people, *layout.groups, *(p for p, _ in layout.notes), *layout.responses]
    naming_removed = set()
    if removed_ids:
        for path in every:
            if path not in touched:
                if path.startswith(f"{RESPONSES_DIR}/") and _response_folder(path) in removed_ids:
                    naming_removed.add(path)
                    continue
                text = (docs_dir / path).read_text(encoding="utf-8", errors="replace")
                if any(i in text for i in removed_ids):
                    naming_removed.add(path)
    read = touched | naming_removed
    index = layout.index()
    threads = _threads_of(read, layout, index)
    loaded = load_content(docs_dir, read | threads | set(layout.groups), layout)
    bodies = [
        r.body for r in (*loaded.people, *loaded.groups, *loaded.notes, *loaded.responses) if r.path in read
    ]
    if _names_other_than(bodies, index.people):
        # An `@login` mention resolves through every profile's links: read those keys alone.
        index = replace(index, logins=profile_logins(docs_dir, layout))
    found = list(loaded.problems)
    # A changed `manager:` may close a loop through profiles the change did not touch.
    managers = profile_managers(docs_dir, layout) if touched & set(layout.people) else None
    found += validate(
        loaded.people,
        loaded.groups,
        [n for n in loaded.notes if n.path in read],
        index,
        Rules(settings.audiences),
        all_groups={g.slug: g for g in loaded.groups},
        pages=loaded.pages,
        responses=loaded.responses,
        thread_notes={n.key: n for n in loaded.notes},
        managers=managers,
    )
    kept = [
        p
        for p in found
        if p.path in touched
        or (
            p.path in naming_removed
            and (
                p.key.startswith("problem.response_note")
                or any(
                    f"'{i}'" in p.message or f"[[{i}]]" in p.message or f"@{i}'" in p.message
                    for i in removed_ids
                )
            )
        )
        or (p.path in layout.group_folders_without_index and any(t.startswith(p.path + "/") for t in touched))
    ]
    prefix = _shown_prefix(config_file, docs_dir)
    problems = [replace(p, path=prefix + p.path) for p in kept]
    if config_file.name in changes.touched:
        problems += settings_problems
    owners_touched = any(path in changes.touched for path in LOCATIONS)
    if owners_touched or any(p.startswith(("groups/", "people/")) for p in touched | removed):
        animators = {h for g in loaded.groups for h in g.fields.animators}
        profiles = load_content(docs_dir, {f"people/{h}.md" for h in animators}, layout).people
        community = Community.build(profiles, loaded.groups, [])
        problems += _codeowners_problems(config_file, docs_dir, community, settings)
    return ChangeReport(sorted(problems), len(touched | naming_removed))
