"""'Propose a change' and 'discuss' links to the repository's web pages (GitHub, GitLab and
hosts with GitHub's URL layout, such as Gitea and Forgejo)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit


@dataclass(frozen=True, slots=True)
class RepoLinks:
    repo_url: str
    branch: str
    content_prefix: str

    @property
    def _gitlab(self) -> bool:
        return "gitlab" in urlsplit(self.repo_url).netloc

    def edit(self, path: str) -> str:
        """The web editor's page for `path` (under content/)."""
        action = "-/edit" if self._gitlab else "edit"
        return f"{self.repo_url}/{action}/{quote(self.branch)}/{quote(self.content_prefix + path)}"

    def folder(self, path: str) -> str:
        """The repository's page listing a folder under content/ (where one finds one's profile)."""
        action = "-/tree" if self._gitlab else "tree"
        return f"{self.repo_url}/{action}/{quote(self.branch)}/{quote(self.content_prefix + path)}"

    def discuss(self, title: str) -> str:
        """A new issue about the page, its title filled in."""
        if self._gitlab:
            return f"{self.repo_url}/-/issues/new?issue%5Btitle%5D={quote(title)}"
        return f"{self.repo_url}/issues/new?title={quote(title)}"
