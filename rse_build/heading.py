"""The title a Markdown body gives itself: a first line `# Title` (or `Title` over `=====`).

Pages written for other tools (a handbook, an RFC collection, a docs site) carry their title
this way instead of in front matter. rse reads it as the page's title and prints the title
once, in its own place: the line is then left out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# As Python-Markdown reads them (MkDocs' renderer): `#Title` is a heading too, and a closing
# run of `#` is not part of the text.
_ATX = re.compile(r"^#(?!#)(.*?)#*$")
_SETEXT_RULE = re.compile(r"^=+ *$")
_ATTRIBUTES = re.compile(r"\s*\{:?\s*[#.][^{}\n]*\}$")
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


@dataclass(frozen=True, slots=True)
class Heading:
    """A body's leading level-1 heading: its text as plain words, and the span of its lines."""

    title: str
    start: int
    end: int


def _plain(text: str) -> str:
    """What a reader sees of a heading's Markdown: link texts, no emphasis marks or escapes."""
    text = _ATTRIBUTES.sub("", text.strip())
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(_ESCAPE.sub(r"\1", text).split())


def leading_heading(body: str) -> Heading | None:
    """The level-1 heading on the first non-blank line of `body`, or None."""
    lines = body.split("\n")
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        return None
    start = sum(len(line) + 1 for line in lines[:index])
    first = lines[index].rstrip()
    end = start + len(lines[index]) + 1
    underline = lines[index + 1] if index + 1 < len(lines) else ""
    if atx := _ATX.match(first):
        title = _plain(atx.group(1))
    elif _SETEXT_RULE.match(underline.rstrip("\r")) and not first.startswith("    "):
        title = _plain(first)
        end += len(underline) + 1
    else:
        return None
    return Heading(title, start, min(end, len(body))) if title else None


def without_heading(body: str) -> tuple[str, str | None]:
    """`body` without its leading level-1 heading, and that heading's title (None if none)."""
    heading = leading_heading(body)
    if heading is None:
        return body, None
    return body[: heading.start] + body[heading.end :], heading.title
