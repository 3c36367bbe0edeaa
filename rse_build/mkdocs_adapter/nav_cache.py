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


def folder_key(page: Any, nav: Any, entry_urls: tuple[str, ...] | None = None) -> str | None:
    """The folder whose pages share one navigation HTML, or None to render this page's own.

    None when a nav entry is active (the page is in the navigation) or when an entry lies
    below the page's own URL, since its relative link then depends on the page.
    `entry_urls` are the navigation's URLs, when the caller already has them.
    """
    if page is None or nav is None or any(getattr(item, "active", False) for item in nav.items):
        return None
    url = page.url
    urls = entry_urls if entry_urls is not None else entry_urls_of(nav)
    if url and any(entry.startswith(url) for entry in urls):
        return None
    return posixpath.dirname(url.rstrip("/")) + ("/" if url.endswith("/") else "")


def entry_urls_of(nav: Any) -> tuple[str, ...]:
    """The URL of every entry of the navigation, sections walked."""
    found: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if getattr(item, "children", None):
                walk(item.children)
            if getattr(item, "url", None) is not None:
                found.append(item.url)

    walk(nav.items)
    return tuple(found)


class NavCache:
    """A Jinja call block: `{% call rse_nav_cache(page, nav) %}…{% endcall %}` renders its
    body once per folder key. One instance per build (made in `on_env`), so one navigation."""

    def __init__(self) -> None:
        self._html: dict[str, Markup] = {}
        self._entry_urls: tuple[str, ...] | None = None

    def __call__(self, page: Any, nav: Any, caller: Callable[[], str]) -> Markup:
        if self._entry_urls is None and nav is not None:
            self._entry_urls = entry_urls_of(nav)
        key = folder_key(page, nav, self._entry_urls)
        if key is None:
            return Markup(caller())
        if key not in self._html:
            self._html[key] = Markup(caller())
        return self._html[key]
