"""Fixtures: small communities written as files in real temporary git repositories."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import git
import pytest
from click.testing import CliRunner

from rse_build.cli import main

REPO_ROOT = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: Test community
docs_dir: content
theme:
  name: material
hooks:
  - hooks/rse.py
plugins:
  - search
"""

# Two audiences, the public one seeing only pages marked `audience: public`.
TWO_AUDIENCES = """\
    audiences:
      public: [public]
      internal: [public, internal]
"""
TWO_AUDIENCES_YML = MKDOCS_YML + "extra:\n  rse:\n" + TWO_AUDIENCES


@dataclass
class Community:
    """A community repository under test: write files, commit them as chosen people."""

    root: Path
    repo: git.Repo

    def write(self, path: str, text: str | bytes) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return target

    def commit(
        self,
        message: str,
        author: str = "Ada Lovelace <ada@acme.example>",
        date: str = "2026-01-15T10:00:00+00:00",
    ) -> str:
        name, email = author.rstrip(">").split(" <")
        actor = git.Actor(name, email)
        self.repo.git.add(A=True)
        stamp = dt.datetime.fromisoformat(date).strftime("%Y-%m-%dT%H:%M:%S%z")
        commit = self.repo.index.commit(
            message, author=actor, committer=actor, author_date=stamp, commit_date=stamp
        )
        return commit.hexsha

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def new_community(root: Path, mkdocs_yml: str = MKDOCS_YML) -> Community:
    root.mkdir(parents=True, exist_ok=True)
    repo = git.Repo.init(root, initial_branch="main")
    community = Community(root, repo)
    community.write("mkdocs.yml", mkdocs_yml)
    (root / "hooks").mkdir(exist_ok=True)
    shutil.copy(REPO_ROOT / "hooks" / "rse.py", root / "hooks" / "rse.py")
    community.write(".gitignore", "site/\n")
    return community


def demo_community(root: Path) -> Community:
    """The demo in content/, committed in a new repository at `root` (not built)."""
    community = new_community(root)
    for name in ("content", "theme"):
        shutil.copytree(REPO_ROOT / name, community.root / name)
    shutil.copy(REPO_ROOT / "mkdocs.yml", community.root / "mkdocs.yml")
    community.commit("The demo community", author="Inès Garcia <ines.garcia@orlea.example>")
    return community


SMALL = {
    "content/index.md": """\
        ---
        title: Welcome
        ---
        Hello community.
        """,
    "content/people/ada-lovelace.md": """\
        ---
        name: Ada Lovelace
        role: Data engineer
        team: Data Platform
        site: Lyon
        emails: [ada@acme.example]
        skills: [kafka, python]
        interests: [running]
        languages: [fr, en]
        groups: [data-platform]
        links: {github: "https://github.com/ada-example", mail: "mailto:ada@acme.example"}
        joined: 2024-03-01
        ---
        I like streams. Write to me at ada@acme.example.
        """,
    "content/people/grace-hopper.md": """\
        ---
        name: Grace Hopper
        role: Compiler whisperer
        site: Grenoble
        emails: [grace@acme.example]
        skills: [cobol]
        joined: 2025-06-01
        ---
        """,
    "content/people/pat-partner.md": """\
        ---
        name: Pat Partner
        kind: partner
        organisation: Partnerco
        role: Integrator
        ---
        """,
    "content/groups/data-platform/index.md": """\
        ---
        title: Data Platform
        kind: project
        description: Kafka and friends.
        animators: [ada-lovelace]
        members: [grace-hopper]
        tags: [data]
        ---
        The data group.
        """,
    "content/groups/running/index.md": """\
        ---
        title: Running club
        kind: hobby
        animators: [grace-hopper]
        ---
        """,
    "content/groups/data-platform/kafka-tuning.md": """\
        ---
        title: Tuning Kafka consumers
        type: howto
        authors: [ada-lovelace]
        date: 2026-10-01
        tags: [kafka, Data]
        summary: Fewer rebalances.
        ---
        Ask @grace-hopper, see [[welcome-note]] and [[secret-draft]].

        ```python
        @decorator
        def f(): ...
        ```
        """,
    "content/notes/welcome-note.md": """\
        ---
        title: Welcome note
        authors: [grace-hopper, ada-lovelace]
        date: 2026-09-01
        tags: [community]
        groups: [running]
        ---
        Mail `ada@acme.example` or ping @ada-lovelace.
        """,
    "content/notes/secret-draft.md": """\
        ---
        title: Secret draft
        status: draft
        authors: [ada-lovelace]
        date: 2026-11-01
        tags: [draft-only]
        ---
        Not yet.
        """,
}


# Helpers every kind of test uses: the command line in this process, content written as files.


def rse(community, *args: str):
    """Run `rse ARGS` from the community's root, in this process."""
    cwd = os.getcwd()
    os.chdir(community.root)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(cwd)


def init(target: Path, *args: str):
    return CliRunner().invoke(
        main,
        ["init", str(target), "--founder", "Amélie Dubois", "--email", "amelie@acme.example", *args],
        catch_exceptions=False,
    )


def commit_all(root: Path, message: str, author: str = "Amélie Dubois <amelie@acme.example>") -> git.Repo:
    repo = git.Repo(root) if (root / ".git").exists() else git.Repo.init(root, initial_branch="main")
    repo.git.add(A=True)
    name, email = author.rstrip(">").split(" <")
    actor = git.Actor(name, email)
    repo.index.commit(message, author=actor, committer=actor)
    return repo


def write(root: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        target = root / "content" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return root / "content"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (never Playwright's own browser download)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "Debian's chromium is needed: apt-get install chromium (nox -s tests installs it)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def make_community(tmp_path):
    """A factory: `make_community(files)` writes and commits a community, returns it."""

    def make(
        files: dict[str, str] | None = None, name: str = "community", mkdocs_yml: str = MKDOCS_YML
    ) -> Community:
        community = new_community(tmp_path / name, mkdocs_yml)
        for path, text in (SMALL if files is None else files).items():
            community.write(path, text)
        community.commit("Initial community")
        return community

    return make
