"""Community settings from `mkdocs.yml`'s `extra.rse`: one pydantic model, every field with
its default, every bad value a located problem that falls back to the default."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from rse_build.errors import Problem, Severity, hinted, validation_problem
from rse_build.model import DEFAULT_LABEL, TimeZone

LANGUAGES = ("en", "fr")
DEFAULT_AUDIENCES: dict[str, tuple[str, ...]] = {
    "public": ("public",),
    "internal": ("public", "internal"),
}


class Privacy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_group: int = Field(3, ge=1, description="Groups smaller than this show no monthly figures.")
    person_figures: bool = Field(
        True,
        description="false: no per-person figure anywhere (stats.json's people, profiles' contributions).",
    )


class Settings(BaseModel):
    """Everything a community can set; the demo runs with almost none of it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = Field(None, description="The community's name (default: site_name).")
    language: Literal["en", "fr"] = "en"
    default_audience: str = "internal"
    audiences: dict[str, tuple[str, ...]] = Field(default_factory=lambda: dict(DEFAULT_AUDIENCES))
    privacy: Privacy = Field(default_factory=Privacy)
    bots: tuple[str, ...] = Field(
        (), description="Addresses of identities never counted; only * is a wildcard."
    )
    repo_url: str | None = Field(None, description="The repository's web URL, for edit links.")
    edit_branch: str = "main"
    search_threshold: int = Field(2000, ge=0, description="Notes above which search is chunked.")
    sanitize: bool = Field(
        True, description="Clean HTML written in Markdown bodies; false only for fully trusted communities."
    )
    max_file_mb: float = Field(10, gt=0, description="Files in content/ above this size are refused.")
    timezone: TimeZone | None = Field(
        None, description="Events' time zone when they name none (IANA, e.g. Europe/Paris); none: floating."
    )

    @model_validator(mode="after")
    def _default_audience_exists(self) -> Settings:
        if self.default_audience not in self.audiences:
            raise PydanticCustomError(
                "default_audience",
                "default_audience '{audience}' is not one of the audiences ({known})",
                {"audience": self.default_audience, "known": ", ".join(self.audiences)},
            )
        return self

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


def docs_dir_named(config_file: Path) -> Path:
    """The docs_dir mkdocs.yml names (MkDocs' default: docs/), read without MkDocs: what rse
    starts before MkDocs is imported needs no more. Composed, so `!!python/name` tags pass."""
    name = "docs"
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        node = None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if getattr(key, "value", None) == "docs_dir" and isinstance(value, yaml.ScalarNode):
                name = value.value
    return config_file.parent / name


def _locate(config_file: Path | None, keys: tuple[str | int, ...]) -> tuple[int, int]:
    """Line and column of `extra.rse.<keys>` in mkdocs.yml; (1, 1) when it cannot be found.

    Composing (not constructing) the YAML tolerates MkDocs' `!!python/name` tags.
    """
    if config_file is None:
        return 1, 1
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 1, 1
    found = (1, 1)
    for key in ("extra", "rse", *keys):
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if getattr(k, "value", None) == str(key)), None)
            if match is None:
                break
            found = (match[0].start_mark.line + 1, match[0].start_mark.column + 1)
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            found = (node.start_mark.line + 1, node.start_mark.column + 1)
        else:
            break
    return found


def _unseen_default_label(settings: Settings, config_file: Path | None, shown: str) -> list[Problem]:
    """Pages without a label are `internal`: an audience list without it hides them all."""
    if any(DEFAULT_LABEL in labels for labels in settings.audiences.values()):
        return []
    line, column = _locate(config_file, ("audiences",))
    return [
        Problem.of(
            shown, line, column, "problem.unseen_label", severity=Severity.WARNING, label=DEFAULT_LABEL
        )
    ]


def load_settings(
    extra: Any, config_file: Path | None, theme_language: str | None = None
) -> tuple[Settings, list[Problem]]:
    """Read `extra.rse`; each bad value is a located problem and falls back to its default."""
    shown = config_file.name if config_file else "mkdocs.yml"
    problems: list[Problem] = []
    raw = extra.get("rse") if isinstance(extra, Mapping) else None
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        line, column = _locate(config_file, ())
        problems.append(Problem.of(shown, line, column, "problem.settings_not_mapping"))
        raw = {}
    data = dict(raw)
    if "language" not in data and theme_language:
        language = str(theme_language).split("_")[0].split("-")[0].lower()
        if language in LANGUAGES:
            data["language"] = language
    try:
        settings = Settings.model_validate(data)
        return settings, problems + _unseen_default_label(settings, config_file, shown)
    except ValidationError as error:
        wrong = set()
        for detail in error.errors():
            loc = tuple(detail["loc"])
            line, column = _locate(config_file, loc)
            where = "extra.rse" + "".join(f".{part}" for part in loc)
            if detail["type"] == "extra_forbidden":
                close = difflib.get_close_matches(str(loc[-1]), list(Settings.model_fields), n=1)
                key, hint = hinted("problem.unknown_setting", close[0] if close and len(loc) == 1 else None)
                problems.append(
                    Problem.of(shown, line, column, key, severity=Severity.WARNING, where=where, **hint)
                )
            else:
                problems.append(validation_problem(shown, line, column, where, detail))
            wrong.add(loc[0] if loc else "default_audience")
    cleaned = {k: v for k, v in data.items() if k not in wrong}
    try:
        return Settings.model_validate(cleaned), sorted(problems)
    except ValidationError:
        return Settings(), sorted(problems)


@dataclass(frozen=True)
class CommunityConfig:
    """What rse reads of a community's mkdocs.yml, as MkDocs reads it: the adapter fills it
    from MkDocs' configuration, every command starts from it."""

    config_file: Path | None
    docs_dir: Path
    site_dir: Path
    extra: Mapping[str, Any]
    theme_language: str | None = None
    site_name: str = ""
    site_url: str = ""
    directory_urls: bool = True

    @property
    def root(self) -> Path:
        """The community's root, where mkdocs.yml is: commands run from there."""
        return self.config_file.parent if self.config_file else Path.cwd()

    @cached_property
    def loaded_settings(self) -> tuple[Settings, list[Problem]]:
        return load_settings(self.extra, self.config_file, self.theme_language)

    @property
    def settings(self) -> Settings:
        return self.loaded_settings[0]
