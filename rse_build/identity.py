"""Git identities → people: .mailmap is applied by git itself, then profiles' `emails`, then a
git host's no-reply address through the login in a profile's `links`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rse_build.history import Identity
from rse_build.logins import host_logins
from rse_build.model import Person

# GitHub: `12345+login@users.noreply.github.com` (or `login@…` before 2017); GitLab:
# `12345-login@users.noreply.gitlab.com` or the same under a self-managed host's name.
_NOREPLY = re.compile(
    r"^(?:\d+\+)?(?P<github>[a-z0-9-]+)@users\.noreply\.github\.com$"
    r"|^\d+-(?P<gitlab>[a-z0-9_.-]+)@users\.noreply\.[a-z0-9.-]+$"
)


def bot_pattern(pattern: str) -> re.Pattern[str]:
    """A bot address pattern: literal characters, `*` for any run of them (SPEC.md): in
    `dependabot[bot]@*`, `[bot]` is those five characters, never a character class."""
    return re.compile(".*".join(re.escape(part) for part in pattern.strip().lower().split("*")))


def noreply_login(email: str) -> tuple[str, str] | None:
    """(host, login) of a git host's no-reply address, else None."""
    match = _NOREPLY.match(email)
    if match is None:
        return None
    host = "github" if match.group("github") else "gitlab"
    return host, match.group(host).lower()


@dataclass(frozen=True, slots=True)
class Resolver:
    """Who an identity is: a handle, nobody (unmatched), or a bot never counted."""

    by_email: dict[str, str]
    by_login: dict[tuple[str, str], str]
    bots: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def from_people(cls, people: Iterable[Person], bots: Iterable[str] = ()) -> Resolver:
        by_email: dict[str, str] = {}
        by_login: dict[tuple[str, str], str] = {}
        for person in sorted(people, key=lambda p: p.handle):
            for email in person.fields.emails:
                by_email.setdefault(email.strip().lower(), person.handle)
            for host_login in host_logins(person.fields.links):
                by_login.setdefault(host_login, person.handle)
        return cls(by_email, by_login, tuple(bot_pattern(b) for b in bots))

    def is_bot(self, identity: Identity) -> bool:
        return any(pattern.fullmatch(identity.email) for pattern in self.bots)

    def handle(self, identity: Identity) -> str | None:
        found = self.by_email.get(identity.email)
        if found is None and (login := noreply_login(identity.email)):
            found = self.by_login.get(login)
        return found
