"""`@handle` mentions and `[[note-id]]` wiki links found in Markdown bodies, outside code."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
# An @ preceded by a word character, a dot, a slash or another @ is an e-mail or a path.
_MENTION = re.compile(r"(?<![\w.@/+-])@([a-z0-9]+(?:-[a-z0-9]+)*)(?![\w@-]|\.[\w-])")
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


def _masked_lines(body: str) -> list[tuple[int, str, str]]:
    """(offset, original line, line with code blanked) for each line outside fenced code."""
    result = []
    offset = 0
    fence: str | None = None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
        elif fence is not None and match and match.group(1).startswith(fence):
            fence = None
        elif fence is None:
            masked = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
            result.append((offset, line, masked))
        offset += len(line) + 1
    return result


def find_references(body: str, body_line: int = 1) -> list[Reference]:
    """Mentions and wiki links in `body`, in order; `body_line` is the file line of its start."""
    references = []
    line_number = body_line - 1
    offsets = {}
    running = 0
    for index, line in enumerate(body.split("\n")):
        offsets[running] = body_line + index
        running += len(line) + 1
    for offset, _line, masked in _masked_lines(body):
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
            references.append(
                Reference(
                    RefKind.MENTION,
                    match.group(1),
                    None,
                    line_number,
                    match.start() + 1,
                    offset + match.start(),
                    offset + match.end(),
                )
            )
    return sorted(references, key=lambda r: r.start)


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
