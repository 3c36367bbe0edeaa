"""`@handle` mentions and `[[note-id]]` wiki links found in Markdown bodies, outside code.

An `@name` is a mention only when it names someone (`Mentionable`): real text is full of `@`
words that name nobody here (chat aliases, `@here`, `@org/team`, `logo@2x.png`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from rse_build.logins import login_table
from rse_build.model import Person

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
# An @ inside a word, an address or a path (`ada@x.example`, `logo@2x.png`, `medium.com/@ada`)
# starts no mention, nor one followed by `/` (`@org/team`, `@types/node`), `@` or `(` (a
# decorator). The name is a handle or a git host login: letters, digits, inner `-`, `_`, `.`;
# taken whole (atomic), so `@ada.b/c` is not read as `@ada`. `_@ada_` is emphasis.
_MENTION = re.compile(
    r"(?<![^\W_])(?<![.@/+-])@(?>([A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*))(?![^\W_]|[@/(]|[._-]\w)"
)
# Chat tools' words for a whole room, and image scale suffixes (`@2x`): never a person.
_BROADCAST = frozenset({"all", "channel", "everyone", "here"})
_SCALE = re.compile(r"\d+(?:\.\d+)?x(?![A-Za-z0-9])", re.IGNORECASE)
_LINK = re.compile(r"!?\[[^\[\]\n]*\]\([^()\n]*\)")
_TAG = re.compile(r"<[^<>\n]*>")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_PRE_OPEN = re.compile(r"<pre[\s>]", re.IGNORECASE)
_PRE_SPAN = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_WIKI = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")


class RefKind(StrEnum):
    MENTION = "mention"
    WIKI = "wiki"


@dataclass(frozen=True, slots=True)
class Reference:
    """One mention or wiki link: its target, label and place in the file (1-based)."""

    kind: RefKind
    target: str
    label: str | None
    line: int
    column: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mentionable:
    """Whom an `@name` may name: a profile's handle, or a git host login from its `links`,
    whatever the case; a handle wins over someone else's login."""

    handles: Collection[str]
    logins: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, people: Mapping[str, Person]) -> Mentionable:
        return cls(frozenset(people), login_table((h, p.fields.links) for h, p in people.items()))

    def person(self, name: str) -> str | None:
        """The handle `name` names, or None: then it is plain text."""
        lowered = name.lower()
        return lowered if lowered in self.handles else self.logins.get(lowered)

    def names(self) -> tuple[str, ...]:
        """Every handle and login, sorted: what a typo may have meant."""
        return tuple(sorted({*self.handles, *self.logins}))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _mask_inline(line: str) -> str:
    """Blank what is not prose: code spans, existing links, HTML tags."""
    for pattern in (_CODE_SPAN, _LINK, _TAG):
        line = pattern.sub(_blank, line)
    return line


def _masked_lines(body: str) -> list[tuple[int, str]]:
    """(offset, line with non-prose blanked) for each line that is prose.

    Fenced code, indented code and <pre> blocks are skipped whole. An indented line is code
    only after a blank line that follows a paragraph (after a list item it continues the item).
    """
    result = []
    offset = 0
    fence: str | None = None
    in_pre = in_code = False
    after_blank = True
    in_list = False
    for line in body.split("\n"):
        match = _FENCE.match(line)
        blank = not line.strip()
        if fence is not None:
            if match and match.group(1).startswith(fence):
                fence = None
        elif in_pre:
            in_pre = "</pre>" not in line.lower()
        elif blank:
            pass
        elif match:
            fence = match.group(1)[0] * len(match.group(1))
            # A fence at the margin after a blank line ends a list: what follows is no item's.
            in_list = in_list and not (after_blank and line[:1] in "`~")
        elif _INDENTED.match(line) and (in_code or (after_blank and not in_list)):
            in_code = True
        elif _PRE_OPEN.search(line) and "</pre>" not in line.lower():
            in_pre = True
        else:
            in_code = False
            if _LIST_ITEM.match(line):
                in_list = True
            elif not _INDENTED.match(line) and after_blank:
                in_list = False
            result.append((offset, _mask_inline(_PRE_SPAN.sub(_blank, line))))
        after_blank = blank
        offset += len(line) + 1
    return result


def find_references(body: str, body_line: int = 1) -> list[Reference]:
    """Mentions and wiki links in `body`, in order; `body_line` is the file line of its start.

    Found once per text: the check, the backlinks and the page hooks read the same bodies."""
    found = _references(body)
    if body_line == 1:
        return list(found)
    return [dataclasses.replace(ref, line=ref.line + body_line - 1) for ref in found]


@functools.lru_cache(maxsize=1 << 15)
def _references(body: str) -> tuple[Reference, ...]:
    body_line = 1
    references = []
    offsets = {}
    running = 0
    for index, line in enumerate(body.split("\n")):
        offsets[running] = body_line + index
        running += len(line) + 1
    for offset, masked in _masked_lines(body):
        line_number = offsets[offset]
        for match in _WIKI.finditer(masked):
            references.append(
                Reference(
                    RefKind.WIKI,
                    match.group(1).strip(),
                    (match.group(2) or "").strip() or None,
                    line_number,
                    match.start() + 1,
                    offset + match.start(),
                    offset + match.end(),
                )
            )
        for match in _MENTION.finditer(masked):
            name = match.group(1)
            if name.lower() in _BROADCAST or _SCALE.match(name):
                continue
            references.append(
                Reference(
                    RefKind.MENTION,
                    name,
                    None,
                    line_number,
                    match.start() + 1,
                    offset + match.start(),
                    offset + match.end(),
                )
            )
    return tuple(sorted(references, key=lambda r: r.start))


def rewrite(body: str, references: list[Reference], replace: Callable[[Reference], str | None]) -> str:
    """Replace each reference by what `replace` returns; None leaves the text as written."""
    parts = []
    cursor = 0
    for reference in references:
        replacement = replace(reference)
        if replacement is None:
            continue
        parts.append(body[cursor : reference.start])
        parts.append(replacement)
        cursor = reference.end
    parts.append(body[cursor:])
    return "".join(parts)
