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
