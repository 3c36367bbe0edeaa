"""Load and validate a whole community: the step every command runs first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rse_build.errors import Problem
from rse_build.load import load_content
from rse_build.model import Community
from rse_build.settings import Settings, load_settings
from rse_build.validate import validate


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
    problems += loaded.problems
    draft_paths = frozenset(n.path for n in loaded.notes if n.is_draft and not drafts)
    notes = [n for n in loaded.notes if n.path not in draft_paths]
    community = Community.build(loaded.people, loaded.groups, notes)
    problems += validate(community)
    return Checked(settings, community, draft_paths, sorted(problems))
