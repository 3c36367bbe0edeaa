"""The demo community in content/ is the first thing a user sees (`nox -s demo`: its files
replayed as its people's commits, then built): it must build whole and show a living community."""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest

from rse_build.load import load_content
from tests.conftest import REPO_ROOT, Community, rse
from tests.sitecheck import external_requests, hrefs, text_files

REPLAY = REPO_ROOT / "docs" / "replay_demo.py"


def replay(target: Path) -> subprocess.CompletedProcess[str]:
    """`python docs/replay_demo.py TARGET`, as `nox -s demo` runs it."""
    return subprocess.run([sys.executable, str(REPLAY), str(target)], capture_output=True, text=True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo") / "demo"
    replayed = replay(root)
    assert replayed.returncode == 0, replayed.stderr
    community = Community(root, git.Repo(root))
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


def test_the_replayed_demo_shows_a_living_community(demo):
    stats = json.loads(demo.page("stats.json"))
    figures = stats["community"]
    assert figures["contributors"] == figures["people"] == len(load_content(REPO_ROOT / "content").people)
    assert figures["commits"] > figures["notes"] > 0
    assert stats["unmatched_identities"] == 0
    assert sum(month["active_contributors"] > 0 for month in figures["monthly"]) >= 12
    dashboard = demo.page("stats/index.html")
    assert re.search(rf"<dt>Contributors</dt><dd>{figures['contributors']}</dd>", dashboard)
    camille = stats["people"]["camille-roux"]
    assert camille["commits"] > 0 and camille["notes_authored"] > 0
    profile = demo.page("people/camille-roux/index.html")
    contributions = re.search(r'<section class="rse-contributions".*?</section>', profile, re.S)
    assert contributions, "the profile shows no contributions"
    assert f"<dt>Commits</dt><dd>{camille['commits']}</dd>" in contributions[0]
    assert stats["groups"]["data-platform"]["contributors"] > 1


def test_replay_is_the_same_every_time_replaces_itself_and_nothing_else(demo, tmp_path):
    again = tmp_path / "again"
    assert replay(again).returncode == 0
    head = git.Repo(again).head.commit.hexsha
    assert head == demo.repo.head.commit.hexsha
    (again / "content" / "stray.md").write_text("left over from a previous run\n", encoding="utf-8")
    assert replay(again).returncode == 0
    assert git.Repo(again).head.commit.hexsha == head
    assert not (again / "content" / "stray.md").exists()
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    refused = replay(mine)
    assert refused.returncode == 1
    assert "holds no replayed demo" in refused.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_replay_takes_the_content_as_it_is_now(tmp_path):
    source = tmp_path / "clone"
    for name in ("content", "hooks", "theme"):
        shutil.copytree(REPO_ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", ".gitignore"):
        shutil.copy(REPO_ROOT / name, source / name)
    (source / "content/notes/my-edit.md").write_text(
        "---\ntitle: My edit\nauthors: [camille-roux]\ndate: 2026-11-25\n---\nSeen in the demo.\n",
        encoding="utf-8",
    )
    spec = importlib.util.spec_from_file_location("replay_demo", REPLAY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    repo = git.Repo(module.replay(tmp_path / "demo", source))
    (commit,) = repo.iter_commits(paths="content/notes/my-edit.md")
    assert (commit.author.name, commit.authored_datetime.date().isoformat()) == ("Camille Roux", "2026-11-25")
    assert repo.head.commit == commit


def test_the_contribution_guide_shows_addresses_a_reader_can_copy(demo):
    guide = demo.page("contribute/index.html")
    assert "you@example.com" in guide
    assert "(e-mail hidden)" not in guide


def test_the_readme_starts_with_the_living_demo():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    first, second = re.findall(r"```sh\n(.*?)\n```", quick_start, re.S)
    assert first.endswith("nox -s demo") and second.endswith("nox -s tests")
    session = next(
        node
        for node in ast.parse((REPO_ROOT / "noxfile.py").read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef) and node.name == "demo"
    )
    words = {node.value for node in ast.walk(session) if isinstance(node, ast.Constant)}
    assert {"docs/replay_demo.py", "build/demo", "rse", "serve"} <= words
