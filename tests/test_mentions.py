"""Mentions in real text: what links to a profile, what stays plain text, what is an error.

A company's handbook is full of `@` words that name nobody here (chat aliases, GitHub teams,
`@here`, `logo@2x.png`); only handles and profiles' git host logins are mentions.
"""

from __future__ import annotations

import re

import pytest

from rse_build.i18n import Translator
from rse_build.validate import NearMisses
from tests.conftest import TWO_AUDIENCES_YML, rse
from tests.sitecheck import hrefs, tree_bytes

PEOPLE = {
    "content/people/ada-lovelace.md": """\
        ---
        name: Ada Lovelace
        audience: public
        skills: [kafka]
        links: {github: "https://github.com/Octo-Cat"}
        ---
        """,
    "content/people/grace-hopper.md": """\
        ---
        name: Grace Hopper
        audience: public
        skills: [cobol]
        links:
          gitlab: g.hopper
        ---
        """,
    "content/people/ivy-quiet.md": """\
        ---
        name: Ivy Zqsecret
        skills: [audit]
        links: {github: "https://github.com/zqlogin-ivy"}
        ---
        """,
}

ONBOARDING = """\
    ---
    title: Onboarding
    authors: [grace-hopper]
    date: 2026-01-05
    audience: public
    ---
    @ada-lovelace runs onboarding.

    - Ask @Octo-Cat, or @g.hopper on GitLab; write to "@company" or @cs-leadership.
    - Teams: @sourcegraph/people-ops and @types/node; rooms: @channel, @here.
    - Logos: logo@2x.png, at @2x; mail help@corp.example.

    > Thanks @Ada-Lovelace! (@zqlogin-ivy helped, and @ivy-quiet.)

    See [@octo-cat's page](https://github.com/Octo-Cat) and <span>@grace-hopper</span>.

    Use `@octo-cat` in code:

    ```python
    @cs_leadership
    ```
    """

KAFKA_DAY = """\
    ---
    title: Kafka day
    authors: [grace-hopper]
    date: 2026-01-06
    audience: public
    ---
    Hosted by @octo-cat.
    """

# Thirty aliases of the shapes a real handbook holds, three to a page over ten pages.
ALIASES = [
    "cs-leadership",
    "handbook-support",
    "people-ops",
    "it-help",
    "eng-managers",
    "finance",
    "recruiting",
    "devops",
    "company",
    "oncall",
    "engineering",
    "product",
    "growth",
    "analytics",
    "customer-success",
    "support-team",
    "sales-team",
    "design-team",
    "frontend",
    "backend",
    "infra",
    "platform",
    "leadership",
    "security-team",
    "devrel",
    "partners",
    "press",
    "marketing-ops",
    "release-team",
    "web-team",
]


def alias_notes() -> dict[str, str]:
    notes = {}
    for page in range(10):
        a, b, c = ALIASES[3 * page : 3 * page + 3]
        notes[f"content/notes/aliases-{page:02d}.md"] = (
            f"---\ntitle: Aliases {page}\nauthors: [grace-hopper]\ndate: 2026-01-07\n---\n"
            f"Ask @{a} or @{b}; cc @{c}.\n"
        )
    return notes


FILES = {
    "content/index.md": "---\ntitle: Welcome\naudience: public\n---\nHello.\n",
    **PEOPLE,
    "content/notes/onboarding.md": ONBOARDING,
    "content/notes/kafka-day.md": KAFKA_DAY,
    **alias_notes(),
}


# Handles and logins of real shapes, some one letter from an alias.
KNOWN = (
    *("ada-lovelace", "grace-hopper", "chloe-laurent", "nicolas-petit", "ines-garcia", "yann-le-gall"),
    *("cs-lee", "salem", "kim", "jo", "sales-lead", "marketa", "devon"),
    *("octocat", "jdupont", "camroux-example", "claurent-data-example", "tnguyen-example"),
)


def test_typo_rule_takes_typos_and_leaves_real_aliases():
    near = NearMisses(KNOWN)
    typos = {
        "ada-lovelce": "ada-lovelace",
        "grace-hoper": "grace-hopper",
        "Chloe-Laurant": "chloe-laurent",
        "nicolas-petti": "nicolas-petit",
        "ines-garica": "ines-garcia",
        "yann-legall": "yann-le-gall",
        "jdupnot": "jdupont",
        "octocta": "octocat",
        "camroux-exmaple": "camroux-example",
    }
    for typo, meant in typos.items():
        assert near.meant(typo) == meant, typo
    aliases = [*ALIASES, "sales", "legal", "support", "security", "design", "ops", "team", "sales-team", "cs"]
    # Two edits away is no longer a slip of the finger: advice, not an error.
    aliases += ["ada-lvlace", "grace-hpoper-x"]
    assert {alias: near.meant(alias) for alias in aliases} == dict.fromkeys(aliases)


def test_the_summary_line_counts_in_both_languages():
    assert Translator("en")("summary.mention", n=1).startswith("1 @ word names no profile")
    assert Translator("fr")("summary.mention", n=1).startswith("1 mot en @ ne désigne aucun profil")
    assert Translator("fr")("summary.mention", n=2000).startswith("2\u202f000 mots en @ ne désignent")


@pytest.fixture
def community(make_community):
    return make_community(FILES, mkdocs_yml=TWO_AUDIENCES_YML)


def test_aliases_are_one_line_of_advice_and_verbose_lists_them(community):
    result = rse(community, "check")
    assert result.exit_code == 0, result.output
    mentions = [line for line in result.output.splitlines() if "@ word" in line]
    assert mentions == [
        "advice: 32 @ words name no profile (no handle, no login in links): they stay plain text, "
        "e.g. content/notes/aliases-00.md, content/notes/aliases-01.md, content/notes/aliases-02.md "
        "(rse check --verbose lists them all)"
    ]
    assert "names no profile" not in result.output.replace("@ words name no profile", "")

    verbose = rse(community, "check", "--verbose")
    assert verbose.exit_code == 0, verbose.output
    located = re.findall(
        r"^(content/notes/aliases-\d\d\.md):6:(\d+): advice: '@([\w-]+)' names no profile",
        verbose.output,
        re.M,
    )
    assert sorted(alias for _, _, alias in located) == sorted(ALIASES)
    assert ("content/notes/aliases-00.md", "5", "cs-leadership") in located
    assert ("content/notes/aliases-00.md", "45", "people-ops") in located
    # The onboarding page's own alias and its quoted word are advice too; logins are not.
    assert "content/notes/onboarding.md:9:52: advice: '@company' names no profile" in verbose.output
    assert "content/notes/onboarding.md:9:65: advice: '@cs-leadership'" in verbose.output
    for resolved in ("Octo-Cat", "g.hopper", "zqlogin-ivy", "octo-cat", "Ada-Lovelace", "ivy-quiet"):
        assert f"'@{resolved}'" not in verbose.output
    for never in ("sourcegraph", "types", "channel", "here", "2x"):
        assert f"'@{never}" not in verbose.output


def test_a_near_miss_is_a_located_error_with_did_you_mean(community):
    community.write(
        "content/notes/typos.md",
        """\
        ---
        title: Typos
        authors: [grace-hopper]
        ---
        Thanks @ada-lovelce and
        (@octo-cta), not @cs-leadership.
        """,
    )
    for strict in ((), ("--strict",)):
        result = rse(community, "check", *strict)
        assert result.exit_code == 1
        assert (
            "content/notes/typos.md:5:8: unknown person '@ada-lovelce'; did you mean '@ada-lovelace'?"
            in result.output
        )
        assert (
            "content/notes/typos.md:6:2: unknown person '@octo-cta'; did you mean '@octo-cat'?"
            in result.output
        )
        assert "typos.md:6:18: advice: '@cs-leadership'" not in result.output  # told in the summary line
    assert rse(community, "build").exit_code == 1


def test_changed_since_resolves_logins_of_untouched_profiles(community):
    community.write(
        "content/notes/new.md",
        """\
        ---
        title: New
        authors: [grace-hopper]
        ---
        Thanks @Octo-Cat and @G.Hopper, cc @handbook-support.
        Not @g.hoppr.
        """,
    )
    result = rse(community, "check", "--changed-since", "HEAD")
    assert result.exit_code == 1, result.output
    problems = [line for line in result.output.splitlines() if line.startswith("content/")]
    assert problems == [
        "content/notes/new.md:5:36: advice: '@handbook-support' names no profile (no handle, no login in "
        "links): it stays plain text",
        "content/notes/new.md:6:5: unknown person '@g.hoppr'; did you mean '@g.hopper'? "
        "(write `@g.hoppr` for a literal @)",
    ]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    from tests.conftest import new_community

    community = new_community(tmp_path_factory.mktemp("mentions") / "c", TWO_AUDIENCES_YML)
    for path, text in FILES.items():
        community.write(path, text)
    community.commit("The community")
    result = rse(community, "build", "--all-audiences", "--site-dir", "out", "--strict")
    assert result.exit_code == 0, result.output
    return {name: community.root / "out" / name for name in ("public", "internal")}


def _article(site, page: str) -> str:
    """A note's own text, as rendered: its body, without the byline and the lists around it."""
    html = (site / page).read_text(encoding="utf-8")
    start = html.index('<div class="rse-note__body">')
    return html[start : html.index("</article>", start)]


def _anchors(html: str, text: str) -> list[str]:
    return re.findall(rf'<a href="([^"]*)">{re.escape(text)}</a>', html)


def test_mentions_link_handles_and_logins_and_leave_the_rest_as_text(sites):
    public = sites["public"]
    page = "notes/onboarding/index.html"
    article = _article(public, page)
    # @ada-lovelace, @Octo-Cat (her GitHub login) and @Ada-Lovelace: the same link.
    assert _anchors(article, "Ada Lovelace") == ["../../people/ada-lovelace/"] * 3
    # @g.hopper (a GitLab login) and the mention inside HTML.
    assert _anchors(article, "Grace Hopper").count("../../people/grace-hopper/") == 2
    assert {"people/ada-lovelace/index.html", "people/grace-hopper/index.html"} <= hrefs(public, page)
    for text in (
        '"@company"',
        "@cs-leadership.",
        "@sourcegraph/people-ops",
        "@types/node",
        "@channel",
        "@here.",
        "logo@2x.png",
        "at @2x;",
        "<code>@octo-cat</code>",
        "@cs_leadership",
    ):
        assert text in article, text
    assert '<a href="https://github.com/Octo-Cat">@octo-cat\'s page</a>' in article
    assert not any(word in target for target in hrefs(public, page) for word in ("company", "leadership"))
    aliases = _article(public.parent / "internal", "notes/aliases-00/index.html")
    assert "Ask @cs-leadership or @handbook-support; cc @people-ops." in aliases


def test_a_login_mention_counts_on_the_profile(sites):
    profile = (sites["public"] / "people/ada-lovelace/index.html").read_text(encoding="utf-8")
    mentioned = profile[profile.index("Mentioned in") :]
    assert "Kafka day" in mentioned and "Onboarding" in mentioned
    assert {"notes/kafka-day/index.html", "notes/onboarding/index.html"} <= hrefs(
        sites["public"], "people/ada-lovelace/index.html"
    )


def test_a_hidden_persons_login_is_neutral_text_where_they_are_hidden(sites):
    public, internal = sites["public"], sites["internal"]
    article = _article(public, "notes/onboarding/index.html")
    assert "Thanks <a" in article and article.count("(not shown on this site)") == 2
    for path, data in tree_bytes(public).items():
        for secret in (b"zqlogin-ivy", b"Zqsecret", b"ivy-quiet"):
            assert secret not in data and secret.decode() not in path, (secret, path)
    inside = _article(internal, "notes/onboarding/index.html")
    assert _anchors(inside, "Ivy Zqsecret") == ["../../people/ivy-quiet/"] * 2
    assert "(not shown on this site)" not in inside
