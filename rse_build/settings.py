"""Community settings from `mkdocs.yml`'s `extra.rse`, typed, each with its default."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rse_build.errors import Problem

LANGUAGES = ("en", "fr")
DEFAULT_AUDIENCES: dict[str, tuple[str, ...]] = {
    "public": ("public",),
    "internal": ("public", "internal"),
}


@dataclass(frozen=True, slots=True)
class Privacy:
    min_group: int = 3


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a community can set; the demo runs with none of it."""

    name: str | None = None
    language: str = "en"
    default_audience: str = "internal"
    audiences: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_AUDIENCES))
    privacy: Privacy = field(default_factory=Privacy)
    bots: tuple[str, ...] = ()
    repo_url: str | None = None
    edit_branch: str = "main"
    search_threshold: int = 2000

    def labels_for(self, audience: str) -> tuple[str, ...]:
        return self.audiences.get(audience, (audience,))


def _locate(config_file: Path | None, keys: tuple[str, ...]) -> tuple[int, int]:
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
        if not isinstance(node, yaml.MappingNode):
            break
        match = next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), None)
        if match is None:
            break
        found = (match[0].start_mark.line + 1, match[0].start_mark.column + 1)
        node = match[1]
    return found


def load_settings(
    extra: Any, config_file: Path | None, theme_language: str | None = None
) -> tuple[Settings, list[Problem]]:
    """Read `extra.rse`; each bad value is a located problem and falls back to its default."""
    shown = config_file.name if config_file else "mkdocs.yml"
    problems: list[Problem] = []

    def problem(keys: tuple[str, ...], message: str) -> None:
        line, column = _locate(config_file, keys)
        problems.append(Problem(shown, line, column, f"extra.rse.{'.'.join(keys)}: {message}"))

    raw = extra.get("rse") if isinstance(extra, Mapping) else None
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        problem((), "must be a mapping of settings")
        raw = {}
    values: dict[str, Any] = {}

    name = raw.get("name")
    if name is not None:
        values["name"] = str(name)

    language = raw.get("language", theme_language or "en")
    language = str(language).split("_")[0].split("-")[0].lower()
    if language in LANGUAGES:
        values["language"] = language
    elif "language" in raw:
        problem(("language",), f"'{raw['language']}' is not supported; use one of {', '.join(LANGUAGES)}")

    audiences = raw.get("audiences")
    if audiences is not None:
        if isinstance(audiences, dict) and all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in audiences.values()
        ):
            values["audiences"] = {str(k): tuple(v) for k, v in audiences.items()}
        else:
            problem(
                ("audiences",),
                "must map each audience to a list of labels, e.g. internal: [public, internal]",
            )

    default_audience = raw.get("default_audience")
    if default_audience is not None:
        known = values.get("audiences", DEFAULT_AUDIENCES)
        if default_audience in known:
            values["default_audience"] = str(default_audience)
        else:
            problem(
                ("default_audience",),
                f"'{default_audience}' is not one of the audiences ({', '.join(known)})",
            )

    privacy = raw.get("privacy")
    if privacy is not None:
        min_group = privacy.get("min_group") if isinstance(privacy, dict) else None
        if isinstance(min_group, int) and not isinstance(min_group, bool) and min_group >= 1:
            values["privacy"] = Privacy(min_group=min_group)
        elif min_group is not None or not isinstance(privacy, dict):
            problem(("privacy", "min_group"), "must be a whole number of at least 1")

    bots = raw.get("bots")
    if bots is not None:
        if isinstance(bots, list) and all(isinstance(b, str) for b in bots):
            values["bots"] = tuple(bots)
        else:
            problem(("bots",), "must be a list of e-mail patterns, e.g. ['*[bot]@*']")

    for key in ("repo_url", "edit_branch"):
        value = raw.get(key)
        if value is not None:
            if isinstance(value, str) and value:
                values[key] = value.rstrip("/") if key == "repo_url" else value
            else:
                problem((key,), "must be text")

    threshold = raw.get("search_threshold")
    if threshold is not None:
        if isinstance(threshold, int) and not isinstance(threshold, bool) and threshold >= 0:
            values["search_threshold"] = threshold
        else:
            problem(("search_threshold",), "must be a whole number of notes")

    return Settings(**values), problems
