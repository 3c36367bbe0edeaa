"""Split a Markdown file into YAML front matter and body, keeping every key's position."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from rse_build.errors import ENGLISH, Params
from rse_build.model import Position


@dataclass(frozen=True, slots=True)
class FrontMatterError:
    """Why the front matter could not be read, and where (1-based, in the whole file): the
    English `message`, and the key and values that say it in any language (`Problem.of`)."""

    line: int
    column: int
    message: str
    key: str = field(default="", compare=False)
    params: Params = field(default=(), compare=False)

    @classmethod
    def of(cls, line: int, column: int, key: str, /, **params: str | int) -> FrontMatterError:
        return cls(line, column, ENGLISH(key, **params), key, tuple(params.items()))


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


def _construct(constructor: Any, node: yaml.Node) -> Any:
    return constructor.construct_object(node, deep=True)


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
        return FrontMatterError.of(line, 1, "problem.tab_indent", line=line)
    if text[mark.column : mark.column + 1] == "\t":
        return FrontMatterError.of(line, mark.column + 1, "problem.tab", line=line)
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
        return FrontMatterError.of(1, 1, "problem.not_closed")
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
        return FrontMatterError.of(line, column, "problem.invalid_yaml", reason=problem)
    except (yaml.YAMLError, RecursionError) as error:
        return FrontMatterError.of(2, 1, "problem.invalid_yaml", reason=str(error))
    if node is None:
        return FrontMatterError.of(1, 1, "problem.empty")
    if not isinstance(node, yaml.MappingNode):
        return FrontMatterError.of(
            node.start_mark.line + 2, node.start_mark.column + 1, "problem.not_mapping"
        )
    data: dict[str, Any] = {}
    keys: dict[str, Position] = {}
    items: dict[str, tuple[Position, ...]] = {}
    # One constructor for the document's values, as PyYAML's own loading uses (one per value
    # was a fifth of the time reading front matter).
    constructor = _LOADER("")
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            position = _position(key_node, 1)
            return FrontMatterError.of(position.line, position.column, "problem.key_not_text")
        key = key_node.value
        position = _position(key_node, 1)
        if key in data:
            first = keys[key].line
            return FrontMatterError.of(
                position.line, position.column, "problem.key_twice", name=key, first=first
            )
        try:
            data[key] = _construct(constructor, value_node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
            at = _position(value_node, 1)
            reason = getattr(error, "problem", None) or str(error)
            return FrontMatterError.of(
                at.line, at.column, "problem.invalid_value", name=key, reason=str(reason)
            )
        keys[key] = position
        if isinstance(value_node, yaml.SequenceNode):
            items[key] = tuple(_position(item, 1) for item in value_node.value)
    return Parsed(data=data, body=body, body_line=body_line, keys=keys, items=items)
