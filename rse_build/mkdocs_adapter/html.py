"""What rse changes in the HTML MkDocs and Material write: pure `str → str` functions, each with
tests of its own (tests/test_html.py): the security-relevant ones (the content security policy,
links to pages an audience may not see) must hold whatever a page contains."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from markupsafe import escape

ARTICLE = '<article class="md-content__inner md-typeset">'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
CHARSET_META = '<meta charset="utf-8">'
NOINDEX_META = '<meta name="robots" content="noindex, nofollow">'
# Only the site's own host: Material's conditional loaders (mermaid and a polyfill from
# unpkg, GitHub's API for repository facts) and any image a trusted page embeds are blocked
# by the browser itself. Inline scripts and styles are Material's own (palette, scope);
# 'wasm-unsafe-eval' lets Pagefind's search (WebAssembly, from this site) run.
CONTENT_SECURITY_POLICY = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'\">"
)
_ANCHOR = re.compile(r"<a\b([^>]*)>")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TABLE_TAG = re.compile(r"<(/?)table\b([^>]*)>", re.IGNORECASE)
_CLASS_ATTRIBUTE = re.compile(r"\bclass\s*=", re.IGNORECASE)
_TABLE_REGION = '<div class="rse-table" role="region" tabindex="0" aria-label="{label}">'


def secured(output: str, search_label: str, indexable: bool) -> str:
    """A whole HTML file: the browser told to ask no other host (whatever a theme script or
    a trusted page's HTML would fetch), search engines kept out unless `indexable`, and
    Material's search dialog given a name (axe: aria-dialog-name). Fragments pass unchanged."""
    if "<head>" not in output:
        return output
    label = str(escape(search_label))
    output = output.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG[:-1]} aria-label="{label}">', 1)
    head = [CONTENT_SECURITY_POLICY]
    if not indexable:
        head.append(NOINDEX_META)
    anchor = CHARSET_META if CHARSET_META in output else "<head>"
    return output.replace(anchor, anchor + "\n    " + "\n    ".join(head), 1)


def unlink_hidden(html: str, page_url: str, hidden_urls: frozenset[str]) -> str:
    """A link to a page this audience may not see becomes plain text (`<a>` with no href);
    `page_url` is the linking page's URL, to resolve relative links."""
    if not hidden_urls:
        return html
    here = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    hidden = {url.rstrip("/") for url in hidden_urls}

    def replace(match: re.Match[str]) -> str:
        href = _HREF.search(match.group(1))
        if href is None:
            return match.group(0)
        value = href.group(1) if href.group(1) is not None else href.group(2)
        path = value.split("#", 1)[0].split("?", 1)[0]
        if not path or ":" in path.split("/", 1)[0] or path.startswith("/"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(here, path))
        return "<a>" if target.rstrip("/") in hidden else match.group(0)

    return _ANCHOR.sub(replace, html)


def scrollable_tables(html: str, name: Callable[[int], str]) -> str:
    """Each table Material lets scroll sideways (one with no class) is wrapped in a named region
    the keyboard can reach and scroll: a wide table on a phone (axe: scrollable-region-focusable)."""
    if "<table" not in html:
        return html
    parts: list[str] = []
    depth, start, count, wrapping = 0, 0, 0, False
    for match in _TABLE_TAG.finditer(html):
        if not match.group(1):
            depth += 1
            if depth == 1 and not _CLASS_ATTRIBUTE.search(match.group(2)):
                count += 1
                parts += [html[start : match.start()], _TABLE_REGION.format(label=escape(name(count)))]
                start, wrapping = match.start(), True
        elif depth:
            depth -= 1
            if depth == 0 and wrapping:
                parts += [html[start : match.end()], "</div>"]
                start, wrapping = match.end(), False
    parts.append(html[start:])
    return "".join(parts)


def not_searched(output: str) -> str:
    """The page's article left out of Pagefind's index (a list of other pages' words)."""
    return output.replace(ARTICLE, f'{ARTICLE[:-1]} data-pagefind-ignore="all">', 1)
