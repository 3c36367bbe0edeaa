"""Problems rendered for people (text), GitHub workflow annotations, GitLab Code Quality and
other tools (JSON). Pure functions: the command line prints what they return."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from rse_build.errors import Problem

FORMATS = ("text", "github", "gitlab", "json")


def _text(problems: list[Problem]) -> str:
    return "".join(f"{p}\n" for p in problems)


def _github_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _github(problems: list[Problem]) -> str:
    """Workflow commands: GitHub shows each on the merge request's diff, at its line."""
    lines = []
    for p in problems:
        level = "error" if p.is_error else "warning"
        path = _github_escape(p.path, property_value=True)
        where = f"file={path},line={p.line},col={p.column},title=rse check"
        lines.append(f"::{level} {where}::{_github_escape(p.message)}\n")
    return "".join(lines)


def _fingerprint(p: Problem) -> str:
    """Stable across runs, so GitLab tells new problems from fixed ones."""
    return hashlib.sha256(f"{p.path}\0{p.line}\0{p.column}\0{p.message}".encode()).hexdigest()


def _gitlab(problems: list[Problem]) -> str:
    """A Code Quality report (the merge request widget reads it as an artifact)."""
    report = [
        {
            "description": p.message,
            "check_name": "rse-check",
            "fingerprint": _fingerprint(p),
            "severity": "major" if p.is_error else "minor",
            "location": {"path": p.path, "lines": {"begin": p.line}},
        }
        for p in problems
    ]
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _json(problems: list[Problem]) -> str:
    report = {
        "errors": sum(p.is_error for p in problems),
        "warnings": sum(not p.is_error for p in problems),
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "severity": p.severity.value,
                "message": p.message,
            }
            for p in problems
        ],
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[list[Problem]], str]] = {
    "text": _text,
    "github": _github,
    "gitlab": _gitlab,
    "json": _json,
}


def render(problems: list[Problem], fmt: str) -> str:
    return RENDERERS[fmt](sorted(problems))
