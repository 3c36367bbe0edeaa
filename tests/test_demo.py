"""The demo community in content/ is the first thing a user sees (`nox -s demo`: its files
replayed as its people's commits, then built): it must build whole and show a living community."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest

from rse_build.check import Checked, check_config
from rse_build.enrich import enrich
from rse_build.load import load_content
from rse_build.mkdocs_adapter.run import config_summary
from rse_build.model import NoteType, Response, ResponseKind, RsvpValue
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


def checked(root: Path) -> Checked:
    """The community at `root` loaded and checked as `rse check` does, with its mkdocs.yml."""
    return check_config(config_summary(root / "mkdocs.yml"))


def named(response: Response) -> tuple[str, dt.date]:
    """The author and the day a demo response's file name gives (`<yyyy-mm-dd>-<handle>[-n]`)."""
    return re.sub(r"-\d+$", "", response.id[11:]), dt.date.fromisoformat(response.id[:10])


def test_demo_responses_are_a_living_set_of_exchanges():
    demo = checked(REPO_ROOT)
    assert demo.problems == []
    responses = demo.community.every_response
    kinds = {kind: [r for r in responses if r.fields.kind is kind] for kind in ResponseKind}
    assert len(kinds[ResponseKind.REPLY]) >= 15 and len(kinds[ResponseKind.KUDOS]) >= 8
    assert len(kinds[ResponseKind.ANSWER]) >= 2
    assert len({r.note for r in responses}) >= 10
    bodies = [r.body for r in responses]
    assert any(re.search(r"\b(les|est|pour)\b", b) for b in bodies), "no response in French"
    assert any(re.search(r"\b(the|and|for)\b", b) for b in bodies), "no response in English"
    assert any(re.search(r"@[a-z]", b) and "[[" in b for b in bodies), "no reply that mentions and links"
    # Replies under answers and under replies, one level deep.
    by_id = {(r.note, r.id): r for r in responses}
    threaded = [r for r in responses if r.fields.reply_to]
    assert len(threaded) >= 5
    assert all(by_id[(r.note, r.fields.reply_to)].fields.reply_to is None for r in threaded)
    # An accepted answer, and an older question still answered in an `## Answer` section.
    questions = [n for n in demo.community.notes.values() if n.fields.type is NoteType.QUESTION]
    accepted = [by_id[(q.id, q.fields.accepted)] for q in questions if q.fields.accepted]
    assert accepted and all(answer.fields.kind is ResponseKind.ANSWER for answer in accepted)
    assert any("\n## Answer\n" in q.body and not q.fields.accepted for q in questions)
    # Thanks from several people, one of whom keeps out of individual statistics.
    thankers = {named(r)[0] for r in kinds[ResponseKind.KUDOS]}
    assert len(thankers) >= 5
    assert any(not demo.community.people[handle].fields.stats for handle in thankers)
    # A response meant for fewer readers than its note.
    assert any(r.fields.audience == "internal" for r in responses)


def test_the_winter_demo_day_is_a_hybrid_meetup_people_answer_from_every_site():
    demo = checked(REPO_ROOT)
    event = demo.community.notes["notes/events/winter-demo-day-2027"]
    fields = event.fields
    assert (fields.site, fields.timezone, fields.capacity) == ("Lyon", "Europe/Paris", 60)
    assert fields.place and fields.online and fields.online.startswith("https://")
    sites: dict[RsvpValue, set[str]] = {}
    for response in demo.community.responses[event.key]:
        if response.fields.kind is ResponseKind.RSVP:
            person = demo.community.people[named(response)[0]]
            sites.setdefault(response.fields.rsvp, set()).add(person.fields.site)
    assert set(sites) == set(RsvpValue)
    assert len(sites[RsvpValue.GOING]) >= 2
    assert len(sites[RsvpValue.REMOTE]) >= 2 and "Lyon" not in sites[RsvpValue.REMOTE]


def first_commit(repo: git.Repo, path: str) -> git.Commit:
    return next(repo.iter_commits(paths=path, reverse=True))


def utc(commit: git.Commit) -> dt.datetime:
    return commit.authored_datetime.astimezone(dt.UTC).replace(tzinfo=None)


def test_replayed_responses_are_credited_and_dated_by_git(demo):
    written = {r.path: r for r in checked(REPO_ROOT).community.every_response}
    assert sum(bool(r.fields.authors) for r in written.values()) <= 2
    assert all(r.fields.date is None for r in written.values())
    replayed = checked(demo.root)
    enriched = enrich(demo.root, demo.root / "content", replayed.community, replayed.settings).community
    assert {r.path for r in enriched.every_response} == set(written)
    created: dict[tuple[str, str], dt.datetime] = {}
    for response in enriched.every_response:
        handle, day = named(response)
        first = first_commit(demo.repo, f"content/{response.path}")
        assert response.fields.authors == (handle,), response.path
        assert first.author.email in enriched.people[handle].fields.emails, response.path
        assert response.fields.date == utc(first) and utc(first).date() == day, response.path
        created[(response.note, response.id)] = utc(first)
    for response in enriched.every_response:
        note = enriched.notes[enriched.index().find_note(response.note)]
        assert created[(response.note, response.id)] > utc(first_commit(demo.repo, f"content/{note.path}"))
        if response.fields.reply_to:
            assert created[(response.note, response.id)] > created[(response.note, response.fields.reply_to)]
    # The question's author accepts the answer after it, in a commit of its own.
    question = enriched.notes["notes/questions/tablettes-hors-ligne"]
    accepting, asked = list(demo.repo.iter_commits(paths=f"content/{question.path}"))
    assert accepting.author.email in enriched.people[question.fields.authors[0]].fields.emails
    assert utc(accepting) > created[(question.id, question.fields.accepted)]
    versions = [(c.tree / f"content/{question.path}").data_stream.read().decode() for c in (asked, accepting)]
    assert ["accepted:" in text for text in versions] == [False, True]


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


def test_replay_takes_the_content_as_it_is_now(tmp_path, monkeypatch):
    source = tmp_path / "clone"
    for name in ("content", "hooks", "theme"):
        shutil.copytree(REPO_ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", ".gitignore"):
        shutil.copy(REPO_ROOT / name, source / name)
    (source / "content/notes/my-edit.md").write_text(
        "---\ntitle: My edit\nauthors: [camille-roux]\ndate: 2026-11-29\n---\nSeen in the demo.\n",
        encoding="utf-8",
    )
    spec = importlib.util.spec_from_file_location("replay_demo", REPLAY)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    repo = git.Repo(module.replay(tmp_path / "demo", source))
    (commit,) = repo.iter_commits(paths="content/notes/my-edit.md")
    assert (commit.author.name, commit.authored_datetime.date().isoformat()) == ("Camille Roux", "2026-11-29")
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
