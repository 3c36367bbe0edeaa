"""Hostile input and failing builds: escaping, sanitising, paths, and atomic output."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import MKDOCS_YML, SMALL, rse
from tests.sitecheck import external_requests, text_files, tree_bytes

PROBE = "<script>alert(1)</script><img src=x onerror=alert(2)>"

EVERY_FIELD = {
    "content/index.md": "---\ntitle: Home\n---\nHi.\n",
    "content/people/eve.md": f"""\
        ---
        name: "Eve {PROBE}"
        role: "{PROBE}"
        team: "{PROBE}"
        site: "{PROBE}"
        organisation: "{PROBE}"
        kind: partner
        emails: [eve@evil.example]
        skills: ["{PROBE}"]
        interests: ["{PROBE}"]
        languages: ["{PROBE}"]
        groups: [g]
        links: {{"{PROBE}": "javascript:alert(3)", web: "https://example.org/?q={PROBE}"}}
        joined: 2024-01-01
        ---
        Bio.
        """,
    "content/groups/g/index.md": f"""\
        ---
        title: "G {PROBE}"
        kind: partner
        description: "{PROBE}"
        animators: [eve]
        tags: ["{PROBE}"]
        created: 2025-01-01
        ---
        """,
    "content/groups/g/idea.md": f"""\
        ---
        title: "Idea {PROBE}"
        type: idea
        state: proposed
        supporters: [eve]
        authors: [eve]
        date: 2026-01-01
        tags: ["{PROBE}"]
        summary: "{PROBE}"
        ---
        Body.
        """,
    "content/groups/g/meetup.md": f"""\
        ---
        title: "Meetup {PROBE}"
        type: event
        start: 2026-12-03T18:00
        end: 2026-12-03T20:00
        place: "{PROBE}"
        authors: [eve]
        ---
        """,
}


def test_every_front_matter_field_is_escaped(make_community):
    community = make_community(EVERY_FIELD)
    result = rse(community, "build", "--strict")
    assert result.exit_code == 0, result.output
    checked = 0
    for file, text in text_files(community.site):
        if file.suffix not in {".html", ".xml", ".json", ".svg"}:  # .ics is text, not markup
            continue
        checked += 1
        assert "<script>alert" not in text, file
        assert "<img src=x" not in text, file
        assert 'href="javascript:' not in text, file
    assert checked > 10
    profile = community.page("people/eve/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in profile


BODY = """\
---
title: Rich note
authors: [ada-lovelace]
date: 2026-01-01
---
Before.

<script>alert('body')</script>
<div onclick="alert('click')" class="keep">kept <b>bold</b></div>
<a href="javascript:alert('link')">bad link</a>
<img src="https://tracker.example/pixel.gif" alt="pixel">
<iframe src="https://evil.example"></iframe>
<p style="color: red; background: url(https://evil.example/x.png)">styled</p>

!!! note "An admonition"
    With `code`.

- [x] done
- [ ] to do

| a | b |
|:--|--:|
| 1 | 2 |

```python
print("highlighted")
```
"""

RICH_YML = (
    MKDOCS_YML
    + """\
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences
  - pymdownx.tasklist:
      custom_checkbox: true
"""
)


def _rich(make_community, sanitize: bool | None):
    yml = RICH_YML + ("" if sanitize is None else f"extra:\n  rse:\n    sanitize: {str(sanitize).lower()}\n")
    files = dict(SMALL)
    files["content/notes/rich.md"] = BODY
    community = make_community(files, name=f"rich-{sanitize}", mkdocs_yml=yml)
    result = rse(community, "build")
    assert result.exit_code == 0, result.output
    return community.page("notes/rich/index.html")


def test_html_in_bodies_is_sanitised_by_default(make_community):
    html = _rich(make_community, None)
    body = html[html.index('class="rse-note__body"') :]
    assert "alert(" not in body
    assert "onclick" not in body and "<iframe" not in body and "javascript:" not in body
    assert "tracker.example" not in body and "evil.example" not in body
    assert '<div class="keep">kept <b>bold</b></div>' in body
    assert 'style="color:red"' in body
    # Material's extensions survive: admonition, task list, table alignment, highlighting.
    assert 'class="admonition note"' in body
    assert 'type="checkbox"' in body and "task-list-indicator" in body
    assert 'style="text-align:left"' in body
    assert '<div class="highlight"><pre><span></span><code><span class="nb">print' in body


def test_sanitising_can_be_turned_off_for_trusted_communities(make_community):
    html = _rich(make_community, False)
    assert "<script>alert('body')</script>" in html


def test_oversized_files_are_refused_with_their_path(make_community):
    files = dict(SMALL)
    yml = MKDOCS_YML + "extra:\n  rse:\n    max_file_mb: 0.01\n"
    community = make_community(files, mkdocs_yml=yml)
    community.write("content/notes/huge.md", "---\ntitle: Huge\n---\n" + "x" * 20_000)
    community.write("content/people/photo.png", b"\0" * 20_000)
    result = rse(community, "check")
    assert result.exit_code == 1
    assert "content/notes/huge.md:1:1: file is 0.0191 MB, over the 0.01 MB limit" in result.output
    assert "content/people/photo.png:1:1: file is 0.0191 MB" in result.output
    assert "Traceback" not in result.output


def test_symlinks_leaving_the_repository_are_refused(make_community, tmp_path):
    community = make_community()
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\n---\n/etc/passwd\n", encoding="utf-8")
    (community.root / "content/notes/leak.md").symlink_to(secret)
    result = rse(community, "build")
    assert result.exit_code == 1
    assert "content/notes/leak.md:1:1: symbolic link leads outside the repository" in result.output


def test_a_failed_build_leaves_the_previous_site_byte_identical(make_community):
    community = make_community(EVERY_FIELD)
    assert rse(community, "build", "--strict").exit_code == 0
    before = tree_bytes(community.site)
    # A hand-written page with a broken link: MkDocs warns late, after writing pages, and
    # --strict aborts the build.
    community.write("content/guide.md", "---\ntitle: Guide\n---\nSee [missing](nowhere.md).\n")
    result = rse(community, "build", "--strict")
    assert result.exit_code == 2, result.output
    assert "previous site is unchanged" in result.output
    assert tree_bytes(community.site) == before
    assert sorted(p.name for p in community.root.iterdir() if p.name.startswith(".site")) == []


def test_two_builds_at_once_do_not_mix(make_community):
    community = make_community()
    assert rse(community, "build", "--site-dir", "reference").exit_code == 0
    command = [sys.executable, "-m", "rse_build", "build"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    runs = [subprocess.Popen(command, cwd=community.root, env=env) for _ in range(2)]
    assert [run.wait() for run in runs] == [0, 0]
    assert tree_bytes(community.site) == tree_bytes(community.root / "reference")
    assert not list(community.root.glob(".site.building-*"))
    _previous_sites_are_removed(community.root)


def _previous_sites_are_removed(root: Path) -> None:
    """Replaced sites are deleted by a detached process: wait for it, a minute at most."""
    deadline = time.monotonic() + 60
    while list(root.glob(".site.previous-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site.")]


def test_a_replaced_site_is_deleted_after_the_swap_and_leftovers_are_swept(make_community):
    community = make_community()
    assert rse(community, "build").exit_code == 0
    left_by_a_killed_build = community.root / ".site.previous-1-dead"
    (left_by_a_killed_build / "notes").mkdir(parents=True)
    (left_by_a_killed_build / "notes" / "index.html").write_text("old")
    assert rse(community, "build").exit_code == 0
    assert (community.site / "index.html").is_file()
    _previous_sites_are_removed(community.root)


def test_no_file_of_any_site_names_another_host(make_community):
    files = dict(SMALL)
    files["content/notes/rich.md"] = BODY
    community = make_community(files, mkdocs_yml=RICH_YML)
    assert rse(community, "build").exit_code == 0
    assert external_requests(community.site) == []
    csp = 'http-equiv="Content-Security-Policy" content="default-src \'self\''
    for file in community.site.rglob("*.html"):
        assert csp in file.read_text(encoding="utf-8"), file
