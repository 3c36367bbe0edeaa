"""Reporting lines: `manager:` validated (a loop is a located error), the org chart (org/), a
profile's manager chain and direct reports, and what an audience that may not see a manager
shows instead: the nearest manager it sees, or a node with no name."""

from __future__ import annotations

from rse_build.i18n import Translator
from rse_build.model import Community, Person, PersonFields, Source
from rse_build.org import Org
from rse_build.views.org import org_chart
from rse_build.views.refs import Refs
from rse_build.views.urls import Urls
from tests.conftest import MKDOCS_YML, rse
from tests.sitecheck import Chart

PARTNER_YML = MKDOCS_YML + (
    "extra:\n  rse:\n    audiences:\n      partner: [public]\n      internal: [public, internal]\n"
)


def _person(name: str, manager: str | None = None, audience: str = "public", **more: str) -> str:
    lines = [f"name: {name}", f"audience: {audience}", "skills: [org]"]
    lines += [f"manager: {manager}"] if manager else []
    lines += [f"{key}: {value}" for key, value in more.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


# Camille runs the company; Théo (CTO) and Vera (a VP only the internal site shows) report to
# her. Ada and Bob report to Théo, Dan to Vera. Hugo reports to Hana, whom only the internal site
# shows and who reports to no one. Alex left (alumni) and Eve reported to him.
PEOPLE = {
    "content/index.md": "---\ntitle: Welcome\naudience: public\n---\nHello.\n",
    "content/people/camille-roux.md": _person("Camille Roux", role="CEO"),
    "content/people/theo-martin.md": _person("Théo Martin", "camille-roux", role="CTO"),
    "content/people/vera-vp.md": _person("Vera Vp", "camille-roux", "internal", role="VP Sales"),
    "content/people/ada-lovelace.md": _person("Ada Lovelace", "theo-martin", role="Data engineer"),
    "content/people/bob-brown.md": _person("Bob Brown", "theo-martin"),
    "content/people/dan-dupont.md": _person("Dan Dupont", "vera-vp"),
    "content/people/hana-hidden.md": _person("Hana Hidden", audience="internal"),
    "content/people/hugo-hugo.md": _person("Hugo Hugo", "hana-hidden"),
    "content/people/alex-alumni.md": _person("Alex Alumni", "theo-martin", kind="alumni"),
    "content/people/eve-early.md": _person("Eve Early", "alex-alumni"),
    # Not on a reporting line: in the directory, not in the chart. Sol has none yet; Pia, a
    # partner, manages only someone the partner site does not show.
    "content/people/pat-partner.md": _person("Pat Partner", kind="partner"),
    "content/people/sol-solo.md": _person("Sol Solo"),
    "content/people/pia-partner.md": _person("Pia Partner", kind="partner"),
    "content/people/ian-inside.md": _person("Ian Inside", "pia-partner", "internal"),
}


def _chart(page: str) -> list[tuple[int, str, str]]:
    parser = Chart()
    parser.feed(page)
    return [tuple(row) for row in parser.rows]


def test_the_chart_the_profiles_and_what_the_partner_site_shows(make_community):
    community = make_community(PEOPLE, mkdocs_yml=PARTNER_YML)
    result = rse(community, "build", "--all-audiences", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    internal, partner = community.root / "out/internal", community.root / "out/partner"

    assert _chart((internal / "org/index.html").read_text()) == [
        (0, "Camille Roux", "7 people in this branch"),
        (1, "Théo Martin", "4 people in this branch"),
        (2, "Ada Lovelace", ""),
        (2, "Bob Brown", ""),
        # Alex left: Eve reports to the nearest manager still here.
        (2, "Eve Early", ""),
        (1, "Vera Vp", "2 people in this branch"),
        (2, "Dan Dupont", ""),
        (0, "Hana Hidden", "2 people in this branch"),
        (1, "Hugo Hugo", ""),
        (0, "Pia Partner", "2 people in this branch"),
        (1, "Ian Inside", ""),
    ]
    # The partner site names neither Vera nor Hana: Dan reports to the manager it sees above
    # her, Hugo to a node with no name.
    assert _chart((partner / "org/index.html").read_text()) == [
        (0, "Camille Roux", "6 people in this branch"),
        (1, "Dan Dupont", ""),
        (1, "Théo Martin", "4 people in this branch"),
        (2, "Ada Lovelace", ""),
        (2, "Bob Brown", ""),
        (2, "Eve Early", ""),
        (0, "Someone not shown on this site", "1 person in this branch"),
        (1, "Hugo Hugo", ""),
    ]
    for site in (internal, partner):
        chart = (site / "org/index.html").read_text()
        assert "Alex Alumni" not in chart and "Pat Partner" not in chart and "Sol Solo" not in chart
    assert "Pia Partner" not in (partner / "org/index.html").read_text()
    assert "Vera" not in (partner / "org/index.html").read_text()

    ada = (internal / "people/ada-lovelace/index.html").read_text()
    chain = ada.split('class="rse-org-place__chain"')[1].split("</ol>")[0]
    assert chain.index("Camille Roux") < chain.index("Théo Martin")
    assert 'href="../../org/#org-ada-lovelace"' in ada
    theo = (internal / "people/theo-martin/index.html").read_text()
    reports = theo.split("Direct reports")[1].split("</section>")[0]
    assert all(name in reports for name in ("Ada Lovelace", "Bob Brown", "Eve Early"))
    dan = (partner / "people/dan-dupont/index.html").read_text()
    assert "Camille Roux" in dan and "Vera" not in dan
    hugo = (partner / "people/hugo-hugo/index.html").read_text()
    assert "Someone not shown on this site" in hugo and "Hana" not in hugo
    # The org chart is in the default navigation; the directory links to it.
    assert 'href="org/"' in (internal / "index.html").read_text()
    assert 'href="../org/"' in (internal / "people/index.html").read_text()


def test_a_loop_of_reporting_lines_is_located_and_named(make_community):
    community = make_community(
        {
            "content/people/ann-a.md": _person("Ann A", "ben-b"),
            "content/people/ben-b.md": _person("Ben B", "cat-c"),
            "content/people/cat-c.md": _person("Cat C", "ann-a"),
            "content/people/sam-self.md": _person("Sam Self", "sam-self"),
        }
    )
    result = rse(community, "check")
    assert result.exit_code == 1
    assert "content/people/ann-a.md:5:1: reporting lines loop: ann-a → ben-b → cat-c → ann-a" in (
        result.output
    )
    assert "content/people/sam-self.md:5:1: reporting lines loop: sam-self → sam-self" in result.output
    assert result.output.count("reporting lines loop") == 2
    assert "Traceback" not in result.output


def test_a_change_that_closes_a_loop_is_told_at_the_changed_profile(make_community):
    community = make_community(
        {
            "content/people/ann-a.md": _person("Ann A", "ben-b"),
            "content/people/ben-b.md": _person("Ben B"),
        }
    )
    base = community.repo.head.commit.hexsha
    community.write("content/people/ben-b.md", _person("Ben B", "ann-a"))
    community.commit("Ben reports to Ann")
    result = rse(community, "check", "--changed-since", base)
    assert result.exit_code == 1
    assert "content/people/ben-b.md:5:1: reporting lines loop: ann-a → ben-b → ann-a" in result.output


def test_a_reporting_line_thousands_deep_is_charted_without_recursion():
    """A chain of 5,000 (an import gone wrong, or a very tall company) is charted in one pass
    and its page rows close every list they open."""
    people = [
        Person(
            f"p{i:05d}", PersonFields(name=f"P {i}", manager=f"p{i - 1:05d}" if i else None), "", Source("")
        )
        for i in range(5000)
    ]
    community = Community.build(people, [], [])
    org = Org.of(community, community)
    assert org.roots == ("p00000",)
    assert org.branch_size["p00000"] == 5000 and len(org.chain("p04999")) == 4999
    rows = org_chart(Refs(community, Urls(), Translator("en")), org).rows
    assert len(rows) == 5000 and rows[-1].closes == 4999


def test_a_community_without_reporting_lines_says_how_to_start_one(make_community):
    community = make_community()
    assert rse(community, "build").exit_code == 0
    chart = community.page("org/index.html")
    assert "No reporting lines yet" in chart and 'class="rse-org"' not in chart
