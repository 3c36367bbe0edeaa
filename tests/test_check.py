"""`rse check`: a corpus of broken files, each with its exact location and exit code."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SMALL
from tests.test_build import rse

GOOD_NOTE = "---\ntitle: Fine\nauthors: [ada-lovelace]\n---\n"

# (file, content, expected "path:line:column: message" prefix)
BROKEN = [
    ("notes/unclosed.md", "---\ntitle: x\n", "content/notes/unclosed.md:1:1: front matter is not closed"),
    ("notes/empty-fm.md", "---\n---\nbody\n", "content/notes/empty-fm.md:1:1: front matter is empty"),
    ("notes/list-fm.md", "---\n- a\n---\n", "content/notes/list-fm.md:2:1: front matter must be a mapping"),
    ("notes/bad-yaml.md", "---\ntitle: [x\n---\n", "content/notes/bad-yaml.md:3:1: invalid YAML"),
    ("notes/tab-yaml.md", "---\ntitle: a\n\tb: c\n---\n", "content/notes/tab-yaml.md:3:1: invalid YAML"),
    (
        "notes/dup-key.md",
        "---\ntitle: a\ntitle: b\n---\n",
        "content/notes/dup-key.md:3:1: key 'title' appears twice",
    ),
    ("notes/no-title.md", "---\ntype: note\n---\n", "content/notes/no-title.md:1:1: 'title' is required"),
    ("notes/no-fm.md", "# Just markdown\n", "content/notes/no-fm.md:1:1: 'title' is required"),
    (
        "notes/bad-type.md",
        "---\ntitle: x\ntype: essay\n---\n",
        "content/notes/bad-type.md:3:1: 'type': Input should be",
    ),
    (
        "notes/bad-status.md",
        "---\ntitle: x\nstatus: done\n---\n",
        "content/notes/bad-status.md:3:1: 'status'",
    ),
    (
        "notes/bad-state.md",
        "---\ntitle: x\ntype: idea\nstate: maybe\n---\n",
        "content/notes/bad-state.md:4:1: 'state'",
    ),
    (
        "notes/bad-date.md",
        "---\ntitle: x\ndate: 2026-13-45\n---\n",
        "content/notes/bad-date.md:3:7: invalid value for 'date': month must be in 1..12",
    ),
    (
        "notes/bad-start.md",
        "---\ntitle: x\ntype: event\nstart: tomorrow\n---\n",
        "content/notes/bad-start.md:4:1: 'start'",
    ),
    (
        "notes/no-start.md",
        "---\ntitle: x\ntype: event\n---\n",
        "content/notes/no-start.md:3:1: an event needs 'start'",
    ),
    (
        "notes/end-first.md",
        "---\ntitle: x\ntype: event\nstart: 2026-12-03T18:00\nend: 2026-12-03T17:00\n---\n",
        "content/notes/end-first.md:5:1: 'end' is before 'start'",
    ),
    ("notes/Bad_Name.md", GOOD_NOTE, "content/notes/Bad_Name.md:1:1: note file name 'Bad_Name' must use"),
    (
        "notes/bad-author.md",
        "---\ntitle: x\nauthors: [ada-lovelac]\n---\n",
        "content/notes/bad-author.md:3:11: unknown author 'ada-lovelac'; did you mean 'ada-lovelace'?",
    ),
    (
        "notes/bad-group.md",
        "---\ntitle: x\ngroups:\n  - data-platfrom\n---\n",
        "content/notes/bad-group.md:4:5: unknown group 'data-platfrom'; did you mean 'data-platform'?",
    ),
    (
        "notes/bad-supporter.md",
        "---\ntitle: x\ntype: idea\nsupporters: [nobody-here]\n---\n",
        "content/notes/bad-supporter.md:4:14: unknown supporter 'nobody-here'",
    ),
    (
        "notes/bad-mention.md",
        GOOD_NOTE + "Hello\nthanks @grace-hoper!\n",
        "content/notes/bad-mention.md:6:8: unknown person '@grace-hoper'; did you mean 'grace-hopper'?",
    ),
    (
        "notes/bad-link.md",
        GOOD_NOTE + "See [[welcome-notes]].\n",
        "content/notes/bad-link.md:5:5: unknown note '[[welcome-notes]]'; did you mean 'welcome-note'?",
    ),
    (
        "notes/widen.md",
        "---\ntitle: x\ngroups: [running]\naudience: public\n---\n",
        "content/notes/widen.md:4:1: audience 'public' widens group 'running' (internal)",
    ),
    (
        "notes/bad-audience.md",
        "---\ntitle: x\naudience: interna\n---\n",
        "content/notes/bad-audience.md:3:1: unknown audience 'interna'; did you mean 'internal'?",
    ),
    (
        "notes/latin1.md",
        b"---\ntitle: caf\xe9\n---\n",
        "content/notes/latin1.md:2:11: file is not UTF-8 text",
    ),
    ("people/no-name.md", "---\nrole: x\n---\n", "content/people/no-name.md:1:1: 'name' is required"),
    ("people/bad-kind.md", "---\nname: x\nkind: robot\n---\n", "content/people/bad-kind.md:3:1: 'kind'"),
    (
        "people/bad-joined.md",
        "---\nname: x\njoined: yesterday\n---\n",
        "content/people/bad-joined.md:3:1: 'joined'",
    ),
    (
        "people/bad-avatar.md",
        "---\nname: x\navatar: ../../secret.png\n---\n",
        "content/people/bad-avatar.md:3:1: avatar '../../secret.png' is outside content/",
    ),
    ("people/bad-stats.md", "---\nname: x\nstats: maybe\n---\n", "content/people/bad-stats.md:3:1: 'stats'"),
    (
        "groups/bad-animator/index.md",
        "---\ntitle: G\nanimators: [ghost]\n---\n",
        "content/groups/bad-animator/index.md:3:13: unknown animator 'ghost'",
    ),
    (
        "groups/bad-kind/index.md",
        "---\ntitle: G\nkind: club\n---\n",
        "content/groups/bad-kind/index.md:3:1: 'kind'",
    ),
    ("groups/no-index/note.md", GOOD_NOTE, "content/groups/no-index:1:1: group folder has no index.md"),
]


@pytest.mark.parametrize(("path", "text", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_file_is_located(make_community, path, text, expected):
    files = dict(SMALL)
    files[f"content/{path}"] = text
    community = make_community(files)
    result = rse(community, "check")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any(line.startswith(expected) for line in lines), result.output
    assert "Traceback" not in result.output


def test_all_problems_in_one_run(make_community):
    files = dict(SMALL)
    for path, text, _ in BROKEN:
        files[f"content/{path}"] = text
    community = make_community(files)
    result = rse(community, "check")
    assert result.exit_code == 1
    for _, _, expected in BROKEN:
        assert any(line.startswith(expected) for line in result.output.splitlines()), expected


PASSING = {
    "content/notes/unicode.md": "---\ntitle: Données & « guillemets » ✓\ntags: [données, C++, 日本語]\n"
    "authors: [ada-lovelace]\n---\n"
    "Mail ada@acme.example, or `@not-a-mention`, an email grace@x.example.\n\n"
    "```python\n@pytest.fixture\ndef f(): ...\n```\n\n    @indented_code\n\nTalk to @ada-lovelace.\n",
}


def test_emails_decorators_and_unicode_pass(make_community):
    community = make_community({**SMALL, **PASSING})
    result = rse(community, "check")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("0 errors, 1 warnings") or "0 errors" in result.output


def test_warnings_fail_only_with_strict(make_community):
    files = {**SMALL, "content/notes/typo.md": "---\ntitle: x\ntilte: y\n---\n"}
    community = make_community(files)
    relaxed = rse(community, "check")
    assert relaxed.exit_code == 0
    assert "content/notes/typo.md:3:1: warning: unknown key 'tilte'; did you mean 'title'?" in relaxed.output
    assert rse(community, "check", "--strict").exit_code == 1


def test_formats(make_community):
    files = {**SMALL, "content/notes/bad.md": "---\ntitle: x\nauthors: [nobody, ada-lovelace]\n---\n"}
    community = make_community(files)
    github = rse(community, "check", "--format", "github")
    assert github.exit_code == 1
    assert (
        "::error file=content/notes/bad.md,line=3,col=11,title=rse check::unknown author 'nobody'"
        in github.output
    )
    gitlab = json.loads(rse(community, "check", "--format", "gitlab").stdout)
    errors = [e for e in gitlab if e["severity"] == "major"]
    assert errors[0]["location"] == {"path": "content/notes/bad.md", "lines": {"begin": 3}}
    assert len({e["fingerprint"] for e in gitlab}) == len(gitlab)
    report = json.loads(rse(community, "check", "--format", "json").stdout)
    assert report["errors"] == 1
    assert report["problems"][0] | {} == {
        "path": "content/notes/bad.md",
        "line": 3,
        "column": 11,
        "severity": "error",
        "message": "unknown author 'nobody'",
    } or any(p["message"] == "unknown author 'nobody'" for p in report["problems"])


def test_build_refuses_content_errors_and_strict_warnings(make_community):
    community = make_community({**SMALL, "content/notes/typo.md": "---\ntitle: x\ntilte: y\n---\n"})
    assert rse(community, "build").exit_code == 0
    strict = rse(community, "build", "--strict", "--site-dir", "strict-site")
    assert strict.exit_code == 1
    assert "content/notes/typo.md:3:1: warning: unknown key 'tilte'" in strict.output
    assert not (community.root / "strict-site").exists()
