"""The history pass: one git log, renames and trailers, a cache keyed by commit, refusals."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from rse_build.history import HistoryUnavailable, read_history
from tests.conftest import SMALL
from tests.test_build import rse


def test_cache_reads_the_same_head_and_only_new_commits(make_community):
    c = make_community()
    first = read_history(c.root, c.root / "content")
    assert not first.from_cache and first.scanned == len(first.commits) == 1
    again = read_history(c.root, c.root / "content")
    assert again.from_cache and again.scanned == 0 and again.commits == first.commits
    c.write("content/notes/new.md", "---\ntitle: New\n---\n")
    c.commit("New note", date="2026-02-01T10:00:00+00:00")
    grown = read_history(c.root, c.root / "content")
    assert grown.from_cache and grown.scanned == 1 and len(grown.commits) == 2
    c.write("content/notes/newer.md", "---\ntitle: Newer\n---\n")
    c.commit("Newer note", date="2026-02-03T10:00:00+00:00")
    twice = read_history(c.root, c.root / "content")
    assert twice.scanned == 1
    assert (
        read_history(c.root, c.root / "content").commits
        == read_history(c.root, c.root / "content", use_cache=False).commits
    )
    c.repo.git.reset("--hard", "HEAD~1")
    c.repo.git.reset("--hard", "HEAD~1")
    c.write("content/notes/other.md", "---\ntitle: Other\n---\n")
    c.commit("Rewritten history", date="2026-02-02T10:00:00+00:00")
    rewritten = read_history(c.root, c.root / "content")
    assert not rewritten.from_cache and rewritten.scanned == 2
    assert [p for p in rewritten.files if p.endswith("new.md")] == []
    assert (c.root / ".rse-cache/.gitignore").read_text().strip().endswith("*")


def test_a_broken_cache_is_read_again(make_community):
    c = make_community()
    read_history(c.root, c.root / "content")
    caches = list((c.root / ".rse-cache").glob("history-*.bin"))
    assert caches
    for cache in caches:
        cache.write_bytes(b"\x00garbage")
    assert read_history(c.root, c.root / "content").scanned == 1


def test_a_shallow_clone_is_refused_with_the_fix(make_community, tmp_path):
    c = make_community()
    c.write("content/notes/more.md", "---\ntitle: More\n---\n")
    c.commit("More")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{c.root}", str(shallow)], check=True)
    shutil.copy(c.root / "hooks/rse.py", shallow / "hooks/rse.py")
    with pytest.raises(HistoryUnavailable, match="shallow clone"):
        read_history(shallow, shallow / "content")
    c.root = shallow
    result = rse(c, "build")
    assert result.exit_code == 2
    assert "fetch-depth: 0" in result.output and "Traceback" not in result.output


def test_outside_git_exits_2_unless_no_history(tmp_path):
    from tests.conftest import MKDOCS_YML, REPO_ROOT, Community

    root = tmp_path / "plain"
    root.mkdir()
    c = Community(root, None)
    c.write("mkdocs.yml", MKDOCS_YML)
    (root / "hooks").mkdir()
    shutil.copy(REPO_ROOT / "hooks/rse.py", root / "hooks/rse.py")
    for path, text in SMALL.items():
        c.write(path, text)
    refused = rse(c, "build")
    assert refused.exit_code == 2 and "--no-history" in refused.output
    built = rse(c, "build", "--no-history")
    assert built.exit_code == 0, built.output
    assert (root / "site/people/ada-lovelace/index.html").is_file()
    assert not (root / "site/stats.json").exists()


def test_missing_objects_are_named_not_a_traceback(make_community):
    c = make_community()
    c.write("content/notes/more.md", "---\ntitle: More\n---\nmore\n")
    c.commit("More")
    objects = c.root / ".git/objects"
    blob = c.repo.git.rev_parse("HEAD:content/notes/more.md")
    (objects / blob[:2] / blob[2:]).unlink()
    shutil.rmtree(c.root / ".rse-cache", ignore_errors=True)
    result = rse(c, "build")
    assert result.exit_code == 2, result.output
    assert "missing objects" in result.output and "Traceback" not in result.output
