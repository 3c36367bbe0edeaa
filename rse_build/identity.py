"""Git identities → people: .mailmap is applied by git itself, then profiles' `emails`."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass

from rse_build.history import Identity
from rse_build.model import Person


@dataclass(frozen=True, slots=True)
class Resolver:
    """Who an identity is: a handle, nobody (unmatched), or a bot never counted."""

    by_email: dict[str, str]
    bots: tuple[str, ...] = ()

    @classmethod
    def from_people(cls, people: Iterable[Person], bots: Iterable[str] = ()) -> Resolver:
        by_email = {}
        for person in sorted(people, key=lambda p: p.handle):
            for email in person.fields.emails:
                by_email.setdefault(email.strip().lower(), person.handle)
        return cls(by_email, tuple(b.lower() for b in bots))

    def is_bot(self, identity: Identity) -> bool:
        return any(fnmatch.fnmatchcase(identity.email, pattern) for pattern in self.bots)

    def handle(self, identity: Identity) -> str | None:
        return self.by_email.get(identity.email)
