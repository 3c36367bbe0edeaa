"""Split a Markdown file into YAML front matter and body, keeping every key's position."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from rse_build.model import Position


@dataclass(frozen=True, slots=True)
class FrontMatterError:
    """Why the front matter could not be read, and where (1-based, in the whole file)."""

    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class Parsed:
    data: dict[str, Any]
    body: str
    body_line: int
    keys: dict[str, Position] = field(default_factory=dict)
    items: dict[str, tuple[Position, ...]] = field(default_factory=dict)


# libyaml's parser, when PyYAML was built with it, reads front matter several times faster and
# still gives every node its line and column.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FENCE = "---"
_CLOSERS = ("---", "...")


def _position(node: yaml.Node, line_offset: int) -> Position:
    return Position(node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


def _construct(node: yaml.Node) -> Any:
    return _LOADER("").construct_object(node, deep=True)


def _tab_error(source: str, mark: yaml.Mark | None, line_offset: int) -> FrontMatterError | None:
    """YAML indents with spaces only: where its parser stopped on a tab, say so plainly
    instead of "found character that cannot start any token"."""
    if mark is None:
        return None
    lines = source.split("\n")
    if mark.line >= len(lines):
        return None
    text, line = lines[mark.line], mark.line + 1 + line_offset
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    if "\t" in indent:
        return FrontMatterError(line, 1, f"line {line} starts with a tab: indent with spaces")
    if text[mark.column : mark.column + 1] == "\t":
        return FrontMatterError(
            line, mark.column + 1, f"line {line} has a tab where YAML needs a space: use spaces"
        )
    return None


def tab_error(text: str) -> FrontMatterError | None:
    """A tab where YAML needs spaces in a whole YAML file (mkdocs.yml), located; None when the
    file has no such tab (or does not even scan for another reason)."""
    try:
        for _token in yaml.scan(text, Loader=_LOADER):
            pass
    except yaml.MarkedYAMLError as error:
        return _tab_error(text, error.problem_mark or error.context_mark, line_offset=0)
    return None


def split(text: str) -> Parsed | FrontMatterError:
    """Read `---`-delimited YAML front matter at the top of `text`.

    A file without front matter is a body alone. Errors carry the line and column of the
    offending spot in the whole file, not in the YAML fragment.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return Parsed(data={}, body=text, body_line=1)
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS), None)
    if closing is None:
        return FrontMatterError(1, 1, "front matter is not closed: add a line '---' after it")
    source = "\n".join(lines[1:closing])
    body = "\n".join(lines[closing + 1 :])
    body_line = closing + 2
    try:
        node = yaml.compose(source, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        tab = _tab_error(source, mark, line_offset=1)
        if tab is not None:
            return tab
        line, column = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        problem = (error.problem or error.context or "invalid YAML").strip()
        return FrontMatterError(line, column, f"invalid YAML in front matter: {problem}")
    except (yaml.YAMLError, RecursionError) as error:
        return FrontMatterError(2, 1, f"invalid YAML in front matter: {error}")
    if node is None:
        return FrontMatterError(1, 1, "front matter is empty: add at least a title or a name")
    if not isinstance(node, yaml.MappingNode):
        return FrontMatterError(
            node.start_mark.line + 2,
            node.start_mark.column + 1,
            "front matter must be a mapping of 'key: value' lines",
        )
    data: dict[str, Any] = {}
    keys: dict[str, Position] = {}
    items: dict[str, tuple[Position, ...]] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            position = _position(key_node, 1)
            return FrontMatterError(position.line, position.column, "a key must be plain text")
        key = key_node.value
        position = _position(key_node, 1)
        if key in data:
            return FrontMatterError(
                position.line,
                position.column,
                f"key '{key}' appears twice (first on line {keys[key].line}); keep one",
            )
        try:
            data[key] = _construct(value_node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
            at = _position(value_node, 1)
            reason = getattr(error, "problem", None) or str(error)
            return FrontMatterError(at.line, at.column, f"invalid value for '{key}': {reason}")
        keys[key] = position
        if isinstance(value_node, yaml.SequenceNode):
            items[key] = tuple(_position(item, 1) for item in value_node.value)
    return Parsed(data=data, body=body, body_line=body_line, keys=keys, items=items)
