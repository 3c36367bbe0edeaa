"""'Propose a change' and 'discuss' links to the repository's web pages (GitHub, GitLab and
hosts with GitHub's URL layout, such as Gitea and Forgejo), and the new-file pages that the
compose forms open with the file filled in."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

# Above this length a host may refuse the address (414 URI Too Long): the text is copied instead.
MAX_URL_LENGTH = 8000


def url_component(text: str) -> str:
    """`text` escaped as JavaScript's encodeURIComponent escapes it, so that the address the
    compose page's script makes and this module's are the same, byte for byte."""
    return quote(text, safe="!*'()")


@dataclass(frozen=True, slots=True)
class NewFilePage:
    """A git host's new-file page that takes the file's path and text from its address:
    GitHub `new/<branch>?filename=…&value=…`, GitLab `-/new/<branch>?file_name=…&content=…`."""

    base: str
    path_param: str
    text_param: str

    def url(self, path: str, text: str) -> str:
        """`path` from the repository's root."""
        return f"{self.base}?{self.path_param}={url_component(path)}&{self.text_param}={url_component(text)}"


@dataclass(frozen=True, slots=True)
class RepoLinks:
    repo_url: str
    branch: str
    content_prefix: str

    @property
    def host(self) -> str:
        """The host's name as a reader knows it ('github.com', 'gitlab.example.com')."""
        return urlsplit(self.repo_url).netloc

    @property
    def _gitlab(self) -> bool:
        return "gitlab" in self.host

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

    @property
    def new_file_page(self) -> NewFilePage | None:
        """The new-file page that fills a file in from its address: GitHub's and GitLab's; None
        for other hosts (their pages do not read the file from the address)."""
        branch = quote(self.branch)
        if self._gitlab:
            return NewFilePage(f"{self.repo_url}/-/new/{branch}", "file_name", "content")
        if "github" in self.host:
            return NewFilePage(f"{self.repo_url}/new/{branch}", "filename", "value")
        return None

    def new_file(self, path: str, text: str) -> str | None:
        """The host's page creating `path` (under content/) with `text` in it, ready to commit;
        None where the host cannot fill a file in from its address."""
        page = self.new_file_page
        return None if page is None else page.url(self.content_prefix + path, text)

    def new_file_in(self, folder: str) -> str:
        """The host's empty new-file page in `folder` (under content/): where the host cannot
        fill the file in, one pastes it there."""
        action = "-/new" if self._gitlab else "new"
        return f"{self.repo_url}/{action}/{quote(self.branch)}/{quote(self.content_prefix + folder)}"
