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
    """Mentions and wiki links in `body`, in order; `body_line` is the file line of its start."""
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
