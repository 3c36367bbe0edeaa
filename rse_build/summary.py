"""Many files with the same warning or advice are told once, with a count and a few examples:
5,000 imported profiles without skills must not bury a contributor's own error.

Errors are never grouped: each keeps its `path:line:column`. A rule names its problem and its
summary in the translation table alike (`problem.skills`, `summary.skills`); a crowd without a
summary of its own quotes its first message, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rse_build.errors import Problem, Severity

# More problems than this sharing one template are told once; at most that many are few
# enough to read one by one (a merge request's own files, typically).
THRESHOLD = 5
EXAMPLES = 3


@dataclass(frozen=True, slots=True)
class Summary:
    """The problems of one severity and one message template, more than THRESHOLD of them."""

    severity: Severity
    problems: tuple[Problem, ...]

    @property
    def rule(self) -> str:
        return self.problems[0].rule

    @property
    def message(self) -> str:
        return self.problems[0].message

    @property
    def count(self) -> int:
        return len(self.problems)

    @property
    def examples(self) -> tuple[str, ...]:
        """The first few files concerned, in path order."""
        return tuple(dict.fromkeys(p.path for p in self.problems))[:EXAMPLES]


@dataclass(frozen=True, slots=True)
class Grouped:
    """What a report shows: summaries of crowds, and every other problem where it is."""

    summaries: tuple[Summary, ...]
    located: tuple[Problem, ...]


def _template(problem: Problem) -> tuple[Severity, str]:
    """Problems share a template when they share a rule, or, without one, their message."""
    return problem.severity, problem.rule or problem.message


def summarize(problems: Iterable[Problem], *, verbose: bool = False, threshold: int = THRESHOLD) -> Grouped:
    """Sorted problems, with each crowd of warnings or advice (more than `threshold` sharing a
    template) told once; `verbose` keeps every problem located."""
    ordered = sorted(problems)
    if verbose:
        return Grouped((), tuple(ordered))
    crowds: dict[tuple[Severity, str], list[Problem]] = {}
    for problem in ordered:
        if not problem.is_error:
            crowds.setdefault(_template(problem), []).append(problem)
    large = {key: members for key, members in crowds.items() if len(members) > threshold}
    summaries = sorted(
        (Summary(severity, tuple(members)) for (severity, _), members in large.items()),
        key=lambda s: (s.severity is Severity.ADVICE, s.problems[0]),
    )
    located = tuple(p for p in ordered if p.is_error or _template(p) not in large)
    return Grouped(tuple(summaries), located)
