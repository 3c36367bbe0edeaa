"""`rse check`: a corpus of broken files, each with its exact location and exit code."""

from __future__ import annotations

import json

import git
import pytest
from click.testing import CliRunner

from rse_build.cli import main
from tests.conftest import MKDOCS_YML, SMALL, rse

GOOD_NOTE = "---\ntitle: Fine\nauthors: [ada-lovelace]\n---\n"

# (file, content, expected "path:line:column: message" prefix)
BROKEN = [
    ("notes/unclosed.md", "---\ntitle: x\n", "content/notes/unclosed.md:1:1: front matter is not closed"),
    ("notes/empty-fm.md", "---\n---\nbody\n", "content/notes/empty-fm.md:1:1: front matter is empty"),
    ("notes/list-fm.md", "---\n- a\n---\n", "content/notes/list-fm.md:2:1: front matter must be a mapping"),
    ("notes/bad-yaml.md", "---\ntitle: [x\n---\n", "content/notes/bad-yaml.md:3:1: invalid YAML"),
    (
        "notes/tab-yaml.md",
        "---\ntitle: a\n\tb: c\n---\n",
        "content/notes/tab-yaml.md:3:1: line 3 starts with a tab: indent with spaces",
    ),
    (
        "notes/tab-item.md",
        "---\ntitle: a\ntags:\n- x\n-\ty\n---\n",
        "content/notes/tab-item.md:5:2: line 5 has a tab where YAML needs a space: use spaces",
    ),
    (
        "notes/dup-key.md",
        "---\ntitle: a\ntitle: b\n---\n",
        "content/notes/dup-key.md:3:1: key 'title' appears twice",
    ),
    ("notes/no-title.md", "---\ntype: note\n---\n", "content/notes/no-title.md:1:1: 'title' is required"),
    ("notes/no-fm.md", "Just markdown, no heading\n", "content/notes/no-fm.md:1:1: 'title' is required"),
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
        "content/notes/bad-mention.md:6:8: unknown person '@grace-hoper'; did you mean '@grace-hopper'?",
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
    assert result.output.splitlines()[-1] == (
        "ok: 3 people, 2 groups, 4 notes; 0 errors, 0 warnings, 1 piece of advice"
    )


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


def _without_skills(count: int) -> dict[str, str]:
    """Profiles as an import leaves them: a name, no skills yet."""
    return {f"content/people/person-{i:02d}.md": f"---\nname: Person {i}\n---\n" for i in range(count)}


# SMALL's pat-partner has no skills either: it sorts first.
SKILLS_SUMMARY = (
    "advice: 31 profiles have no skills yet, e.g. content/people/pat-partner.md, "
    "content/people/person-00.md, content/people/person-01.md (rse check --verbose lists them all)"
)
NO_SKILLS = "advice: no skills yet: add skills: [...] so colleagues can find you"


@pytest.fixture
def crowd(make_community):
    """SMALL, 30 imported profiles without skills, and 6 notes with the same error."""
    bad_notes = {f"content/notes/bad-{i}.md": "---\ntitle: x\nauthors: [nobody]\n---\n" for i in range(6)}
    return make_community({**SMALL, **_without_skills(30), **bad_notes})


def test_advice_on_many_files_is_told_once_and_errors_never(crowd):
    result = rse(crowd, "check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line for line in lines if "skills" in line] == [SKILLS_SUMMARY]
    errors = [line for line in lines if "unknown author 'nobody'" in line]
    assert errors == [f"content/notes/bad-{i}.md:3:11: unknown author 'nobody'" for i in range(6)]
    assert lines[-1] == "failed: 33 people, 2 groups, 9 notes; 6 errors, 0 warnings, 31 pieces of advice"


def test_verbose_lists_every_file(crowd):
    result = rse(crowd, "check", "--verbose")
    advice = [line for line in result.output.splitlines() if NO_SKILLS in line]
    assert len(advice) == 31
    assert f"content/people/person-29.md:2:1: {NO_SKILLS}" in advice
    assert "profiles have no skills yet" not in result.output


def test_changed_since_shows_the_touched_files_advice_located(make_community):
    community = make_community({**SMALL, **_without_skills(30)})
    community.write("content/people/person-07.md", "---\nname: Person Seven\nrole: Tester\n---\n")
    result = rse(community, "check", "--changed-since", "HEAD")
    assert result.exit_code == 0, result.output
    assert f"content/people/person-07.md:2:1: {NO_SKILLS}" in result.output.splitlines()
    assert "profiles have no skills yet" not in result.output
    assert result.output.splitlines()[-1] == (
        "ok: 1 file touched or affected since HEAD; 0 errors, 0 warnings, 1 piece of advice"
    )


def test_strict_passes_with_advice_and_fails_with_a_warning(make_community):
    files = {**SMALL, **_without_skills(30)}
    files["content/groups/data-platform/kafka-tuning.md"] = (
        "---\ntitle: Kafka\nauthors: [ada-lovelace]\n---\n"
    )
    community = make_community(files)
    passing = rse(community, "check", "--strict")
    assert passing.exit_code == 0, passing.output
    assert SKILLS_SUMMARY in passing.output
    community.write("content/notes/typo.md", "---\ntitle: x\ntilte: y\n---\n")
    failing = rse(community, "check", "--strict")
    assert failing.exit_code == 1
    assert "content/notes/typo.md:3:1: warning: unknown key 'tilte'; did you mean 'title'?" in failing.output


def test_each_format_renders_advice(crowd):
    github = rse(crowd, "check", "--format", "github").stdout.splitlines()
    assert f"::notice title=rse check::{SKILLS_SUMMARY}" in github
    assert (
        "::error file=content/notes/bad-0.md,line=3,col=11,title=rse check::unknown author 'nobody'" in github
    )
    assert len(github) == 1 + 6  # the crowd told once, each error

    gitlab = json.loads(rse(crowd, "check", "--format", "gitlab").stdout)
    [advice] = [entry for entry in gitlab if entry["severity"] == "info"]
    assert advice["description"] == SKILLS_SUMMARY
    assert advice["location"] == {"path": "content/people/pat-partner.md", "lines": {"begin": 2}}
    assert sorted(entry["severity"] for entry in gitlab) == ["info"] + ["major"] * 6

    report = json.loads(rse(crowd, "check", "--format", "json").stdout)
    assert (report["errors"], report["warnings"], report["advice"]) == (6, 0, 31)
    assert sum(p["severity"] == "advice" for p in report["problems"]) == 31
    assert report["summaries"] == [
        {
            "severity": "advice",
            "rule": "skills",
            "count": 31,
            "message": SKILLS_SUMMARY,
            "examples": [
                "content/people/pat-partner.md",
                "content/people/person-00.md",
                "content/people/person-01.md",
            ],
        }
    ]

    located = rse(crowd, "check", "--format", "github", "--verbose").stdout.splitlines()
    assert (
        f"::notice file=content/people/person-03.md,line=2,col=1,title=rse check::{NO_SKILLS[8:]}" in located
    )


def test_check_from_a_subfolder_finds_the_community(make_community, monkeypatch):
    files = {**SMALL, "content/notes/bad.md": "---\ntitle: x\nauthors: [nobody]\n---\n"}
    files["content/people/wrong-group.md"] = "---\nname: W\nskills: [x]\ngroups: [nowhere]\n---\n"
    community = make_community(files)
    monkeypatch.chdir(community.root / "content" / "people")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "wrong-group.md:4:10: unknown group 'nowhere'" in lines
    assert "../notes/bad.md:3:11: unknown author 'nobody'" in lines
    assert f"pat-partner.md:2:1: {NO_SKILLS}" in lines
    explicit = CliRunner().invoke(main, ["check", "-f", "../../mkdocs.yml"])
    assert explicit.output == result.output


def test_the_search_for_mkdocs_yml_stops_at_the_repository_root(make_community, monkeypatch):
    community = make_community()
    inner = community.root / "vendored"
    git.Repo.init(inner)
    monkeypatch.chdir(inner)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "no mkdocs.yml here nor in a folder above" in result.output


def test_a_tab_in_mkdocs_yml_is_located(make_community):
    community = make_community()
    community.write("mkdocs.yml", MKDOCS_YML.replace("  name: material", "\tname: material"))
    result = rse(community, "check")
    assert result.exit_code == 2
    assert result.output == "mkdocs.yml:4:1: line 4 starts with a tab: indent with spaces\n"


def test_a_french_community_is_told_in_french(make_community):
    french = MKDOCS_YML + "extra:\n  rse:\n    language: fr\n"
    files = {**SMALL, **_without_skills(30), "content/notes/bad.md": "---\ntitle: x\nauthors: [a, b]\n---\n"}
    community = make_community(files, mkdocs_yml=french)
    result = rse(community, "check")
    lines = result.output.splitlines()
    assert (
        "advice: 31 profils n'ont pas encore de compétences, p. ex. content/people/pat-partner.md, "
        "content/people/person-00.md, content/people/person-01.md (rse check --verbose les liste tous)"
    ) in lines
    assert lines[-1] == "échec : 33 personnes, 2 groupes, 4 notes ; 2 erreurs, 0 avertissement, 31 conseils"
    build = rse(community, "build")
    assert build.exit_code == 1
    assert build.output.splitlines()[-1] == "2 erreurs dans le contenu : rien n'a été construit."

    community.write("content/notes/bad.md", "---\ntitle: x\nauthors: [a]\n---\n")
    one = rse(community, "check").output.splitlines()[-1]
    assert one == "échec : 33 personnes, 2 groupes, 4 notes ; 1 erreur, 0 avertissement, 31 conseils"
    # The build leaves the draft out, so SMALL's link to it is a warning: 1 error + 1 warning.
    strict = rse(community, "build", "--strict").output.splitlines()[-1]
    assert strict == "2 problèmes dans le contenu : rien n'a été construit."


def test_after_an_import_the_generated_ci_builds_with_strict(make_community):
    """40 profiles without skills: advice, never a reason for `--strict` to build nothing."""
    files = {
        "content/index.md": "---\ntitle: Welcome\n---\nHello.\n",
        "content/groups/community/index.md": "---\ntitle: Community\nanimators: [person-00]\n---\n",
        **_without_skills(40),
    }
    community = make_community(files)
    result = rse(community, "build", "--all-audiences", "--strict", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    assert "advice: 40 profiles have no skills yet, e.g. content/people/person-00.md" in result.output
    assert (community.root / "out/internal/people/person-39/index.html").is_file()
    assert "Built 40 people, 1 group and 0 notes for 'internal' into out/internal/" in result.output
