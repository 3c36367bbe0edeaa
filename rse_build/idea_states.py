"""When each idea last changed state (proposed → accepted → done), read from git.

The history pass knows which commits changed each idea's file but not what they wrote. One
`git cat-file --batch` reads the file as each of those commits left it: its cost grows with the
ideas' revisions, never with pages × commits, and no git command is run per idea.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from rse_build.frontmatter import Parsed, split
from rse_build.history import History, open_repository
from rse_build.model import IdeaState


@dataclass(frozen=True, slots=True)
class StateChange:
    """An idea's last change of state: at `timestamp` (the commit's author time) it went from
    `previous` to `state`."""

    timestamp: int
    previous: IdeaState
    state: IdeaState


def _state(text: str) -> IdeaState | None:
    parsed = split(text)
    if not isinstance(parsed, Parsed):
        return None
    try:
        return IdeaState(str(parsed.data.get("state", IdeaState.PROPOSED)).strip().lower())
    except ValueError:
        return None


def _texts(root: Path, names: list[str]) -> Iterator[str | None]:
    """Each `<commit>:<path>`'s text, or None where that commit had no such file (the idea had
    another name then). GitPython keeps one `git cat-file --batch` for all of them."""
    with open_repository(root) as repo:
        for name in names:
            try:
                _, kind, _, data = repo.git.get_object_data(name)
            except ValueError:
                yield None
                continue
            yield data.decode("utf-8", errors="replace") if kind == b"blob" else None


# The last answer, by repository, commit and ideas: `rse build --all-audiences` asks once per
# audience for the same ideas at the same commit, and git is read once.
_LAST: dict[tuple[str, str, str, tuple[tuple[str, str], ...]], dict[str, StateChange]] = {}


def last_state_changes(root: Path, history: History, ideas: Mapping[str, str]) -> dict[str, StateChange]:
    """The last change of state of each idea (key → path under the content folder) that ever
    changed state; an idea still in its first state is not there."""
    key = (str(root.resolve()), history.head, history.prefix, tuple(sorted(ideas.items())))
    if key not in _LAST:
        _LAST.clear()
        _LAST[key] = _read_changes(root, history, ideas)
    return _LAST[key]


def _read_changes(root: Path, history: History, ideas: Mapping[str, str]) -> dict[str, StateChange]:
    prefix = f"{history.prefix}/" if history.prefix else ""
    requests: list[tuple[str, int]] = []
    names: list[str] = []
    for key, path in sorted(ideas.items()):
        facts = history.files.get(prefix + path)
        if facts is None or len(facts.commits) < 2:
            continue
        for number in facts.commits:
            commit = history.commits[number]
            requests.append((key, commit.timestamp))
            names.append(f"{commit.sha}:{prefix}{path}")
    changes: dict[str, StateChange] = {}
    previous: dict[str, IdeaState] = {}
    for (idea, timestamp), text in zip(requests, _texts(root, names), strict=True):
        state = _state(text) if text is not None else None
        if state is None:
            continue
        before = previous.get(idea)
        if before is not None and before is not state:
            changes[idea] = StateChange(timestamp, before, state)
        previous[idea] = state
    return changes
