"""`rse mentions --changed-since REF`: whom a change concerns, in real git repositories with a
branch that changes a community (committed and uncommitted work)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import MKDOCS_YML, rse

BASE = {
    "content/index.md": "---\ntitle: Welcome\n---\nHello.\n",
    "content/people/ada.md": """\
        ---
        name: Ada Lovelace
        emails: [ada@acme.example]
        links: {github: "https://github.com/Ada-GH", gitlab: "https://gitlab.acme.example/ada-gl"}
        ---
        """,
    "content/people/grace.md": "---\nname: Grace Hopper\nemails: [grace@acme.example]\n---\n",
    "content/people/linus.md": """\
        ---
        name: Linus Torvalds
        links: {gitlab: "https://gitlab.acme.example/torvalds"}
        ---
        """,
    "content/people/ines.md": "---\nname: Inès Garcia\nemails: [ines@acme.example]\n---\n",
    "content/groups/data/index.md": "---\ntitle: Data\nanimators: [ada]\nmembers: [linus]\n---\n",
    "content/notes/kafka.md": "---\ntitle: Kafka\nauthors: [grace]\n---\nAsk @ada about it.\n",
    "content/responses/kafka/first.md": "---\nauthors: [linus]\n---\nWhich version?\n",
}


@pytest.fixture
def branch(make_community):
    """A community on main, then a branch `change` checked out, with nothing changed yet."""

    def make(mkdocs_yml: str = MKDOCS_YML):
        community = make_community(BASE, mkdocs_yml=mkdocs_yml)
        community.write("content/notes/plain.md", "---\ntitle: Plain\n---\nNo authors listed.\n")
        community.commit("A note without authors", author="Inès Garcia <ines@acme.example>")
        community.repo.git.checkout("-b", "change")
        return community

    return make


def _mentions(community, *args: str):
    result = rse(community, "mentions", "--changed-since", "main", *args)
    assert result.exit_code == 0, result.output
    return result.output


def _reasons(community) -> dict[str, list[tuple[str, str, str | None]]]:
    people = json.loads(_mentions(community, "--format", "json"))["people"]
    return {p["handle"]: [(r["reason"], r["path"], r["about"]) for r in p["reasons"]] for p in people}


def test_only_mentions_the_change_adds_count(branch):
    community = branch()
    community.write(
        "content/notes/kafka.md",
        "---\ntitle: Kafka\nauthors: [grace, ghost]\n---\nAsk @ada about it, or @Torvalds, or @ines.\n"
        "`@grace` in code and @nobody name no one.\n",
    )
    community.commit("Mention more people", author="Grace Hopper <grace@acme.example>")
    community.write("content/people/ines.md", "---\nname: Inès Garcia\n---\nI work with @linus.\n")
    assert _reasons(community) == {
        "ines": [("mentioned", "content/notes/kafka.md", None)],
        "linus": [
            ("mentioned", "content/notes/kafka.md", None),
            ("mentioned", "content/people/ines.md", None),
        ],
    }


def test_a_new_response_tells_the_note_authors_and_the_parent_author(branch):
    community = branch()
    community.write(
        "content/responses/kafka/second.md",
        "---\nauthors: [ines]\nreply_to: first\n---\nVersion 3.\n",
    )
    community.commit("Answer", author="Inès Garcia <ines@acme.example>")
    # Uncommitted, on a note whose author is its first commit's (Inès, by her address).
    community.write("content/responses/plain/thanks.md", "---\nauthors: [ada]\n---\nThanks!\n")
    # An edited response is no new response: no one is told.
    community.write("content/responses/kafka/first.md", "---\nauthors: [linus]\n---\nWhich one?\n")
    assert _reasons(community) == {
        "grace": [("response", "content/responses/kafka/second.md", "content/notes/kafka.md")],
        "linus": [("reply", "content/responses/kafka/second.md", "content/responses/kafka/first.md")],
        "ines": [("response", "content/responses/plain/thanks.md", "content/notes/plain.md")],
    }


def test_no_one_is_told_of_their_own_response(branch):
    community = branch()
    community.write("content/responses/plain/me.md", "---\nauthors: [ines]\n---\nA follow-up.\n")
    assert _reasons(community) == {}
    assert _mentions(community) == "No one to tell: the change mentions, answers and adds no one.\n"
    assert _mentions(community, "--format", "markdown") == ""


def test_joining_a_group_tells_its_animators_and_a_new_member_is_told(branch):
    community = branch()
    community.write("content/people/ines.md", "---\nname: Inès Garcia\ngroups: [data]\n---\n")
    community.write("content/people/ada.md", (community.root / "content/people/ada.md").read_text() + "\n")
    community.write(
        "content/groups/data/index.md",
        "---\ntitle: Data\nanimators: [ada]\nmembers: [linus, grace, ghost]\n---\n",
    )
    assert _reasons(community) == {
        "ada": [("joined", "content/people/ines.md", "data")],
        "grace": [("added", "content/groups/data/index.md", "data")],
    }


def test_the_three_formats_name_host_users(branch):
    community = branch()
    community.write(
        "content/notes/kafka.md",
        "---\ntitle: Kafka\nauthors: [grace]\n---\nAsk @ada about it; @linus and @grace know too.\n",
    )
    community.write("content/people/grace.md", "---\nname: Grace Hopper\n---\nWith @ada.\n")
    data = json.loads(_mentions(community, "--format", "json"))
    assert data["changed_since"] == "main"
    assert [(p["handle"], p["name"], p["logins"]) for p in data["people"]] == [
        ("ada", "Ada Lovelace", {"github": "ada-gh", "gitlab": "ada-gl"}),
        ("grace", "Grace Hopper", {}),
        ("linus", "Linus Torvalds", {"gitlab": "torvalds"}),
    ]
    assert _mentions(community).splitlines() == [
        "Ada Lovelace (ada, github: ada-gh, gitlab: ada-gl)",
        "  - mentioned in content/people/grace.md",
        "Grace Hopper (grace)",
        "  - mentioned in content/notes/kafka.md",
        "Linus Torvalds (linus, gitlab: torvalds)",
        "  - mentioned in content/notes/kafka.md",
        "3 people to tell",
    ]
    comment = _mentions(community, "--format", "markdown")
    assert comment.splitlines() == [
        "This merge request concerns these people (listed by `rse mentions`):",
        "",
        "@ada-gh (Ada Lovelace)",
        "- mentioned in `content/people/grace.md`",
        "",
        "Grace Hopper",
        "- mentioned in `content/notes/kafka.md`",
        "",
        "@torvalds (Linus Torvalds)",
        "- mentioned in `content/notes/kafka.md`",
    ]


def test_markdown_prefers_the_users_of_the_repository_host(branch):
    community = branch(MKDOCS_YML + "extra:\n  rse:\n    repo_url: https://gitlab.acme.example/rse/net\n")
    community.write("content/people/grace.md", "---\nname: Grace Hopper\n---\nWith @ada.\n")
    assert "@ada-gl (Ada Lovelace)" in _mentions(community, "--format", "markdown")


def test_french_community_is_told_in_french(branch):
    community = branch(MKDOCS_YML + "extra:\n  rse:\n    language: fr\n")
    community.write("content/people/ines.md", "---\nname: Inès Garcia\ngroups: [data]\n---\nAvec @grace.\n")
    assert _mentions(community).splitlines() == [
        "Ada Lovelace (ada, github: ada-gh, gitlab: ada-gl)",
        "  - ines rejoint le groupe data (content/people/ines.md)",
        "Grace Hopper (grace)",
        "  - mentionné·e dans content/people/ines.md",
        "2 personnes à prévenir",
    ]


def test_an_unknown_ref_is_an_environment_error(branch):
    community = branch()
    result = rse(community, "mentions", "--changed-since", "no-such-branch")
    assert result.exit_code == 2
    assert "no-such-branch" in result.output
    assert "Traceback" not in result.output
