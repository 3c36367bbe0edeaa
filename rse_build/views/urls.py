"""Where each page lands in the site, as MkDocs lays it out."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from rse_build.model import tag_slug


@dataclass(frozen=True, slots=True)
class Urls:
    """Site-root-relative URLs of pages; templates make them relative with MkDocs' `url`."""

    directory_urls: bool = True

    def page(self, src: str) -> str:
        stem = src.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            folder = stem.removesuffix("index")
            return folder if self.directory_urls else f"{folder}index.html"
        return f"{stem}/" if self.directory_urls else f"{stem}.html"

    def person(self, handle: str) -> str:
        return self.page(f"people/{handle}.md")

    def group(self, slug: str) -> str:
        return self.page(f"groups/{slug}/index.md")

    def note(self, path: str) -> str:
        """A note by its file (a folder note's `index.md` lands where its folder's name says)."""
        return self.page(path)

    def tag(self, tag: str) -> str:
        return self.page(f"tags/{tag_slug(tag)}.md")

    def skill(self, slug: str) -> str:
        return self.page(f"skills/{slug}.md")

    def team(self, slug: str) -> str:
        return self.page(f"teams/{slug}.md")

    def site(self, slug: str) -> str:
        return self.page(f"sites/{slug}.md")

    def people(self) -> str:
        return self.page("people/index.md")

    @staticmethod
    def asset(person_path: str, relative: str) -> str | None:
        """A file named relative to a content file, as a site path; None if it leaves content/."""
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(person_path), relative))
        if joined.startswith("../") or joined == ".." or posixpath.isabs(relative):
            return None
        return joined
