"""`rse serve`'s builds: after every edit of a scripted sequence (bodies, titles, links, new,
renamed and removed notes, attachments, a response, a group, a profile, mkdocs.yml), the site
served is the bytes a clean build of the same files makes; an edit of a note's body alone
rebuilds that note's page only, and any other edit under content/ the pages showing it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from rse_build.mkdocs_adapter.events import PLAN_KEY
from rse_build.mkdocs_adapter.preview import Preview, note_facts
from rse_build.mkdocs_adapter.run import _serve_environment, _source_date
from rse_build.search import index_site
from rse_build.site import BuildOptions
from tests.conftest import demo_community
from tests.sitecheck import tree_bytes

SERVE_URL = "http://127.0.0.1:8000/"


def _preview(root: Path, site: Path) -> Preview:
    def get_config():
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.site_url = SERVE_URL
        return config

    return Preview(get_config, SERVE_URL)


@pytest.fixture
def served(tmp_path, monkeypatch, request):
    """The demo previewed into `served/`, and a function making a clean build into a new folder;
    with the parameter "pagefind", above the search threshold."""
    community = demo_community(tmp_path / "demo")
    if getattr(request, "param", None) == "pagefind":
        _edit(community.root / "mkdocs.yml", "extra:\n  rse:\n", "extra:\n  rse:\n    search_threshold: 0\n")
    monkeypatch.chdir(community.root)
    with _serve_environment(BuildOptions(from_rse=True)), _source_date(community.root / "mkdocs.yml"):
        preview = _preview(community.root, community.root / "served")
        preview()
        builds = iter(range(1000))

        def clean() -> dict[str, bytes]:
            folder = community.root / f"clean-{next(builds)}"
            built = _preview(community.root, folder)
            built()
            built.settle()
            return tree_bytes(folder)

        yield community, preview, clean
        preview.close()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NOTE = "groups/data-platform/kafka-consumer-tuning.md"
# A profile the demo's Kafka note neither names nor links: no edit of the note reaches it.
UNRELATED = "people/emma-wilson.md"

# Pages each edit must rebuild besides the file edited.
SHOWN_ON = {
    "a title edit": ("tags/kafka.md",),
    "the note it links, written": (NOTE,),
    "an attachment, linked": (NOTE,),
    "a reply mentioning someone": (NOTE,),
    "a group's title": ("groups/rust-guild/no-std-ring-buffer.md",),
    # The reply pasted into the note names Camille: the note shows her new name.
    "a profile's name": ("people/index.md", NOTE),
}
# The navigation shows each of its pages' metadata (Material's icon, status...): every page is
# rendered again, from the Markdown each converted before.
NAV_EDIT = "a navigation page's front matter"


def test_every_edit_serves_what_a_clean_build_makes(served):
    community, preview, clean = served
    root, content = community.root, community.root / "content"
    note = content / NOTE
    steps = [
        ("a body edit", lambda: note.write_text(note.read_text() + "\nOne more line, zqedited.\n")),
        ("a title edit", lambda: _edit(note, "title: ", "title: Renamed ")),
        (
            "a body edit adding a mention",
            lambda: note.write_text(note.read_text() + "\nThanks @camille-roux.\n"),
        ),
        (
            "a link to a note not written yet",
            lambda: note.write_text(note.read_text() + "\nSee [the follow-up](../../notes/later.md).\n"),
        ),
        ("the note it links, written", lambda: (content / "notes/later.md").write_text("# Later\n\nDone.\n")),
        (
            "a new note",
            lambda: (content / "notes/brand-new.md").write_text(
                "---\ntitle: Brand new\ntags: [kafka]\n---\nNew.\n"
            ),
        ),
        ("a renamed note", lambda: (content / "notes/brand-new.md").rename(content / "notes/renamed-new.md")),
        ("a removed note", lambda: (content / "notes/renamed-new.md").unlink()),
        ("an attachment, linked", lambda: _attach(note, content / "groups/data-platform/lag.csv")),
        ("the attachment removed", lambda: (content / "groups/data-platform/lag.csv").unlink()),
        (
            "a reply mentioning someone",
            lambda: (content / "responses/kafka-consumer-tuning/2026-04-01-emma-wilson.md").write_text(
                "---\nkind: reply\n---\nAsk @camille-roux, she tuned ours.\n"
            ),
        ),
        (NAV_EDIT, lambda: _edit(content / "contribute.md", "title: How to", "title: Ways to")),
        (
            "a group's title",
            lambda: _edit(content / "groups/rust-guild/index.md", "title: Rust guild", "title: Rustaceans"),
        ),
        (
            "a profile's name",
            lambda: _edit(content / "people/camille-roux.md", "name: Camille", "name: Camilla"),
        ),
        ("another body edit", lambda: note.write_text(note.read_text() + "\nLast line.\n")),
        ("mkdocs.yml", lambda: _edit(root / "mkdocs.yml", "site_name: ", "site_name: Renamed ")),
    ]
    pages = len(preview.served.site.doc_files)
    for name, step in steps:
        feeds = _feed_stamps(root / "served")
        step()
        preview()
        preview.settle()
        assert tree_bytes(root / "served") == clean(), name
        if name == "a title edit":
            # Feeds that do not list the note are left as they were, the group's is written again.
            after = _feed_stamps(root / "served")
            assert after["groups/rust-guild/feed.xml"] == feeds["groups/rust-guild/feed.xml"]
            assert after["groups/data-platform/feed.xml"] != feeds["groups/data-platform/feed.xml"]
        rebuilt = preview.rebuilt
        if name.endswith("body edit"):
            assert rebuilt == (NOTE,), name
        elif name == "mkdocs.yml":
            assert rebuilt is None, name
        elif name == NAV_EDIT:
            assert rebuilt is not None and len(rebuilt) == len(preview.served.site.doc_files), name
        else:
            # Only the pages showing what changed: never the whole site, nor a profile no
            # edit reaches (a reply shows on its note, not on its author's profile).
            assert rebuilt is not None and 0 < len(rebuilt) < pages, name
            assert UNRELATED not in rebuilt, name
        for shown_on in SHOWN_ON.get(name, ()):
            assert shown_on in rebuilt, (name, shown_on)


def _feed_stamps(site: Path) -> dict[str, int]:
    return {
        path.relative_to(site).as_posix(): path.stat().st_mtime_ns
        for path in site.rglob("*")
        if path.suffix in (".xml", ".ics")
    }


def _attach(note: Path, attachment: Path) -> None:
    attachment.write_text("partition;lag\n0;12\n", encoding="utf-8")
    note.write_text(note.read_text() + f"\nThe figures: [lag]({attachment.name}).\n")


def test_what_other_pages_show_of_a_note_are_its_facts():
    base = "---\ntitle: T\ntags: [a]\n---\n# Heading\n\nSee [[other]] and @ada, ![x](pic.png).\n"
    same = note_facts(base + "\nMore words.\n")
    assert same == note_facts(base)
    for changed in (
        base.replace("tags: [a]", "tags: [b]"),
        base.replace("# Heading", "# Other heading"),
        base.replace("[[other]]", "[[another]]"),
        base.replace("@ada", "@bob"),
        base.replace("pic.png", "pic2.png"),
        base + "\n## Answer\n\nYes.\n",
    ):
        assert note_facts(changed) != note_facts(base), changed
    assert note_facts("---\ntitle: [unclosed\n---\n") is None


@pytest.mark.parametrize("served", ["pagefind"], indirect=True)
def test_pagefind_indexes_what_a_clean_build_indexes(served):
    """Above the search threshold each build ends with Pagefind's index of the whole site: a
    page gone from the site is gone from the index."""
    community, preview, clean = served
    content = community.root / "content"
    steps = [
        ("a body edit", lambda: (content / NOTE).write_text((content / NOTE).read_text() + "\nZqword.\n")),
        ("a title edit", lambda: _edit(content / NOTE, "title: ", "title: Renamed ")),
        (
            "a new note",
            lambda: (content / "notes/brand-new.md").write_text("---\ntitle: Brand new\n---\nNew.\n"),
        ),
        ("a removed note", lambda: (content / "notes/brand-new.md").unlink()),
    ]
    for name, step in steps:
        step()
        preview()
        # The pages are written when the browser reloads; Pagefind's index follows.
        preview.settle()
        served_tree = tree_bytes(community.root / "served")
        assert any(path.startswith("pagefind/") for path in served_tree), name
        assert served_tree == clean(), name
        assert preview.rebuilt is not None, name
    # The bundle made beside the served one and renamed is the one a build makes in place.
    copy = community.root / "indexed-in-place"
    shutil.copytree(community.root / "served", copy)
    index_site(copy, "en")
    assert tree_bytes(copy) == served_tree


def test_crossing_the_search_threshold_leaves_nothing_of_the_other_index(served):
    """A note added or removed under content/ can move the site across the search threshold:
    Material's index then gives way to Pagefind's, and back, as in a clean build."""
    community, preview, clean = served
    root, content = community.root, community.root / "content"
    notes = preview.served.site.config[PLAN_KEY].search.notes
    _edit(root / "mkdocs.yml", "extra:\n  rse:\n", f"extra:\n  rse:\n    search_threshold: {notes}\n")
    steps = [
        ("above", lambda: (content / "notes/one-more.md").write_text("---\ntitle: One more\n---\nMore.\n")),
        ("below", lambda: (content / "notes/one-more.md").unlink()),
    ]
    preview()
    for name, step in steps:
        step()
        preview()
        preview.settle()
        served_tree = tree_bytes(root / "served")
        assert any(path.startswith("pagefind/") for path in served_tree) is (name == "above"), name
        assert ("search/search_index.json" in served_tree) is (name == "below"), name
        assert served_tree == clean(), name
