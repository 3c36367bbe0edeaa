"""Team pages (teams/ and teams/<team>/, from profiles' `team`): members, their managers, the
groups they share, their notes, and figures only for teams of at least `min_group` people, on a
community with a scripted history and a member the public site does not show."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import MKDOCS_YML, TWO_AUDIENCES_YML, Community, new_community, rse

ADA = "Ada Lovelace <ada@acme.example>"
BOB = "Bob Byte <bob@acme.example>"
CY = "Cy Quiet <cy@acme.example>"
IVY = "Ivy Inside <ivy@acme.example>"
MONA = "Mona Manager <mona@acme.example>"


def _person(handle: str, name: str, extra: str, audience: str = "audience: public\n") -> tuple[str, str]:
    email = handle.split("-")[0]
    return (
        f"content/people/{handle}.md",
        f"---\nname: {name}\n{audience}emails: [{email}@acme.example]\n{extra}---\n",
    )


# "Data Platform" and "data platform" are one team. Ada leads it and reports to Mona (another
# team); Ivy is internal; Cy keeps statistics off; Nina's manager Zed is internal.
PEOPLE = dict(
    (
        _person("ada-lovelace", "Ada Lovelace", "team: Data Platform\nmanager: mona-manager\n"
                "groups: [kafka-guild, running]\n"),
        _person("bob-byte", "Bob Byte", "team: data platform\nmanager: ada-lovelace\n"
                "groups: [kafka-guild]\n"),
        _person("cy-quiet", "Cy Quiet", "team: Data Platform\nmanager: ada-lovelace\nstats: false\n"
                "groups: [kafka-guild, chess]\n"),
        _person("ivy-inside", "Ivy Inside", "team: Data Platform\nmanager: ada-lovelace\ngroups: [running]\n",
                audience=""),
        _person("mona-manager", "Mona Manager", "team: Management\n"),
        _person("nina-north", "Nina North", "team: Management\nmanager: zed-hidden\n"),
        _person("zed-hidden", "Zed Hidden", "", audience=""),
    )
)  # fmt: skip
GROUPS = {
    f"content/groups/{slug}/index.md": f"---\ntitle: {title}\naudience: public\n---\n"
    for slug, title in (("kafka-guild", "Kafka guild"), ("running", "Running club"), ("chess", "Chess club"))
}
FILES = {"content/index.md": "---\ntitle: Welcome\naudience: public\n---\nHello.\n", **PEOPLE, **GROUPS}
HANDLES = {ADA: "ada-lovelace", BOB: "bob-byte", CY: "cy-quiet", IVY: "ivy-inside", MONA: "mona-manager"}

# One commit a day after the first (2026-01-15, by Ada): the build's day is the last one's.
HISTORY = (
    ("2025-06-01", CY, "content/notes/old-notes.md", "Old notes", "public", ""),
    ("2026-10-01", ADA, "content/notes/kafka-tips.md", "Kafka tips", "public", ""),
    ("2026-10-05", BOB, "content/notes/broker-choice.md", "Broker choice", "public",
     "\n\nCo-authored-by: Ada Lovelace <ada@acme.example>"),
    ("2026-10-06", IVY, "content/notes/secret-route.md", "Secret route", "internal", ""),
    ("2026-10-07", MONA, "content/notes/budget.md", "Budget", "public", ""),
    ("2026-10-08", CY, "content/notes/kafka-tips.md", "Kafka tips", "public", ""),
)  # fmt: skip


def _scripted(root: Path, mkdocs_yml: str = TWO_AUDIENCES_YML) -> Community:
    community = new_community(root, mkdocs_yml)
    for path, text in FILES.items():
        community.write(path, text)
    community.commit("Initial community")
    first_authors: dict[str, str] = {}
    for day, author, path, title, audience, trailer in HISTORY:
        handle = first_authors.setdefault(path, HANDLES[author])
        community.write(
            path, f"---\ntitle: {title}\naudience: {audience}\nauthors: [{handle}]\n---\n{day}.\n"
        )
        community.commit(f"{title}{trailer}", author=author, date=f"{day}T10:00:00+00:00")
    return community


class Page(HTMLParser):
    """A page's article as a reader meets it: its text, and its links by their text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._depth = 0
        start = html.index('<article class="md-content__inner')
        self.feed(html[start : html.index("</article>", start)])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self.links.append((self._href, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._href is not None and data.strip():
            href, text = self.links[-1]
            self.links[-1] = (href, (text + " " + data.strip()).strip())

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())

    def section(self, heading: str, until: str) -> str:
        """The text from one heading to the next one named."""
        words = self.words
        return words[words.index(heading) : words.index(until, words.index(heading))]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    community = _scripted(tmp_path_factory.mktemp("teams") / "c")
    result = rse(community, "build", "--all-audiences", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    return community.root / "out/public", community.root / "out/internal"


def test_the_teams_index_lists_every_team_largest_first_with_its_managers(built):
    public, internal = built
    page = Page((public / "teams/index.html").read_text(encoding="utf-8"))
    assert "Data Platform 3 people Managers: Ada Lovelace Mona Manager Management 2 people" in page.words
    assert "Zed" not in page.words
    assert ("data-platform/", "Data Platform") in page.links
    assert ("management/", "Management") in page.links
    inside = Page((internal / "teams/index.html").read_text(encoding="utf-8"))
    assert "Data Platform 4 people" in inside.words
    assert "Management 2 people Managers: Zed Hidden" in inside.words
    assert not (public / "teams/data-platform-1").exists()


def test_a_team_page_shows_members_managers_groups_and_notes(built):
    public, _internal = built
    page = Page((public / "teams/data-platform/index.html").read_text(encoding="utf-8"))
    words = page.words
    assert words.startswith("Data Platform 3 people")
    assert "Managers In the team: Ada Lovelace Outside the team: Mona Manager" in words
    assert page.section("Members", "The groups").split() == [
        "Members", "Ada", "Lovelace", "Bob", "Byte", "Cy", "Quiet",
    ]  # fmt: skip
    # Ranked by how many of the team are in them, then by title.
    assert page.section("The groups they belong to most", "Their notes") == (
        "The groups they belong to most Kafka guild Community of practice 3 members of this team "
        "Chess club Community of practice 1 member of this team "
        "Running club Community of practice 1 member of this team "
    )
    titles = [text for href, text in page.links if href.startswith("../../notes/")]
    assert titles == ["Broker choice", "Kafka tips", "Old notes"]
    for href, text in (
        ("../../people/ada-lovelace/", "Ada Lovelace"),
        ("../../people/mona-manager/", "Mona Manager"),
        ("../../groups/kafka-guild/", "Kafka guild"),
    ):
        assert (href, text) in page.links


def test_the_public_team_page_neither_shows_nor_counts_a_hidden_member(built):
    public, internal = built
    shown = (public / "teams/data-platform/index.html").read_text(encoding="utf-8")
    assert "Ivy" not in shown and "Secret route" not in shown and "ivy-inside" not in shown
    inside = Page((internal / "teams/data-platform/index.html").read_text(encoding="utf-8"))
    assert inside.words.startswith("Data Platform 4 people")
    assert "Running club Community of practice 2 members of this team" in inside.words
    assert next(t for h, t in inside.links if h.startswith("../../notes/")) == "Secret route"


def _figures(page: Path) -> dict[str, str]:
    html = page.read_text(encoding="utf-8")
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", html))


def test_figures_appear_from_min_group_members_and_name_no_one_who_keeps_statistics_off(built):
    public, internal = built
    # Within the 12 months before the build's day: the first commit (Ada), Kafka tips (Ada),
    # Broker choice (Bob with Ada: once), Cy's edit. Cy's 2025 commit is too old; Cy keeps
    # statistics off: the commits count theirs, as a group's figures do, but not the
    # contributors (at "3 of 3" they would say Cy committed). Ivy's note is not the public site's.
    assert _figures(public / "teams/data-platform/index.html") == {
        "Notes written": "3",
        "Commits, last 12 months": "4",
        "Contributors, last 12 months": "2",
    }
    assert _figures(internal / "teams/data-platform/index.html") == {
        "Notes written": "4",
        "Commits, last 12 months": "5",
        "Contributors, last 12 months": "3",
    }
    small = Page((public / "teams/management/index.html").read_text(encoding="utf-8"))
    assert _figures(public / "teams/management/index.html") == {}
    assert "Figures are shown for teams of at least 3 people." in small.words
    # Nina's manager is internal: the public page names nobody.
    assert "Managers" not in small.words and "Zed" not in small.words


def test_search_finds_a_team_by_name(built):
    public, _internal = built
    index = json.loads((public / "search/search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    assert docs["teams/data-platform/"]["title"] == "Data Platform"
    assert "Data Platform" in docs["teams/data-platform/"]["text"]
    assert docs["teams/management/"]["title"] == "Management"


def test_without_history_figures_are_the_notes_only(tmp_path):
    community = _scripted(tmp_path / "c", MKDOCS_YML)
    result = rse(community, "build", "--no-history", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    assert _figures(community.root / "out/teams/data-platform/index.html") == {"Notes written": "4"}


FRENCH_YML = MKDOCS_YML.replace("  name: material\n", "  name: material\n  language: fr\n")


def test_a_french_community_has_french_team_pages(make_community):
    community = make_community(FILES, mkdocs_yml=FRENCH_YML)
    result = rse(community, "build", "--no-history", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    index = Page((community.root / "out/teams/index.html").read_text(encoding="utf-8"))
    assert index.words.startswith(
        "Équipes Data Platform 4 personnes Responsables : Ada Lovelace Mona Manager"
    )
    team = Page((community.root / "out/teams/data-platform/index.html").read_text(encoding="utf-8"))
    assert "Responsables Dans l'équipe : Ada Lovelace Hors de l'équipe : Mona Manager" in team.words
    assert "Les groupes dont ils sont le plus membres Kafka guild" in team.words
    assert "3 membres de cette équipe" in team.words and "1 membre de cette équipe" in team.words
    small = Page((community.root / "out/teams/management/index.html").read_text(encoding="utf-8"))
    assert "Les chiffres sont affichés pour les équipes d'au moins 3 personnes." in small.words
