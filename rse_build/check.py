"""Load and validate a whole community: the step every command runs first."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rse_build.errors import Problem
from rse_build.load import load_content
from rse_build.model import Community
from rse_build.settings import Settings, load_settings
from rse_build.validate import Rules, validate


@dataclass(frozen=True, slots=True)
class Checked:
    settings: Settings
    community: Community
    drafts: frozenset[str]
    problems: list[Problem]

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
    loaded = load_content(docs_dir)
    content_problems = list(loaded.problems)
    draft_paths = frozenset(n.path for n in loaded.notes if n.is_draft and not drafts)
    notes = [n for n in loaded.notes if n.path not in draft_paths]
    community = Community.build(loaded.people, loaded.groups, notes)
    left_out = frozenset(name for n in loaded.notes if n.path in draft_paths for name in (n.id, n.key))
    rules = Rules(settings.audiences, settings.default_audience)
    content_problems += validate(
        community.people.values(),
        community.groups.values(),
        community.notes.values(),
        community.index(),
        rules,
        left_out,
    )
    prefix = _shown_prefix(config_file, docs_dir)
    problems += [replace(p, path=prefix + p.path) for p in content_problems]
    return Checked(settings, community, draft_paths, sorted(problems))


def _shown_prefix(config_file: Path | None, docs_dir: Path) -> str:
    """Problems name files from the community's root ('content/people/ada.md'), where rse runs,
    so terminals, editors and CI annotations open them."""
    if config_file is None:
        return ""
    try:
        relative = docs_dir.resolve().relative_to(config_file.resolve().parent)
    except ValueError:
        return f"{docs_dir.as_posix().rstrip('/')}/"
    return "" if relative == Path() else f"{relative.as_posix()}/"
