"""The history pass: one git log, renames and trailers, a cache keyed by commit, refusals."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from rse_build.history import HistoryUnavailable, early_log, read_history
from tests.conftest import SMALL, rse


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


def test_a_log_started_before_the_check_reads_the_same_history(make_community):
    """rse starts `git log` before it checks the files (history.early_log): the history it reads
    is the one read afterwards; with a cache there is nothing to start; unread, git is stopped."""
    c = make_community()
    for day in range(1, 4):
        c.write(f"content/notes/n{day}.md", f"---\ntitle: N{day}\n---\n")
        c.commit(f"Note {day}", date=f"2026-02-0{day}T10:00:00+00:00")
    content = c.root / "content"
    plain = read_history(c.root, content, use_cache=False)
    early = early_log(c.root, content)
    assert early is not None
    read = read_history(c.root, content, early=early)
    early.close()
    assert not read.from_cache and read.commits == plain.commits and read.files == plain.files
    assert early_log(c.root, content) is None
    shutil.rmtree(c.root / ".rse-cache")
    # Started for another folder (mkdocs.yml read wrongly): stopped, and the history read anew.
    elsewhere = early_log(c.root, c.root)
    assert elsewhere is not None
    assert read_history(c.root, content, early=elsewhere).commits == plain.commits
    assert elsewhere.process.proc.poll() is not None
    shutil.rmtree(c.root / ".rse-cache")
    unread = early_log(c.root, content)
    assert unread is not None
    unread.close()
    assert unread.process.proc.poll() is not None
    assert not unread.thread.is_alive()
    assert not (c.root / ".rse-cache").exists()


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


def _stats(c):
    import json

    result = rse(c, "build")
    assert result.exit_code == 0, result.output
    return json.loads((c.site / "stats.json").read_text())


def test_dates_come_from_author_dates_whatever_the_log_order(make_community):
    from tests.conftest import SMALL as files

    c = make_community({**files, "content/notes/n.md": "---\ntitle: N\n---\nv1\n"})
    c.write("content/notes/n.md", "---\ntitle: N\n---\nv2\n")
    c.commit("Edit", author="Ada Lovelace <ada@acme.example>", date="2026-03-05T10:00:00+00:00")
    # A rebased commit: listed last, authored first.
    c.write("content/notes/n.md", "---\ntitle: N\n---\nv3\n")
    c.commit("Rebased", author="Grace Hopper <grace@acme.example>", date="2025-12-10T10:00:00+00:00")
    stats = _stats(c)
    page = stats["pages"]["notes/n.md"]
    assert page["created"] <= page["updated"]
    assert page["created"] == "2025-12-10" and page["updated"] == "2026-03-05"
    assert stats["community"]["monthly"][0]["month"] == "2025-12"
    grace = stats["people"]["grace-hopper"]
    assert grace["first_contribution"] <= grace["last_contribution"]
    cached = (c.site / "stats.json").read_bytes()
    shutil.rmtree(c.root / ".rse-cache")
    _stats(c)
    assert (c.site / "stats.json").read_bytes() == cached


def test_a_file_deleted_then_recreated_starts_a_new_history(make_community):
    c = make_community()
    c.write("content/notes/old.md", "---\ntitle: Old\n---\nold\n")
    c.commit("Old note", author="Ada Lovelace <ada@acme.example>", date="2026-01-01T10:00:00+00:00")
    (c.root / "content/notes/old.md").unlink()
    c.commit("Remove it", author="Ada Lovelace <ada@acme.example>", date="2026-02-01T10:00:00+00:00")
    c.write("content/notes/old.md", "---\ntitle: New at the same path\n---\nnew\n")
    c.commit("A new note", author="Grace Hopper <grace@acme.example>", date="2026-03-01T10:00:00+00:00")
    stats = _stats(c)
    assert stats["pages"]["notes/old.md"] == {
        "created": "2026-03-01",
        "updated": "2026-03-01",
        "revisions": 1,
        "contributors": ["grace-hopper"],
    }
    assert "grace-hopper" in c.page("notes/old/index.html").split("rse-byline__authors")[1][:400]


def test_a_bot_commit_with_a_human_co_author_counts_for_the_human(make_community):
    from tests.conftest import MKDOCS_YML

    c = make_community(mkdocs_yml=MKDOCS_YML + "extra:\n  rse:\n    bots: ['*@bots.example']\n")
    c.write("content/notes/b.md", "---\ntitle: B\nauthors: [ada-lovelace]\n---\nx\n")
    c.commit(
        "Bot with help\n\nCo-authored-by: Grace Hopper <grace@acme.example>",
        author="Bot <ci@bots.example>",
        date="2026-02-01T10:00:00+00:00",
    )
    stats = _stats(c)
    assert stats["people"]["grace-hopper"]["commits"] == 1
    assert stats["community"]["commits"] == 2
    assert stats["pages"]["notes/b.md"]["contributors"] == ["grace-hopper"]


def test_a_cache_with_inconsistent_data_is_a_miss(make_community):
    import marshal

    from rse_build.history import CACHE_VERSION

    c = make_community()
    read_history(c.root, c.root / "content")
    facts = next((c.root / ".rse-cache").glob("*.facts"))
    _version, head, _identities, rows = marshal.loads(facts.read_bytes())
    facts.write_bytes(marshal.dumps((CACHE_VERSION, head, (), rows)))
    assert read_history(c.root, c.root / "content").scanned == 1
    for cache in (c.root / ".rse-cache").glob("*.bin"):
        cache.write_bytes(marshal.dumps(CACHE_VERSION) + marshal.dumps(("", head, (), [[1, 2]])))
    assert read_history(c.root, c.root / "content").scanned == 1


def test_rse_stats_lists_only_pages_mkdocs_publishes(make_community):
    import json

    from tests.conftest import MKDOCS_YML, SMALL

    c = make_community(
        {**SMALL, "content/private/secret.md": "# Secret\n"},
        mkdocs_yml=MKDOCS_YML + "exclude_docs: |\n  private/\n",
    )
    result = rse(c, "stats", "--json")
    assert result.exit_code == 0, result.output
    pages = json.loads(result.stdout)["pages"]
    assert "private/secret.md" not in pages and "notes/welcome-note.md" in pages


def test_summary_paths_are_read_verbatim_or_unquoted():
    from rse_build.history import _parse_changes

    text = (
        "1\t0\tcontent/notes/réunions/old.md\0"
        "0\t3\tcontent/notes/a\tb.md\0"
        ' delete mode 100644 content/notes/réunions/old.md\n delete mode 100644 "content/notes/a\\tb.md"\n'
    )
    changes = _parse_changes(text)
    assert [(c.path, c.deleted) for c in changes] == [
        ("content/notes/réunions/old.md", True),
        ("content/notes/a\tb.md", True),
    ]


def test_deleting_a_note_with_an_accented_name(make_community):
    c = make_community()
    c.write("content/notes/réunions/old.md", "---\ntitle: Données\n---\nv1\n")
    c.commit("Add", date="2026-01-01T10:00:00+00:00")
    (c.root / "content/notes/réunions/old.md").unlink()
    c.commit("Remove", date="2026-02-01T10:00:00+00:00")
    c.write("content/notes/réunions/old.md", "---\ntitle: Données\n---\nv2\n")
    c.commit("Again", author="Grace Hopper <grace@acme.example>", date="2026-03-01T10:00:00+00:00")
    assert _stats(c)["pages"]["notes/réunions/old.md"]["created"] == "2026-03-01"
