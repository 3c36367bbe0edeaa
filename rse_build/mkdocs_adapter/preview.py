"""`rse serve`'s builds, each the site a clean build of the same files makes, byte for byte
(tests/test_preview.py), with as little made again as that allows:

- an edit of the body of notes that changes nothing other pages show of them rebuilds only
  those notes' pages. What other pages show of a note is its front matter (title, tags, groups,
  dates, audience...), its leading `# Title`, what its body links or mentions (backlinks,
  related notes, "mentioned in", the attachments an audience's site publishes) and whether it
  holds an answer section;
- any other change under content/ (a title, a new, renamed or removed file, a profile, a group,
  a response) makes the site plan again and rebuilds the pages and feeds whose inputs changed
  (page_inputs.py);
- a change to mkdocs.yml or the theme rebuilds the whole site, as `mkdocs serve` does.

Above the search threshold, Pagefind indexes the site after the browser reloads
(background_index.py).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel

from rse_build.audience import linked_files
from rse_build.frontmatter import Parsed, split
from rse_build.heading import without_heading
from rse_build.links import find_references
from rse_build.mkdocs_adapter.background_index import BackgroundIndex
from rse_build.mkdocs_adapter.events import INDEX_LATER_KEY, PLAN_KEY
from rse_build.mkdocs_adapter.parallel import (
    BuiltSite,
    Reuse,
    build_site_kept,
    known_mkdocs,
    rebuild_page,
    safe_plugins,
    set_search_entries,
)
from rse_build.page_inputs import Changed, SiteInputs, site_inputs
from rse_build.site import SitePlan
from rse_build.views.agenda import ANSWER_HEADING

log = logging.getLogger("mkdocs.commands.serve")

Snapshot = dict[str, tuple[int, int]]
# How many rebuilt pages the log names.
SHOWN = 5


@dataclass(frozen=True, slots=True)
class _Facts:
    """What other pages show of a note."""

    front_matter: str
    heading: str | None
    references: tuple[tuple[str, str, str], ...]
    answered: bool
    targets: tuple[str, ...]


def note_facts(text: str, path: str = "") -> _Facts | None:
    """What other pages show of the note `text` at `path` (under content/); None when its front
    matter does not parse (the whole build tells where)."""
    parsed = split(text)
    if not isinstance(parsed, Parsed):
        return None
    body, heading = without_heading(parsed.body)
    references = tuple((ref.kind.value, ref.target, ref.label or "") for ref in find_references(parsed.body))
    return _Facts(
        json.dumps(parsed.data, sort_keys=True, default=str),
        heading,
        references,
        bool(ANSWER_HEADING.search(parsed.body)),
        # The files it links or embeds: what an audience's site publishes beside it.
        tuple(sorted(linked_files(path, body))),
    )


def _facts_of(full: str, path: str) -> _Facts | None:
    return note_facts(Path(full).read_text(encoding="utf-8", errors="replace"), path)


def _snapshot(folders: list[Path], files: list[Path]) -> Snapshot:
    """Every watched file's modification time and size."""
    seen: Snapshot = {}
    for path in files:
        if path.is_file():
            stat = path.stat()
            seen[str(path)] = (stat.st_mtime_ns, stat.st_size)
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                path = os.path.join(root, name)
                stat = os.stat(path)
                seen[path] = (stat.st_mtime_ns, stat.st_size)
    return seen


@dataclass
class _Served:
    site: BuiltSite
    snapshot: Snapshot
    # A note page's facts by its file's absolute path, and the file's path under content/.
    facts: dict[str, _Facts | None]
    notes: dict[str, str]
    inputs: SiteInputs


class Preview:
    """The builder `rse serve` gives MkDocs' live-reload server."""

    def __init__(self, get_config: Callable[[], MkDocsConfig], serve_url: str) -> None:
        self.get_config = get_config
        self.serve_url = serve_url
        self.served: _Served | None = None
        # The pages the last build converted and rendered (paths under content/), or None: all.
        self.rebuilt: tuple[str, ...] | None = None
        # Pagefind's index (above the search threshold), made after the browser reloads.
        self.index = BackgroundIndex()

    def settle(self) -> None:
        """Until the search index of the last build is in place."""
        self.index.wait()

    def close(self) -> None:
        self.index.stop()

    def __call__(self) -> None:
        # The pages are about to change: an index of them still being made is abandoned.
        self.index.stop()
        served, self.served, self.rebuilt = self.served, None, None
        if served is None:
            self.served = self._build(None)
            return
        folders, files = self._watched(served.site.config)
        now = _snapshot(folders, files)
        notes = self._edited_notes(served, now)
        if notes is None:
            docs = Path(served.site.config.docs_dir)
            within = all(docs in Path(path).parents for path in _differing(served.snapshot, now))
            self.served = self._build(served if within else None)
            if self.served is not None and self.served.site.rendered is not None:
                self._told(self.served.site, self.served.site.rendered)
            return
        for path in notes:
            file = served.site.files.get_file_from_path(served.notes[path])
            assert file is not None and file.page is not None
            rebuild_page(served.site, file.page)
        set_search_entries(served.site)
        served.site.config.plugins.on_post_build(config=served.site.config)
        served.snapshot = now
        self.served = served
        self._told(served.site, tuple(served.notes[path] for path in notes))

    def _told(self, site: BuiltSite, pages: tuple[str, ...]) -> None:
        self.rebuilt = pages
        plan: SitePlan = site.config[PLAN_KEY]
        named = ", ".join(pages[:SHOWN]) + (", …" if len(pages) > SHOWN else "")
        log.info(plan.t.plural(len(pages), "serve.rebuilt", pages=named))

    def _watched(self, config: MkDocsConfig) -> tuple[list[Path], list[Path]]:
        folders = [Path(config.docs_dir)]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        return folders, [Path(config.config_file_path)] if config.config_file_path else []

    def _build(self, earlier: _Served | None) -> _Served | None:
        """The whole site; with `earlier`, the build before it (only files under content/
        changed since), its pages whose inputs are the same kept."""
        config = self.get_config()
        if not known_mkdocs():
            # Another MkDocs than the one the kept build follows: its own build, every time.
            mkdocs_build.build(config, serve_url=self.serve_url)
            return None
        config[INDEX_LATER_KEY] = self.index.start
        folders, files = self._watched(config)
        before = _snapshot(folders, files)
        made: list[SiteInputs] = []
        reuse = None
        # A plugin that keeps state across pages needs them all: rse keeps none, nor search.
        if earlier is not None and safe_plugins(config):
            # A file changed since the earlier build read it (during that build, say) is read again.
            docs = Path(config.docs_dir)
            touched = [
                Path(full).relative_to(docs).as_posix()
                for full in _differing(earlier.snapshot, before)
                if docs in Path(full).parents
            ]

            def changed(config: MkDocsConfig, files: Files) -> Changed:
                made.append(_inputs(config, files))
                return made[0].changed(earlier.inputs).with_pages(touched)

            reuse = Reuse(earlier.site, changed)
        site = build_site_kept(config, 1, serve_url=self.serve_url, reuse=reuse)
        plan: SitePlan = site.config[PLAN_KEY]
        docs = Path(site.config.docs_dir)
        notes = {
            str(docs / path): path
            for path, role in plan.roles.items()
            if role.kind == "note" and (docs / path).is_file()
        }
        # A note's facts are read again when its file changed since the earlier build.
        unchanged: dict[str, _Facts | None] = {}
        if earlier is not None:
            differing = set(_differing(earlier.snapshot, before))
            unchanged = {full: f for full, f in earlier.facts.items() if full not in differing}
        facts = {full: unchanged.get(full) or _facts_of(full, path) for full, path in notes.items()}
        inputs = made[0] if made else _inputs(site.config, site.files)
        # Files changed while the build ran are told by the next one: the snapshot is the one before.
        return _Served(site, before, facts, notes, inputs)

    def _edited_notes(self, served: _Served, now: Snapshot) -> list[str] | None:
        """The notes whose bodies alone changed since the last build, or None for a wider build."""
        if now.keys() != served.snapshot.keys() or not safe_plugins(served.site.config):
            return None
        changed = _differing(served.snapshot, now)
        if not changed or any(path not in served.notes for path in changed):
            return None
        for path in changed:
            facts = _facts_of(path, served.notes[path])
            if facts is None or facts != served.facts[path]:
                return None
        return changed


def _differing(before: Snapshot, now: Snapshot) -> list[str]:
    """The files added, removed or changed from one snapshot to the other, sorted."""
    return sorted(path for path in before.keys() | now.keys() if before.get(path) != now.get(path))


def _inputs(config: MkDocsConfig, files: Files) -> SiteInputs:
    plan: SitePlan = config[PLAN_KEY]
    pages = [file.src_uri for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)]
    known = {(file.src_uri, file.inclusion.is_excluded()) for file in files}
    known.update((path, True) for path in plan.removed)
    return site_inputs(plan, Path(config.docs_dir), pages, frozenset(known))
