"""Material's primary navigation, rendered once per folder instead of once per page.

Material renders the whole navigation into every page, so its cost grows as pages × nav
entries: at 10,000 notes it was the largest part of a note's render (benchmarks/README.md).
For a page outside the navigation nothing in it is active, and its HTML depends on the page
only through its relative links, which are the same for every page of one folder. Pages in
the navigation (the active entry and its table of contents) are rendered as Material does.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from markupsafe import Markup


def folder_key(page: Any, nav: Any) -> str | None:
    """The folder whose pages share one navigation HTML, or None to render this page's own.

    None when a nav entry is active (the page is in the navigation) or when an entry lies
    below the page's own URL, since its relative link then depends on the page.
    """
    if page is None or nav is None or any(getattr(item, "active", False) for item in nav.items):
        return None
    url = page.url
    if url and any((entry.url or "").startswith(url) for entry in _entries(nav.items)):
        return None
    return posixpath.dirname(url.rstrip("/")) + ("/" if url.endswith("/") else "")


def _entries(items: list[Any]) -> list[Any]:
    found = []
    for item in items:
        children = getattr(item, "children", None)
        if children:
            found.extend(_entries(children))
        if getattr(item, "url", None) is not None:
            found.append(item)
    return found


class NavCache:
    """A Jinja call block: `{% call rse_nav_cache(page, nav) %}…{% endcall %}` renders its
    body once per folder key. One instance per build (made in `on_env`)."""

    def __init__(self) -> None:
        self._html: dict[str, Markup] = {}

    def __call__(self, page: Any, nav: Any, caller: Callable[[], str]) -> Markup:
        key = folder_key(page, nav)
        if key is None:
            return Markup(caller())
        if key not in self._html:
            self._html[key] = Markup(caller())
        return self._html[key]
