"""Sites (offices, plants, cities) from profiles' `site`: the sites page, each site's page (people,
site groups, upcoming events, notes, work with other sites), the home page's list and search.

One community, two audiences: its views are read from plans (no MkDocs), its pages from one real
build of both audiences."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import MKDOCS_YML, TWO_AUDIENCES_YML, new_community, rse
from tests.test_search import _pagefind_pages
from tests.test_site import plan_of

# Partner sites of fewer than two people are not named on a site's page.
YML = TWO_AUDIENCES_YML + "    privacy:\n      min_group: 2\n"


def _person(name: str, site: str, audience: str = "public") -> str:
    line = f"audience: {audience}\n" if audience else ""
    return f"---\nname: {name}\nsite: {site}\n{line}---\n"


def _note(title: str, authors: str, date: str, extra: str = "", audience: str = "public") -> str:
    line = f"audience: {audience}\n" if audience else ""
    return f"---\ntitle: {title}\nauthors: [{authors}]\ndate: {date}\n{extra}{line}---\nBody.\n"


def _group(title: str, kind: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\nkind: {kind}\n{extra}audience: public\n---\n"


# The last commit is dated 2026-01-15: the build's "today".
FILES = {
    "content/index.md": "---\ntitle: Welcome\naudience: public\n---\nHello.\n",
    # Lyon is spelled two ways; Ivy works there too but only the internal site shows her.
    "content/people/ada-lovelace.md": _person("Ada Lovelace", "Lyon"),
    "content/people/bob-martin.md": _person("Bob Martin", "Lyon"),
    "content/people/ivy-inside.md": _person("Ivy Inside", "LYON", audience=""),
    "content/people/nina-nantes.md": _person("Nina Nantes", "Nantes"),
    "content/people/noe-nantes.md": _person("Noé Nantes", "Nantes"),
    "content/people/paul-paris.md": _person("Paul Paris", "Paris"),
    "content/groups/crew/index.md": _group("Confluence crew", "site", "site: lyon\n"),
    "content/groups/nantes/index.md": _group("Nantes", "site"),
    "content/groups/elsewhere/index.md": _group("Lyon", "site", "site: Paris\n"),
    "content/groups/runners/index.md": _group("Runners", "hobby", "site: Lyon\n"),
    "content/notes/meetup-soon.md": _note(
        "Meetup soon",
        "ada-lovelace",
        "2026-01-02",
        "type: event\nstart: 2026-03-01\nsite: lyon\nplace: Hall A\n",
    ),
    "content/notes/meetup-gone.md": _note(
        "Meetup gone", "ada-lovelace", "2025-11-02", "type: event\nstart: 2025-12-01\nsite: Lyon\n"
    ),
    "content/notes/nantes-party.md": _note(
        "Nantes party", "nina-nantes", "2026-01-03", "type: event\nstart: 2026-02-01\nsite: Nantes\n"
    ),
    "content/notes/three-sites.md": _note(
        "Three sites", "ada-lovelace, nina-nantes, paul-paris", "2026-01-05"
    ),
    "content/notes/with-ivy.md": _note("With Ivy", "ivy-inside, noe-nantes", "2026-01-06", audience=""),
    "content/notes/bob-alone.md": _note("Bob alone", "bob-martin", "2026-01-07"),
}


@pytest.fixture(scope="module")
def community(tmp_path_factory) -> Path:
    """The community committed (2026-01-15) and built for both audiences into `out/`."""
    made = new_community(tmp_path_factory.mktemp("sites") / "c", YML)
    for path, text in FILES.items():
        made.write(path, text)
    made.commit("Sites")
    result = rse(made, "build", "--all-audiences", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    return made.root


def _site(root: Path, audience: str, slug: str):
    plan = plan_of(root, audience=audience)
    from rse_build.site import view_for

    return view_for(plan, plan.roles[f"sites/{slug}.md"])


class _Text(HTMLParser):
    """A page's visible text and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.links: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.words.append(data)


def _read(path: Path) -> tuple[str, list[str]]:
    reader = _Text()
    reader.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(reader.words).split()), reader.links


def test_a_site_spelled_two_ways_is_one_page_with_its_people_groups_events_and_notes(community):
    view = _site(community, "internal", "lyon")
    assert (view.site.name, view.site.url, view.site.count_label) == ("Lyon", "sites/lyon/", "3 people")
    assert [p.handle for p in view.people] == ["ada-lovelace", "bob-martin", "ivy-inside"]
    assert view.directory_url == "people/?site=Lyon"
    # By `site:` (any spelling); "Lyon" titles a group that says it is at Paris: not here.
    assert [g.slug for g in view.site_groups] == ["crew"]
    assert [g.slug for g in view.other_groups] == ["runners"]
    # Only what starts on or after the build commit's day.
    assert [(e.note.title, e.place) for e in view.events] == [("Meetup soon", "Hall A")]
    assert [n.title for n in view.notes] == [
        "Bob alone",
        "With Ivy",
        "Three sites",
        "Meetup soon",
        "Meetup gone",
    ]
    nantes = _site(community, "internal", "nantes")
    assert [g.slug for g in nantes.site_groups] == ["nantes"]
    assert [e.note.title for e in nantes.events] == ["Nantes party"]


def test_cross_site_work_names_partner_sites_of_min_group_people_and_pools_the_others(community):
    lyon = _site(community, "internal", "lyon")
    assert lyon.cross_label == "2 notes written with people of other sites"
    # Nantes shares two notes; Paris (one person) is counted, never named.
    assert [(p.name, p.url, p.shared_label) for p in lyon.partners] == [
        ("Nantes", "sites/nantes/", "2 shared notes"),
        ("Other sites", "", "1 shared note"),
    ]
    paris = _site(community, "internal", "paris")
    assert [(p.name, p.shared_label) for p in paris.partners] == [
        ("Lyon", "1 shared note"),
        ("Nantes", "1 shared note"),
    ]


def test_the_public_site_neither_shows_nor_counts_the_hidden_person(community):
    lyon = _site(community, "public", "lyon")
    assert lyon.site.count_label == "2 people"
    assert [p.handle for p in lyon.people] == ["ada-lovelace", "bob-martin"]
    assert lyon.cross_label == "1 note written with people of other sites"
    assert [(p.name, p.shared_label) for p in lyon.partners] == [
        ("Nantes", "1 shared note"),
        ("Other sites", "1 shared note"),
    ]
    text, links = _read(community / "out/public/sites/lyon/index.html")
    assert "Ivy" not in text and not any("ivy-inside" in link for link in links)
    sites, _ = _read(community / "out/public/sites/index.html")
    assert "Ivy" not in sites and "Lyon 2 people" in sites


def test_the_site_page_links_its_people_groups_events_notes_and_partners(community):
    text, links = _read(community / "out/internal/sites/lyon/index.html")
    for words in ("Lyon", "3 people", "People here", "Site groups", "Confluence crew", "Other groups here",
                  "Runners", "Upcoming events here", "Meetup soon", "Notes by people here", "Bob alone",
                  "2 notes written with people of other sites", "Nantes 2 shared notes",
                  "Other sites 1 shared note"):  # fmt: skip
        assert words in text, words
    assert "Meetup gone" in text  # among the notes, not among the upcoming events
    assert text.index("Meetup gone") > text.index("Notes by people here")
    for href in ("../../people/ada-lovelace/", "../../people/ivy-inside/", "../../groups/crew/",
                 "../../groups/runners/", "../../notes/meetup-soon/", "../nantes/",
                 "../../people/?site=Lyon"):  # fmt: skip
        assert href in links, href
    assert "<title>Lyon - Test community</title>" in (
        community / "out/internal/sites/lyon/index.html"
    ).read_text(encoding="utf-8")


def test_the_sites_page_lists_one_entry_per_site_linked_to_its_page(community):
    text, links = _read(community / "out/internal/sites/index.html")
    assert re.findall(r"(Lyon|Nantes|Paris) (\d) (?:people|person)", text) == [
        ("Lyon", "3"),
        ("Nantes", "2"),
        ("Paris", "1"),
    ]
    assert {"lyon/", "nantes/", "paris/", "../people/?site=Lyon"} <= set(links)


def test_the_home_page_lists_the_sites_largest_first(community):
    home = (community / "out/internal/index.html").read_text(encoding="utf-8")
    section = home[home.index('class="rse-home__sites"') :]
    section = section[: section.index("</section>")]
    assert re.findall(r'href="(sites/[a-z]+/)">(\w+) <span class="rse-count">([^<]+)<', section) == [
        ("sites/lyon/", "Lyon", "3 people"),
        ("sites/nantes/", "Nantes", "2 people"),
        ("sites/paris/", "Paris", "1 person"),
    ]
    assert "All sites" not in section  # every site is listed


def test_the_home_page_links_to_the_sites_page_past_twelve_sites(tmp_path):
    made = new_community(tmp_path / "c", MKDOCS_YML)
    made.write("content/index.md", "---\ntitle: Welcome\n---\n")
    for n in range(13):
        made.write(f"content/people/p{n:02}.md", _person(f"Person {n:02}", f"Site {n:02}", audience=""))
    made.commit("Many sites")
    from rse_build.site import view_for

    plan = plan_of(made.root)
    home = view_for(plan, plan.roles["index.md"])
    assert len(home.sites.sites) == 12 and home.sites.sites[0].name == "Site 00"
    assert home.sites.more_url == "sites/"


def test_search_finds_a_site_by_name(community):
    index = json.loads((community / "out/internal/search/search_index.json").read_text(encoding="utf-8"))
    documents = {doc["location"]: (doc["title"], doc["text"]) for doc in index["docs"]}
    assert documents["sites/nantes/"] == ("Nantes", "<p>2 people</p>")
    assert documents["sites/lyon/"] == ("Lyon", "<p>3 people</p>")
    public = (community / "out/public/search/search_index.json").read_text(encoding="utf-8")
    assert "sites/lyon/" in public and "Ivy" not in public


def test_pagefind_finds_a_site_by_name_on_its_own_page_only(tmp_path):
    """Above the search threshold: the site page's name and count are indexed, not its lists."""
    made = new_community(tmp_path / "c", MKDOCS_YML + "extra:\n  rse:\n    search_threshold: 0\n")
    made.write("content/index.md", "---\ntitle: Welcome\n---\n")
    made.write("content/people/ada-lovelace.md", _person("Ada Lovelace", "Zqville", audience=""))
    made.write("content/notes/hello.md", _note("Hello", "ada-lovelace", "2026-01-02", audience=""))
    made.commit("One site")
    assert rse(made, "build").exit_code == 0
    site = _pagefind_pages(made.site)["/sites/zqville/"]
    assert (site["meta"]["title"], site["content"]) == ("Zqville", "Zqville. 1 person.")


FRENCH_YML = MKDOCS_YML + "extra:\n  rse:\n    language: fr\n"


def test_a_french_community_has_french_site_pages(tmp_path):
    made = new_community(tmp_path / "c", FRENCH_YML)
    made.write("content/index.md", "---\ntitle: Accueil\n---\n")
    made.write("content/people/ana.md", _person("Ana", "Saint-Étienne", audience=""))
    made.write("content/people/zoe.md", _person("Zoé", "saint-étienne", audience=""))
    made.write("content/people/leo.md", _person("Léo", "Nantes", audience=""))
    made.write("content/notes/ensemble.md", _note("Ensemble", "ana, leo", "2026-01-02", audience=""))
    made.commit("Sites")
    assert rse(made, "build").exit_code == 0
    page = made.site / "sites/saint-étienne/index.html"
    text, _ = _read(page)
    assert "<title>Saint-Étienne - Test community</title>" in page.read_text(encoding="utf-8")
    for words in ("2 personnes", "Les personnes du site", "Aucun événement à venir sur place.",
                  "1 note écrite avec des personnes d'autres sites", "Autres sites 1 note commune",
                  "Les personnes de Saint-Étienne dans l'annuaire"):  # fmt: skip
        assert words in text, words
    home, _ = _read(made.site / "index.html")
    assert "Saint-Étienne 2 personnes" in home and "Nantes 1 personne" in home
