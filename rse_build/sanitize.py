"""HTML written in Markdown bodies, cleaned with nh3 (the Rust `ammonia` sanitiser).

Anyone with a merge request writes HTML into pages everyone reads, so what Python-Markdown
renders goes through an allow-list: wide enough for Material's Markdown extensions
(admonitions, details, tabs, highlighted code with line anchors, task lists, footnotes,
tables, emoji SVGs, attribute lists), with no scripts, event handlers, frames, forms or
`javascript:` links, and no image or media fetched from another host.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3

_EXTRA_TAGS = {
    "input",
    "label",
    "svg",
    "path",
    "g",
    "circle",
    "rect",
    "line",
    "polyline",
    "polygon",
    "video",
    "audio",
    "source",
    "track",
    "picture",
}
_EVERYWHERE = {"class", "id", "title", "lang", "dir", "style", "role", "aria-hidden", "aria-label"}
_PER_TAG = {
    "a": {"href", "hreflang", "name", "rel", "target"},
    "img": {"src", "alt", "width", "height", "align", "loading"},
    "ol": {"start", "type", "reversed"},
    "details": {"open"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "time": {"datetime"},
    "label": {"for"},
    "input": {"checked", "disabled", "name"},
    "svg": {"xmlns", "viewBox", "viewbox", "width", "height", "fill", "stroke"},
    "path": {"d", "fill", "stroke", "stroke-width", "fill-rule", "clip-rule"},
    "g": {"fill", "stroke", "transform"},
    "circle": {"cx", "cy", "r", "fill", "stroke"},
    "rect": {"x", "y", "width", "height", "rx", "ry", "fill", "stroke"},
    "line": {"x1", "y1", "x2", "y2", "stroke"},
    "polyline": {"points", "fill", "stroke"},
    "polygon": {"points", "fill", "stroke"},
    "video": {"src", "controls", "width", "height", "loop", "muted", "poster"},
    "audio": {"src", "controls", "loop"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label"},
}
# Layout and colour only: no property that takes a url() (background, list-style-image...).
_STYLE_PROPERTIES = {
    "text-align",
    "vertical-align",
    "width",
    "height",
    "max-width",
    "max-height",
    "min-width",
    "min-height",
    "color",
    "background-color",
    "font-weight",
    "font-style",
    "text-decoration",
    "white-space",
    "display",
    "float",
    "margin",
    "margin-left",
    "margin-right",
    "margin-top",
    "margin-bottom",
    "padding",
    "border",
    "border-collapse",
}
_FETCHING = {"src", "poster"}


def _local_only(tag: str, attribute: str, value: str) -> str | None:
    """An image or a video from another host is a request the reader never agreed to."""
    if attribute in _FETCHING:
        parts = urlsplit(value.strip())
        if parts.scheme or parts.netloc:
            return None
    return value


@dataclass(frozen=True, slots=True)
class Sanitizer:
    """`sanitizer(html)` → the same HTML minus what could run, frame, or call another host."""

    cleaner: nh3.Cleaner | None

    @classmethod
    def create(cls, enabled: bool = True) -> Sanitizer:
        if not enabled:
            return cls(None)
        attributes: dict[str, set[str]] = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
        for tag, names in _PER_TAG.items():
            attributes.setdefault(tag, set()).update(names)
        attributes["*"] = set(_EVERYWHERE)
        attributes["input"].discard("type")
        return cls(
            nh3.Cleaner(
                tags=set(nh3.ALLOWED_TAGS) | _EXTRA_TAGS,
                clean_content_tags={"script", "style"},
                attributes=attributes,
                attribute_filter=_local_only,
                link_rel=None,
                tag_attribute_values={"input": {"type": {"checkbox", "radio"}}},
                url_schemes={"http", "https", "mailto", "tel"},
                filter_style_properties=_STYLE_PROPERTIES,
            )
        )

    def __call__(self, html: str) -> str:
        return html if self.cleaner is None else self.cleaner.clean(html)
