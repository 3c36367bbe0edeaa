"""The contributor's tools: check of a merge request, rse new, JSON Schemas (rse import: test_import.py)."""

from __future__ import annotations

import datetime as dt

import git
import jsonschema
from click.testing import CliRunner

from rse_build.cli import main
from rse_build.frontmatter import split
from rse_build.load import load_content
from rse_build.schemas import KINDS, schema, schema_text
from tests.conftest import REPO_ROOT, rse


def test_merge_request_check_reports_the_change_and_what_it_breaks(make_community, tmp_path):
    origin = make_community()
    bare = tmp_path / "remote.git"
    git.Repo.clone_from(origin.root, bare, bare=True)
    clone_dir = tmp_path / "clone"
    clone = git.Repo.clone_from(bare, clone_dir)
    clone.git.checkout("-b", "new-note")
    from tests.conftest import Community

    work = Community(clone_dir, clone)
    work.write(
        "content/notes/fresh.md", "---\ntitle: Fresh\nauthors: [ada-lovelase]\n---\nHi @grace-hopper.\n"
    )
    work.commit("Add a note with a typo")
    broken = rse(work, "check", "--changed-since", "origin/main")
    assert broken.exit_code == 1
    lines = [line for line in broken.output.splitlines() if line.startswith("content/")]
    assert lines == [
        "content/notes/fresh.md:3:11: unknown author 'ada-lovelase'; did you mean 'ada-lovelace'?"
    ]

    work.write(
        "content/notes/fresh.md", "---\ntitle: Fresh\nauthors: [ada-lovelace]\n---\nHi @grace-hopper.\n"
    )
    work.commit("Fix the author")
    assert rse(work, "check", "--changed-since", "origin/main").exit_code == 0

    (clone_dir / "content/people/grace-hopper.md").unlink()
    work.commit("Grace leaves")
    gone = rse(work, "check", "--changed-since", "origin/main")
    assert gone.exit_code == 1
    assert "content/notes/welcome-note.md:3:11: unknown author 'grace-hopper'" in gone.output
    assert "content/groups/running/index.md:4:13: unknown animator 'grace-hopper'" in gone.output
    clone.git.checkout("--", ".")
    clone.git.reset("--hard", "HEAD~1")

    clone.git.push("origin", "new-note:main")
    merged = git.Repo.clone_from(bare, tmp_path / "merged")
    merged_site = tmp_path / "merged-site"
    result = rse(Community(tmp_path / "merged", merged), "build", "--site-dir", str(merged_site))
    assert result.exit_code == 0, result.output
    assert "Fresh" in (merged_site / "notes/fresh/index.html").read_text()


def test_unknown_ref_is_an_environment_error(make_community):
    community = make_community()
    result = rse(community, "check", "--changed-since", "origin/nope")
    assert result.exit_code == 2
    assert "unknown revision 'origin/nope'" in result.output


def test_schemas_in_the_repository_are_generated_from_the_models():
    for kind in KINDS:
        assert (REPO_ROOT / "schemas" / f"{kind}.schema.json").read_text() == schema_text(kind)


def _json_ready(value):
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value


def test_schemas_accept_the_demo_and_reject_mistakes():
    content = REPO_ROOT / "content"
    loaded = load_content(content)
    kinds = (
        ("person", loaded.people),
        ("group", loaded.groups),
        ("note", loaded.notes),
        ("response", loaded.responses),
    )
    for kind, records in kinds:
        assert records, kind
        validator = jsonschema.Draft7Validator(schema(kind))
        for record in records:
            data = split((content / record.path).read_text()).data
            assert list(validator.iter_errors(_json_ready(data))) == [], record.path
    note = jsonschema.Draft7Validator(schema("note"))
    assert list(note.iter_errors({"title": "x", "type": "essay"}))
    assert list(note.iter_errors({"title": "", "type": "note"}))
    assert list(note.iter_errors({"title": "x", "tilte": "y"}))
    response = jsonschema.Draft7Validator(schema("response"))
    assert list(response.iter_errors({"kind": "comment"}))
    assert list(response.iter_errors({"kind": "rsvp", "rsvp": "perhaps"}))


def test_pre_commit_hook_runs_rse_check():
    hooks = (REPO_ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "entry: rse check" in hooks and "id: rse-check" in hooks


def test_help_of_every_new_command():
    runner = CliRunner()
    for args in (
        ["new", "--help"],
        ["new", "note", "--help"],
        ["import", "people", "--help"],
        ["schemas", "--help"],
        ["check", "--help"],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 0 and "Usage:" in result.output, args
