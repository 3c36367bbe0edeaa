"""Contributors' e-mail addresses never reach the site, wherever they were written.

Each `@` (or `%40`, `&#64;`, `&commat;`) is widened once into the address-shaped text around it
(letters may be entity-encoded, as Markdown's automatic links write them), which is decoded and
looked up in a set: the cost grows with the text, not with the number of people. A regular
expression listing every address cost (addresses × text) and took most of a real handbook's build.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

_AT = r"(?:@|%40|&#0*64;|&#[xX]0*40;|&commat;)"
_AT_SIGN = re.compile(_AT)
_CHAR = r"(?:[A-Za-z0-9._+'%\-]|&#[0-9]{1,7};|&#[xX][0-9A-Fa-f]{1,6};)"
_RIGHT = re.compile(f"(?:{_CHAR}|{_AT})+")
_ENTITY_BEFORE = re.compile(r"(?:&#[0-9]{1,7};|&#[xX][0-9A-Fa-f]{1,6};)$")
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+'%-")
# How far left of an `@` a local part is looked for: 64 characters, each possibly an entity.
_REACH = 640
_SIGNS = ("@", "%40", "&#", "&commat;")


def _normal(address: str) -> str:
    return address.strip().strip(".'-").lower()


def _left_edge(text: str, at: int, floor: int) -> int:
    """Where the address-shaped run that ends at `at` starts (a bounded walk to the left)."""
    i, limit = at, max(floor, at - _REACH)
    while i > limit:
        char = text[i - 1]
        if char in _PLAIN:
            i -= 1
        elif char == ";" and (entity := _ENTITY_BEFORE.search(text, max(limit, i - 12), i)):
            i = entity.start()
        else:
            break
    return i


@dataclass(frozen=True, slots=True)
class Redactor:
    """Replaces every known address (any case, any of the encodings above), and any text that
    holds one, by a fixed text."""

    known: frozenset[str]
    replacement: str
    lengths: tuple[int, ...] = ()

    @classmethod
    def for_addresses(cls, addresses: Iterable[str], replacement: str) -> Redactor:
        known = frozenset(_normal(a) for a in addresses if "@" in a)
        return cls(known, replacement, tuple(sorted({len(a) for a in known})))

    def _holds_known(self, text: str) -> bool:
        """Whether `text` is, or contains, a known address ('xada@acme.example.org' holds
        'ada@acme.example'): a look-up per start before each `@` and per known length."""
        previous = -1
        for at, char in enumerate(text):
            if char != "@":
                continue
            for start in range(max(previous + 1, at - self.lengths[-1]), at):
                if any(text[start : start + length] in self.known for length in self.lengths):
                    return True
            previous = at
        return False

    def __call__(self, text: str) -> str:
        if not self.known or not any(sign in text for sign in _SIGNS):
            return text
        pieces: list[str] = []
        done = 0  # text before this is copied or replaced
        read = 0  # text before this is already part of a token
        for sign in _AT_SIGN.finditer(text):
            if sign.start() < read:
                continue
            start = _left_edge(text, sign.start(), read)
            right = _RIGHT.match(text, sign.end())
            end = right.end() if right else sign.end()
            read = end
            token = text[start:end].rstrip(".")
            if self._holds_known(unquote(html.unescape(token)).lower()):
                pieces += [text[done:start], self.replacement]
                done = start + len(token)
        return "".join(pieces) + text[done:] if pieces else text
