"""Git host logins named in profiles' `links`: how a no-reply commit address and an `@login`
mention find their person. One reading of a link, shared by both."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import urlsplit

HOSTS = ("github", "gitlab")


def repository_host(repo_url: str | None) -> str:
    """'gitlab' when the repository lives on a GitLab, else 'github'."""
    return "gitlab" if repo_url and "gitlab" in urlsplit(repo_url).netloc.lower() else "github"


def login(link: str) -> str:
    """'https://github.com/Ada-L/' → 'ada-l'; a bare login ('Ada-L', '@ada-l') stays itself.
    Git hosts compare logins without case."""
    return link.strip().rstrip("/").rsplit("/", 1)[-1].removeprefix("@").lower()


def host_logins(links: Mapping[str, object]) -> Iterator[tuple[str, str]]:
    """(host, login) for each git host a profile's `links` names."""
    for host in HOSTS:
        link = links.get(host)
        if isinstance(link, str) and (name := login(link)):
            yield host, name


def login_table(links_by_handle: Iterable[tuple[str, Mapping[str, object]]]) -> dict[str, str]:
    """login → handle, whatever the host; a login two profiles claim goes to the first handle
    in order, so the answer never depends on file order."""
    table: dict[str, str] = {}
    for handle, links in sorted(links_by_handle, key=lambda pair: pair[0]):
        for _host, name in host_logins(links):
            table.setdefault(name, handle)
    return dict(sorted(table.items()))
