"""Identities on a scripted history: git hosts' no-reply addresses resolve through the login in
a profile's `links`, .mailmap still wins, and bot patterns are literal with `*` only."""

from __future__ import annotations

import json

import pytest

from rse_build.history import Identity
from rse_build.identity import bot_pattern, noreply_login
from tests.conftest import new_community, rse


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("12345+octo-cat@users.noreply.github.com", ("github", "octo-cat")),
        ("octo-cat@users.noreply.github.com", ("github", "octo-cat")),
        ("678-ada.l@users.noreply.gitlab.com", ("gitlab", "ada.l")),
        ("678-ada@users.noreply.git.corp.example", ("gitlab", "ada")),
        ("octo-cat@github.com", None),
        ("noreply@github.com", None),
    ],
)
def test_no_reply_addresses_name_their_login(email, expected):
    assert noreply_login(email) == expected


@pytest.mark.parametrize(
    ("pattern", "email", "is_bot"),
    [
        ("*[bot]@*", "dependabot[bot]@users.noreply.github.com", True),
        ("*[bot]@*", "29139614+renovate[bot]@users.noreply.github.com", True),
        # `[bot]` is five characters, never a class: surnames ending in b, o or t are people.
        ("*[bot]@*", "nicolas.petit@orlea.example", False),
        ("*[bot]@*", "chloe.laurent@orlea.example", False),
        ("*[bot]@*", "bob@orlea.example", False),
        ("ci-*@bots.example", "ci-runner@bots.example", True),
        ("ci-*@bots.example", "ci-runner@bots.example.org", False),
        ("a.b@x.example", "aXb@x.example", False),
    ],
)
def test_bot_patterns_are_literal_with_stars(pattern, email, is_bot):
    assert bool(bot_pattern(pattern).fullmatch(email)) is is_bot


PEOPLE = {
    "content/index.md": "# Home\n",
    "content/people/octo.md": "---\nname: Octo Cat\nskills: [x]\nlinks: {github: 'https://github.com/Octo-Cat/'}\n---\n",
    "content/people/lab.md": "---\nname: Lab Person\nskills: [x]\nlinks: {gitlab: ada.l}\n---\n",
    "content/people/nicolas.md": (
        "---\nname: Nicolas Petit\nemails: [nicolas.petit@orlea.example]\nskills: [x]\n---\n"
    ),
    "content/people/mapped.md": "---\nname: Mapped\nemails: [mapped@corp.example]\nskills: [x]\n---\n",
}


@pytest.fixture(scope="module")
def stats(tmp_path_factory):
    c = new_community(
        tmp_path_factory.mktemp("identity") / "c",
        "site_name: Ids\ndocs_dir: content\ntheme:\n  name: material\nhooks:\n  - hooks/rse.py\n"
        "extra:\n  rse:\n    bots: ['*[bot]@*']\n",
    )
    # .mailmap wins over the login: this no-reply address is someone else's.
    c.write(".mailmap", "Mapped <mapped@corp.example> <999+octo-cat@users.noreply.github.com>\n")
    for path, text in PEOPLE.items():
        c.write(path, text)
    c.commit("People", author="Nicolas Petit <nicolas.petit@orlea.example>", date="2026-01-05T10:00:00+00:00")
    authors = [
        "Octo <12345+octo-cat@users.noreply.github.com>",
        "Octo old <octo-cat@users.noreply.github.com>",
        "Lab <678-ada.l@users.noreply.gitlab.com>",
        "Someone <999+octo-cat@users.noreply.github.com>",
        "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
        "renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>",
        "Stranger <4242+stranger@users.noreply.github.com>",
    ]
    for day, author in enumerate(authors, start=10):
        c.write(f"content/notes/n{day}.md", f"---\ntitle: Note {day}\n---\nText.\n")
        c.commit(f"Note {day}", author=author, date=f"2026-01-{day}T10:00:00+00:00")
    result = rse(c, "stats", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_no_reply_commits_are_credited_through_profile_links(stats):
    people = stats["people"]
    assert people["octo"]["commits"] == 2
    assert people["lab"]["commits"] == 1
    assert people["mapped"]["commits"] == 1


def test_bots_are_not_counted_and_people_whose_address_ends_in_t_are(stats):
    assert stats["people"]["nicolas"]["commits"] == 1
    # The stranger is the one unmatched identity: bots are neither people nor unmatched.
    assert stats["unmatched_identities"] == 1
    # Eight commits, two of them by bots.
    assert stats["community"]["commits"] == 6


def test_the_resolver_prefers_profile_addresses():
    from rse_build.identity import Resolver

    identity = Identity("x", "12345+octo-cat@users.noreply.github.com")
    assert Resolver({}, {("github", "octo-cat"): "octo"}).handle(identity) == "octo"
    assert Resolver({identity.email: "other"}, {("github", "octo-cat"): "octo"}).handle(identity) == "other"


def test_two_profiles_claiming_one_address_is_an_error_on_both(make_community):
    """Before, the address silently went to one of them."""
    c = make_community(
        {
            "content/people/ada.md": "---\nname: Ada\nskills: [x]\nemails:\n  - ada@home.example\n"
            "  - you@company.example\n---\n",
            "content/people/bob.md": "---\nname: Bob\nskills: [x]\nemails: [YOU@company.example]\n---\n",
        }
    )
    result = rse(c, "check")
    assert result.exit_code == 1
    assert (
        "content/people/ada.md:6:5: address 2 of 'emails' is also in the profile of 'bob': keep it in one"
        in result.output
    )
    assert (
        "content/people/bob.md:4:10: address 1 of 'emails' is also in the profile of 'ada'" in result.output
    )
    assert "you@company.example" not in result.output.lower()
