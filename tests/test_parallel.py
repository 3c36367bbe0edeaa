"""`rse build --jobs N`: pages rendered by N forked workers make the same bytes as one process,
for every audience; what a worker logs still counts in strict mode; a page failing in a worker
is told where, with a non-zero exit, and the previous site stays."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rse_build.cli import main
from tests.conftest import REPO_ROOT, demo_community, rse
from tests.sitecheck import tree_bytes

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from build_ratio import prepare


def _audiences(root: Path) -> dict[str, bytes]:
    return tree_bytes(root)


def test_every_audience_of_the_demo_is_the_same_bytes_with_any_number_of_jobs(tmp_path):
    community = demo_community(tmp_path / "demo")
    for jobs in ("1", "2", "3"):
        result = rse(community, "build", "--all-audiences", "--jobs", jobs, "--site-dir", f"jobs-{jobs}")
        assert result.exit_code == 0, result.output
    one = _audiences(community.root / "jobs-1")
    assert {name.split("/")[0] for name in one} == {"cobalt", "internal", "public"}
    assert _audiences(community.root / "jobs-2") == one
    assert _audiences(community.root / "jobs-3") == one


def test_a_generated_community_is_the_same_bytes_with_two_jobs(tmp_path):
    """Generated names, addresses, responses and two audiences, in a repository of its own."""
    root = tmp_path / "generated"
    root.mkdir()
    prepare(root, 150, 60, 8, public_every=3, responses=80)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        from click.testing import CliRunner

        for jobs in ("1", "2"):
            result = CliRunner().invoke(
                main, ["build", "--all-audiences", "--jobs", jobs, "--site-dir", jobs]
            )
            assert result.exit_code == 0, result.output
    finally:
        os.chdir(cwd)
    assert tree_bytes(root / "2") == tree_bytes(root / "1")


BROKEN_TEMPLATE = (
    '{% extends "main.html" %}\n{% block content %}{{ page.meta.nothing.deeper }}{% endblock %}\n'
)


def test_a_page_failing_in_a_worker_is_told_and_the_previous_site_stays(make_community):
    community = make_community()
    assert rse(community, "build", "--jobs", "2").exit_code == 0
    before = tree_bytes(community.site)
    community.write("theme/broken.html", BROKEN_TEMPLATE)
    # A page of its own (not a note: rse gives notes its template).
    community.write("content/broken.md", "---\ntitle: Broken\ntemplate: broken.html\n---\nHello.\n")
    config = community.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: theme\n")
    )
    community.commit("A template that fails")
    for jobs in ("1", "2"):
        result = rse(community, "build", "--jobs", jobs)
        assert result.exit_code == 2, result.output
        assert "'dict object' has no attribute 'nothing'" in result.output
        assert "Traceback" not in result.output
        assert tree_bytes(community.site) == before


def test_a_warning_logged_in_a_worker_fails_a_strict_build(tmp_path):
    """MkDocs warns of a link to a missing page while a worker converts the note."""
    community = demo_community(tmp_path / "demo")
    community.write("content/dangling.md", "---\ntitle: Dangling\n---\nSee [there](missing-page.md).\n")
    community.commit("A dangling link")
    aborted = []
    for jobs in ("1", "2"):
        result = rse(community, "build", "--strict", "--jobs", jobs, "--site-dir", f"strict-{jobs}")
        assert result.exit_code != 0, result.output
        assert "missing-page.md" in result.output
        aborted.append([line for line in result.output.splitlines() if "Aborted with" in line])
        relaxed = rse(community, "build", "--jobs", jobs, "--site-dir", f"relaxed-{jobs}")
        assert relaxed.exit_code == 0, relaxed.output
    assert tree_bytes(community.root / "relaxed-2") == tree_bytes(community.root / "relaxed-1")
    # The warnings the workers logged are counted once each, as one process counts them.
    assert aborted[0] == aborted[1] and "Aborted with 1 warnings in strict mode!" in aborted[0][0]


def test_a_community_with_a_hook_of_its_own_builds_in_one_process(make_community):
    """rse cannot know what another hook keeps across pages: MkDocs' own build runs."""
    community = make_community()
    assert "(2 jobs)" in rse(community, "build", "--jobs", "2", "-v", "--site-dir", "before").output
    community.write(
        "hooks/count.py",
        "PAGES = []\n\ndef on_page_markdown(markdown, page, **kwargs):\n"
        "    PAGES.append(page.file.src_uri)\n    return markdown\n",
    )
    config = community.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - hooks/rse.py\n", "  - hooks/rse.py\n  - hooks/count.py\n")
    )
    community.commit("A hook of our own")
    two = rse(community, "build", "--jobs", "2", "-v", "--site-dir", "two")
    assert two.exit_code == 0 and "(2 jobs)" not in two.output
    assert rse(community, "build", "--jobs", "1", "--site-dir", "one").exit_code == 0
    assert tree_bytes(community.root / "two") == tree_bytes(community.root / "one")
