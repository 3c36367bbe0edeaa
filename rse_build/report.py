"""Problems rendered for people (text), GitHub workflow annotations, GitLab Code Quality and
other tools (JSON). Pure functions: the command line prints what they return.

Every format groups crowds of one warning or advice the same way (rse_build/summary.py):
text, github and gitlab tell a crowd once unless `verbose`; json keeps every problem and adds
the summaries beside them.

Every format says messages in the community's language (people read annotations in merge
requests too); the `warning:` and `advice:` prefixes and the severities stay English for the
tools that match them. json adds each problem's `key` and `params`: a stable id and its values,
whatever the language; GitLab's fingerprints come from the English text, so switching a
community's language does not make every problem look new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from rse_build.errors import Problem, Severity
from rse_build.i18n import STRINGS, Translator
from rse_build.summary import Grouped, Summary, summarize

FORMATS = ("text", "github", "gitlab", "json")


def relocated(problems: Iterable[Problem], root: Path, here: Path) -> list[Problem]:
    """Problems name files from the community's root; shown from `here` (where the user runs
    rse: inside the community, or a folder above it), so a terminal or an editor opened there
    finds them. From anywhere else they stay as they are."""
    problems = list(problems)
    root, here = root.resolve(), here.resolve()
    if root == here or not (here.is_relative_to(root) or root.is_relative_to(here)):
        return problems
    return [replace(p, path=Path(os.path.relpath(root / p.path, here)).as_posix()) for p in problems]


def summary_text(summary: Summary, t: Translator) -> str:
    """'advice: 4,999 profiles have no skills yet, e.g. a.md, b.md, c.md (rse check --verbose
    lists them all)'; a template with no sentence of its own is quoted."""
    key = f"summary.{summary.rule}" if f"summary.{summary.rule}.other" in STRINGS else "summary.same"
    what = t(key, n=summary.count, message=summary.problems[0].localized(t))
    line = t("summary.line", what=what, examples=", ".join(summary.examples))
    return f"{summary.severity.value}: {line}"


def _text(grouped: Grouped, t: Translator) -> str:
    lines = [summary_text(s, t) for s in grouped.summaries] + [p.located(t) for p in grouped.located]
    return "".join(f"{line}\n" for line in lines)


def _github_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.ADVICE: "notice"}


def _github(grouped: Grouped, t: Translator) -> str:
    """Workflow commands: GitHub shows each on the merge request's diff, at its line; a crowd
    is one annotation on the run."""
    lines = []
    for s in grouped.summaries:
        level, text = _GITHUB_LEVELS[s.severity], _github_escape(summary_text(s, t))
        lines.append(f"::{level} title=rse check::{text}\n")
    for p in grouped.located:
        path = _github_escape(p.path, property_value=True)
        where = f"file={path},line={p.line},col={p.column},title=rse check"
        lines.append(f"::{_GITHUB_LEVELS[p.severity]} {where}::{_github_escape(p.localized(t))}\n")
    return "".join(lines)


def _fingerprint(*parts: object) -> str:
    """Stable across runs, so GitLab tells new problems from fixed ones."""
    return hashlib.sha256("\0".join(str(part) for part in parts).encode()).hexdigest()


_GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.ADVICE: "info"}


def _gitlab(grouped: Grouped, t: Translator) -> str:
    """A Code Quality report (the merge request widget reads it as an artifact); a crowd is
    one entry at its first file, with a fingerprint that survives its count changing."""
    report = [
        {
            "description": summary_text(s, t),
            "check_name": "rse-check",
            "fingerprint": _fingerprint("summary", s.severity.value, s.rule or s.message),
            "severity": _GITLAB_SEVERITIES[s.severity],
            "location": {"path": s.problems[0].path, "lines": {"begin": s.problems[0].line}},
        }
        for s in grouped.summaries
    ] + [
        {
            "description": p.localized(t),
            "check_name": "rse-check",
            "fingerprint": _fingerprint(p.path, p.line, p.column, p.message),
            "severity": _GITLAB_SEVERITIES[p.severity],
            "location": {"path": p.path, "lines": {"begin": p.line}},
        }
        for p in grouped.located
    ]
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _json(problems: list[Problem], t: Translator) -> str:
    """Every problem, and the summaries a person would read instead of the crowds."""
    report = {
        "errors": sum(p.severity is Severity.ERROR for p in problems),
        "warnings": sum(p.severity is Severity.WARNING for p in problems),
        "advice": sum(p.severity is Severity.ADVICE for p in problems),
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "severity": p.severity.value,
                "message": p.localized(t),
                "rule": p.rule or None,
                "key": p.key or None,
                "params": dict(p.params),
            }
            for p in problems
        ],
        "summaries": [
            {
                "severity": s.severity.value,
                "rule": s.rule or None,
                "count": s.count,
                "message": summary_text(s, t),
                "examples": list(s.examples),
            }
            for s in summarize(problems).summaries
        ],
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


_GROUPED: dict[str, Callable[[Grouped, Translator], str]] = {
    "text": _text,
    "github": _github,
    "gitlab": _gitlab,
}


def render(problems: Iterable[Problem], fmt: str, t: Translator, *, verbose: bool = False) -> str:
    ordered = sorted(problems)
    if fmt == "json":
        return _json(ordered, t)
    return _GROUPED[fmt](summarize(ordered, verbose=verbose), t)
