"""`rse serve`'s builds: after every edit of a scripted sequence (bodies, titles, links, new,
renamed and removed notes, a profile), the site served is the bytes a clean build of the same
files makes; and an edit of a note's body alone rebuilds that note's page only."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from rse_build.mkdocs_adapter.preview import Preview, note_facts
from rse_build.mkdocs_adapter.run import _serve_environment, _source_date
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
def served(tmp_path, monkeypatch):
    """The demo previewed into `served/`, and a function making a clean build into a new folder."""
    community = demo_community(tmp_path / "demo")
    monkeypatch.chdir(community.root)
    with _serve_environment(BuildOptions(from_rse=True)), _source_date(community.root / "mkdocs.yml"):
        preview = _preview(community.root, community.root / "served")
        preview()
        builds = iter(range(1000))

        def clean() -> dict[str, bytes]:
            folder = community.root / f"clean-{next(builds)}"
            _preview(community.root, folder)()
            return tree_bytes(folder)

        yield community, preview, clean


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_edit_serves_what_a_clean_build_makes(served):
    community, preview, clean = served
    content = community.root / "content"
    note = content / "groups/data-platform/kafka-consumer-tuning.md"
    steps = [
        ("a body edit", lambda: note.write_text(note.read_text() + "\nOne more line, zqedited.\n")),
        ("a title edit", lambda: _edit(note, "title: ", "title: Renamed ")),
        (
            "a body edit adding a mention",
            lambda: note.write_text(note.read_text() + "\nThanks @camille-roux.\n"),
        ),
        (
            "a new note",
            lambda: (content / "notes/brand-new.md").write_text(
                "---\ntitle: Brand new\ntags: [kafka]\n---\nNew.\n"
            ),
        ),
        ("a renamed note", lambda: (content / "notes/brand-new.md").rename(content / "notes/renamed-new.md")),
        ("a removed note", lambda: (content / "notes/renamed-new.md").unlink()),
        (
            "a profile's name",
            lambda: _edit(content / "people/camille-roux.md", "name: Camille", "name: Camilla"),
        ),
        ("another body edit", lambda: note.write_text(note.read_text() + "\nLast line.\n")),
    ]
    for name, step in steps:
        step()
        preview()
        assert tree_bytes(community.root / "served") == clean(), name
        body_only = name.endswith(("a body edit", "another body edit"))
        assert preview.rebuilt == (
            ("groups/data-platform/kafka-consumer-tuning.md",) if body_only else None
        ), name


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
