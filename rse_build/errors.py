"""Located problems: what a contributor can get wrong, and where."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How much a problem matters: an error stops every build, a warning stops a `--strict`
    one, advice (a suggestion such as "add your skills") never stops anything."""

    ERROR = "error"
    WARNING = "warning"
    ADVICE = "advice"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in one file, pointing at a line and column (both 1-based).

    `rule` names the message's template ('skills'), so that many files with the same
    warning or advice can be told once; it takes no part in comparisons.
    """

    path: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    rule: str = field(default="", compare=False)

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        return f"{self.path}:{self.line}:{self.column}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def fails(self, strict: bool) -> bool:
        """Errors always fail a check or a build; warnings with --strict; advice never."""
        return self.is_error or (strict and self.severity is Severity.WARNING)


class ContentError(Exception):
    """Raised at the edge when problems stop a command; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class EnvironmentProblem(Exception):
    """The environment, not the content, is wrong (not a git repository, no mkdocs.yml)."""
