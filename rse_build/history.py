"""What the git history says about the community.

The full one-pass history engine is its own piece of work; today this module answers the one
question every build needs: which commit is being built, and when was it made.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import git


@dataclass(frozen=True, slots=True)
class Head:
    sha: str
    timestamp: int


def head_commit(root: Path) -> Head | None:
    """The commit checked out at `root`, or None outside a repository or before any commit."""
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    with repo:
        try:
            commit = repo.head.commit
            return Head(sha=commit.hexsha, timestamp=commit.committed_date)
        except (ValueError, git.GitError):
            return None


@dataclass(frozen=True, slots=True)
class Changes:
    """Files a change touches, relative to the community's root (posix)."""

    touched: frozenset[str]
    removed: frozenset[str]


class GitProblem(Exception):
    """Git cannot answer (unknown ref, not a repository): an environment error, exit 2."""


def changes_since(root: Path, ref: str) -> Changes:
    """What changed between the merge base of `ref` and HEAD, plus uncommitted and untracked work.

    Renames count as a removal of the old path and a touch of the new one.
    """
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitProblem(f"{root} is not a git repository: --changed-since needs one") from None
    with repo:
        try:
            base = repo.git.merge_base(ref, "HEAD").strip()
        except git.GitCommandError:
            raise GitProblem(
                f"unknown revision '{ref}': fetch it first (e.g. git fetch origin main) or name another"
            ) from None
        status = repo.git.diff("--name-status", "-z", "-M", base, "--")
        untracked = repo.git.ls_files("--others", "--exclude-standard", "-z", "--full-name")
        top = Path(repo.working_tree_dir or root).resolve()
    touched: set[str] = set()
    removed: set[str] = set()
    fields = status.split("\0")
    position = 0
    while position < len(fields) and fields[position]:
        kind = fields[position][0]
        if kind in "RC":
            old, new = fields[position + 1], fields[position + 2]
            if kind == "R":
                removed.add(old)
            touched.add(new)
            position += 3
            continue
        path = fields[position + 1]
        (removed if kind == "D" else touched).add(path)
        position += 2
    touched.update(p for p in untracked.split("\0") if p)
    prefix = Path(root).resolve().relative_to(top).as_posix()
    prefix = "" if prefix == "." else prefix + "/"

    def under_root(paths: set[str]) -> frozenset[str]:
        return frozenset(p.removeprefix(prefix) for p in paths if p.startswith(prefix))

    return Changes(under_root(touched), under_root(removed))
