"""Reading a built site the way a browser and a crawler would: links, requests, text."""

from __future__ import annotations

import functools
import http.server
import posixpath
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT_SUFFIXES = {".html", ".xml", ".json", ".css", ".js", ".svg", ".txt", ".ics"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.requests: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in {"img", "script", "iframe", "audio", "video", "source"} and a.get("src"):
            self.requests.append(a["src"])
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower()
            if any(r in rel for r in ("stylesheet", "preconnect", "preload", "icon", "manifest")):
                self.requests.append(a["href"])


def parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def page_url(site: Path, file: Path) -> str:
    return "/" + file.relative_to(site).as_posix()


def resolve(site: Path, file: Path, href: str) -> Path | None:
    """The file a relative link from `file` lands on, or None for external/anchor links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = posixpath.dirname(page_url(site, file))
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    path = site / target.lstrip("/")
    if href.split("#")[0].split("?")[0].endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def hrefs(site: Path, page: str) -> set[str]:
    """Site-relative targets of every internal <a href> on a page ('people/ada/index.html')."""
    file = site / page
    found = set()
    for href in parse(file.read_text(encoding="utf-8")).links:
        target = resolve(site, file, href)
        if target is not None:
            found.add(target.relative_to(site).as_posix() if target.is_relative_to(site) else str(target))
    return found


# Material's bundle holds three loaders that fire only in conditions rse never creates or
# the page's Content-Security-Policy blocks: mermaid and a ResizeObserver polyfill from
# unpkg, and GitHub's API for repository facts (only with MkDocs' own repo_url on GitHub).
MATERIAL_CONDITIONAL_LOADERS = frozenset({"unpkg.com", "api.github.com"})
# The compose page's JSON Schema validator names a base URI for schemas read outside a page (a
# worker); in a page it takes the page's address, and it never fetches anything.
VENDORED_BASE_URIS = {"dereference.js": frozenset({"github.com"})}
_JS_URL = re.compile(r"""["'`]((?:https?:)?//[a-z0-9.-]+\.[a-z]{2,})""", re.IGNORECASE)
_JS_COMMENT = re.compile(r"""/\*.*?\*/|(?<![:"'`\\])//[^\n]*""", re.DOTALL)


def js_hosts(text: str) -> set[str]:
    """Hosts named by URL string literals in a script (license comments left out)."""
    code = _JS_COMMENT.sub("", text)
    return {urlsplit(m.group(1)).netloc.lower() for m in _JS_URL.finditer(code)}


def external_requests(site: Path) -> list[str]:
    """Every reference that would make a browser ask another host for something: in HTML
    (src, stylesheets, icons), in CSS (url(), @import) and in JavaScript string literals."""
    offenders = []
    css_url = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""")
    for file in sorted(site.rglob("*")):
        if file.suffix == ".html":
            for url in parse(file.read_text(encoding="utf-8")).requests:
                if urlsplit(url).netloc or url.startswith("//"):
                    offenders.append(f"{file.relative_to(site)}: {url}")
        if file.suffix in {".css", ".html"}:
            for match in css_url.finditer(file.read_text(encoding="utf-8")):
                offenders.append(f"{file.relative_to(site)}: {match.group(1)}")
        if file.suffix == ".js":
            hosts = js_hosts(file.read_text(encoding="utf-8", errors="replace"))
            if file.name.startswith("bundle.") and file.parent.name == "javascripts":
                hosts -= MATERIAL_CONDITIONAL_LOADERS
            if file.parent.name == "cfworker-json-schema":
                hosts -= VENDORED_BASE_URIS.get(file.name, frozenset())
            offenders += [f"{file.relative_to(site)}: {host}" for host in sorted(hosts)]
    return offenders


def text_files(site: Path):
    for file in sorted(site.rglob("*")):
        if file.is_file() and file.suffix in TEXT_SUFFIXES:
            yield file, file.read_text(encoding="utf-8", errors="replace")


def tree_bytes(site: Path) -> dict[str, bytes]:
    return {f.relative_to(site).as_posix(): f.read_bytes() for f in sorted(site.rglob("*")) if f.is_file()}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # a test's output is its assertions
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site on 127.0.0.1 for the length of the block; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class Chart(HTMLParser):
    """The org chart's people as (depth, name, branch label) in page order."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list] = []
        self.depth = -1  # outside the chart
        self.field = ""

    def handle_starttag(self, tag: str, attrs) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "ul" and "rse-org" in classes:
            self.depth = 0
        elif self.depth < 0:
            return
        elif tag == "li":
            self.rows.append([self.depth, "", ""])
            self.depth += 1
        elif tag == "a" or "rse-org__hidden" in classes:
            self.field = "name"
        elif tag == "summary":
            self.field = "branch"

    def handle_endtag(self, tag: str) -> None:
        if self.depth > 0 and tag == "li":
            self.depth -= 1
        elif self.depth == 0 and tag == "ul":
            self.depth = -1
        if tag in ("a", "span", "summary"):
            self.field = ""

    def handle_data(self, data: str) -> None:
        if self.field and self.rows:
            self.rows[-1][1 if self.field == "name" else 2] += data
