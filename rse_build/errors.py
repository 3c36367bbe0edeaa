"""Located problems: what a contributor can get wrong, and where."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Final

from rse_build.i18n import STRINGS, Translator

# Every problem's `message` is its English text: tests, fingerprints and `--changed-since`
# read it; people read `localized(t)`.
ENGLISH: Final = Translator("en")

Params = tuple[tuple[str, str | int], ...]


class Severity(StrEnum):
    """How much a problem matters: an error stops every build, a warning stops a `--strict`
    one, advice (a suggestion such as "add your skills") never stops anything."""

    ERROR = "error"
    WARNING = "warning"
    ADVICE = "advice"


def _in_table(key: str) -> bool:
    """Whether the table holds `key`, as a sentence or as a count (`key.one`, `key.other`)."""
    return key in STRINGS or f"{key}.other" in STRINGS


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in one file, pointing at a line and column (both 1-based).

    `rule` names the message's template ('skills'), so that many files with the same
    warning or advice can be told once. `key` and `params` say the message through the
    translation table (rse_build/i18n.py), in any language; made by `Problem.of`. None of
    the three takes part in comparisons.
    """

    path: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    rule: str = field(default="", compare=False)
    key: str = field(default="", compare=False)
    params: Params = field(default=(), compare=False)

    @classmethod
    def of(
        cls,
        path: str,
        line: int,
        column: int,
        key: str,
        /,
        *,
        severity: Severity = Severity.ERROR,
        rule: str = "",
        **params: str | int,
    ) -> Problem:
        """A problem said by a key of the table; its `message` is the English text."""
        return cls(path, line, column, ENGLISH(key, **params), severity, rule, key, tuple(params.items()))

    def rephrased(self, key: str, /, **params: str | int) -> Problem:
        """This problem said through `key`, when the table's English for it is this very
        message; else unchanged. Messages worded by another library (pydantic) are translated
        where the table knows them word for word, and keep that library's English otherwise
        (another version of it may word them differently, or give other values)."""
        if not _in_table(key):
            return self
        try:
            english = ENGLISH(key, **params)
        except KeyError:
            return self
        return replace(self, key=key, params=tuple(params.items())) if english == self.message else self

    def localized(self, t: Translator) -> str:
        """The message in `t`'s language; a problem made without a key was already written in
        the community's language (`rse import`'s)."""
        return t(self.key, **dict(self.params)) if self.key else self.message

    def located(self, t: Translator) -> str:
        """`path:line:column: message` in `t`'s language; the `warning:` and `advice:`
        prefixes stay English, as CI problem matchers look for them."""
        return self._line(self.localized(t))

    def _line(self, message: str) -> str:
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        return f"{self.path}:{self.line}:{self.column}: {prefix}{message}"

    def __str__(self) -> str:
        return self._line(self.message)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def fails(self, strict: bool) -> bool:
        """Errors always fail a check or a build; warnings with --strict; advice never."""
        return self.is_error or (strict and self.severity is Severity.WARNING)


class ContentError(Exception):
    """Content problems stopped a command: the one failure of this family, printed once at the
    command line's edge (exit 1). It carries every problem found, whether warnings counted
    (`strict`), and the translation key of what was not done (given `failing`, the count)."""

    def __init__(
        self, problems: list[Problem], *, strict: bool = False, outcome: str | None = "check.nothing_built"
    ) -> None:
        self.problems = sorted(problems)
        self.strict = strict
        self.outcome = outcome
        super().__init__("\n".join(str(p) for p in self.problems))


class EnvironmentProblem(Exception):
    """The environment, not the content, is wrong (not a git repository, a shallow clone, an
    unknown audience, a site folder that cannot be replaced, MkDocs refusing mkdocs.yml).

    Every such failure subclasses this one class, caught once at the command line's edge
    (exit 2). It is raised with a key of the translation table and its params, and said in the
    community's language by `said(t)`, inside `frame` when a subclass names one (a key taking
    `{error}`). Text from another program (git's stderr, MkDocs' message, Pagefind's output, an
    OS error) is a param, left as that program wrote it. `str(error)` is the English."""

    frame: str = ""

    def __init__(self, key: str, /, **params: str | int) -> None:
        self.key = key
        self.params = params
        super().__init__(self.said(ENGLISH))

    def said(self, t: Translator) -> str:
        """The message in `t`'s language, framed when the subclass names a frame."""
        message = t(self.key, **self.params)
        return t(self.frame, error=message) if self.frame else message


def hinted(key: str, close: str | None) -> tuple[str, dict[str, str]]:
    """`key`, or `key_close` with what a typo most likely meant (its "did you mean ...?")."""
    return (f"{key}_close", {"close": close}) if close else (key, {})


def validation_problem(path: str, line: int, column: int, where: str, detail: Mapping[str, Any]) -> Problem:
    """One pydantic error as `{where}: {pydantic's message}`, said through
    `problem.input.<its type>` where the table knows that type word for word (the common
    ones); a rare type keeps pydantic's English reason inside a translated frame."""
    said = Problem.of(path, line, column, "problem.input", where=where, reason=str(detail["msg"]))
    return said.rephrased(f"problem.input.{detail['type']}", where=where, **validation_params(detail))


def validation_params(detail: Mapping[str, Any]) -> dict[str, str | int]:
    """The values a pydantic error's message is made of, as the table's keys name them:
    `ge`, `gt` as pydantic writes them (`0`, not `0.0`), a count as `n`, and the choices of
    `'a', 'b' or 'c'` split so that each language says its own "or"."""
    params: dict[str, str | int] = {}
    for name, value in (detail.get("ctx") or {}).items():
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        params[name] = value if isinstance(value, int) else str(value)
    if isinstance(length := params.get("min_length"), int):
        params["n"] = length
    if " or " in (expected := str(params.get("expected", ""))):
        params["choices"], params["last"] = expected.rsplit(" or ", 1)
    return params
