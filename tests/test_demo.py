"""The demo community in content/ is the first thing a user sees: it must build whole."""

from __future__ import annotations

import pytest

from rse_build.load import load_content
from tests.conftest import REPO_ROOT, demo_community
from tests.sitecheck import external_requests, hrefs, text_files
from tests.test_build import rse


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    community = demo_community(tmp_path_factory.mktemp("demo") / "demo")
    result = rse(community, "build")
    assert result.exit_code == 0, result.output
    return community


def test_demo_is_a_believable_community():
    loaded = load_content(REPO_ROOT / "content")
    assert loaded.problems == []
    people, groups = loaded.people, loaded.groups
    notes = [n for n in loaded.notes if not n.is_draft]
    assert len(people) >= 15
    assert len({p.fields.site for p in people}) >= 3
    assert len({p.fields.team for p in people}) >= 5
    assert sum(p.fields.kind.value in {"partner", "supplier"} for p in people) >= 2
    assert {g.fields.kind.value for g in groups} == {"project", "practice", "hobby", "site", "partner"}
    assert len(groups) >= 6
    assert len(notes) >= 25
    assert {n.fields.type.value for n in notes} == {"note", "howto", "idea", "event", "question"}
    bodies = "\n".join(n.body for n in notes)
    assert bodies.count("[[") >= 10 and bodies.count("@") >= 10


def test_demo_builds_a_page_for_everything(demo):
    loaded = load_content(demo.root / "content")
    for person in loaded.people:
        assert (demo.site / "people" / person.handle / "index.html").is_file()
    for group in loaded.groups:
        assert (demo.site / "groups" / group.slug / "index.html").is_file()
    for note in loaded.notes:
        page = demo.site / note.key / "index.html"
        assert page.is_file() != note.is_draft, note.key


def test_demo_has_no_broken_internal_link(demo):
    broken = []
    for file in sorted(demo.site.rglob("*.html")):
        page = file.relative_to(demo.site).as_posix()
        for target in hrefs(demo.site, page):
            if not (demo.site / target).is_file():
                broken.append(f"{page} -> {target}")
    assert broken == []


def test_demo_asks_no_other_host_and_shows_no_email(demo):
    assert external_requests(demo.site) == []
    emails = {e.lower() for p in load_content(demo.root / "content").people for e in p.fields.emails}
    emails.add("ines.garcia@orlea.example")
    leaks = [f"{f}: {e}" for f, text in text_files(demo.site) for e in emails if e in text.lower()]
    assert leaks == []
