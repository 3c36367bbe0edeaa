"""Search that stays light: Pagefind's chunked index above extra.rse.search_threshold notes,
Material's search below it, the same audience filtering either way."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import MKDOCS_YML, SMALL, TWO_AUDIENCES, TWO_AUDIENCES_YML, rse
from tests.sitecheck import served, tree_bytes

CHUNKED = (
    MKDOCS_YML
    + """\
extra:
  rse:
    search_threshold: 0
    audiences:
      public: [public]
      internal: [public, internal]
"""
)
FILES = {
    **SMALL,
    "content/notes/open-note.md": """\
        ---
        title: Open note
        authors: [ada-lovelace]
        date: 2026-01-02
        audience: public
        ---
        The zqopenword appears in a public note.
        """,
    "content/notes/closed-note.md": """\
        ---
        title: Closed zqtitleword note
        authors: [ada-lovelace]
        date: 2026-01-03
        ---
        The zqclosedword appears in an internal note.
        """,
}


@pytest.fixture(scope="module")
def chunked(tmp_path_factory) -> Path:
    from tests.conftest import new_community

    community = new_community(tmp_path_factory.mktemp("search") / "c", CHUNKED)
    for path, text in FILES.items():
        community.write(path, text)
    community.commit("Community")
    result = rse(community, "build", "--all-audiences", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    return community.root


def _search(browser, site: Path, words: str) -> tuple[list[str], int, list[str]]:
    """Result links, bytes downloaded for the search, and JavaScript errors."""
    errors: list[str] = []
    fetched: list[int] = []
    with served(site) as base:
        page = browser.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on(
            "requestfinished",
            lambda r: "/pagefind/" in r.url and fetched.append(r.sizes()["responseBodySize"]),
        )
        try:
            page.goto(f"{base}search/?q={words}")
            summary = page.locator(".pagefind-ui__message")
            expect(summary).to_have_text(re.compile(r"results? for"), timeout=30_000)
            found = re.match(r"\d+", summary.inner_text())  # "2 results for ...", "No results for ..."
            count = int(found.group(0)) if found else 0
            results = page.locator(".pagefind-ui__result-link")
            expect(results).to_have_count(count, timeout=30_000)
            links = [a.get_attribute("href") or "" for a in results.all()]
        finally:
            page.close()
    return links, sum(fetched), errors


def test_above_the_threshold_pagefind_replaces_materials_index(chunked):
    site = chunked / "out" / "internal"
    assert not (site / "search/search_index.json").exists()
    assert (site / "pagefind/pagefind-entry.json").is_file()
    assert (site / "pagefind/pagefind-ui.js").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="search/"' in home  # the search page is in the navigation
    assert "md-search__input" not in home  # Material's box is gone with its index
    # Directories repeat the notes' words: Pagefind indexes each text once, on its own page.
    assert 'data-pagefind-ignore="all"' in (site / "tags/index.html").read_text(encoding="utf-8")
    closed = (site / "notes/closed-note/index.html").read_text(encoding="utf-8")
    assert '<article class="md-content__inner md-typeset">' in closed  # its own text is indexed
    assert re.search(r'<section class="rse-related" data-pagefind-ignore="all">', closed)


def test_a_note_is_found_on_its_own_page_not_in_the_lists_of_others(chunked, browser):
    site = chunked / "out" / "internal"
    # The open note lists the closed one among its related notes (same author).
    assert "zqtitleword" in (site / "notes/open-note/index.html").read_text(encoding="utf-8")
    links, _, errors = _search(browser, site, "zqtitleword")
    assert links == ["/notes/closed-note/"]
    assert errors == []


def test_pagefind_finds_a_note_by_a_word_of_its_body(chunked, browser):
    links, downloaded, errors = _search(browser, chunked / "out" / "internal", "zqclosedword")
    assert links == ["/notes/closed-note/"]
    assert errors == []
    assert 0 < downloaded < 1_000_000


def test_pagefind_respects_the_audience(chunked, browser):
    public = chunked / "out" / "public"
    assert _search(browser, public, "zqopenword")[0] == ["/notes/open-note/"]
    links, _, errors = _search(browser, public, "zqclosedword")
    assert links == [] and errors == []


def test_pagefind_sites_are_deterministic(chunked):
    community_root = chunked
    result = rse_in(community_root, "build", "--site-dir", "again")
    assert result.exit_code == 0, result.output
    assert tree_bytes(community_root / "again") == tree_bytes(community_root / "out" / "internal")


def test_below_the_threshold_material_search_stays(make_community):
    community = make_community(FILES)
    assert rse(community, "build").exit_code == 0
    assert (community.site / "search/search_index.json").is_file()
    assert not (community.site / "pagefind").exists()


def rse_in(root: Path, *args: str):
    import git

    from tests.conftest import Community

    return rse(Community(root, git.Repo(root)), *args)


# People as `rse import people` writes them: no bio, only what the HR directory knows.
NO_BIO_YML = TWO_AUDIENCES_YML
NO_BIO_CHUNKED_YML = MKDOCS_YML + "extra:\n  rse:\n    search_threshold: 0\n" + TWO_AUDIENCES
NO_BIO = {
    "content/index.md": """\
        ---
        title: Welcome
        audience: public
        ---
        Hello.
        """,
    "content/people/ada-lovelace.md": """\
        ---
        name: Ada Lovelace
        role: Data engineer (ada@acme.example)
        team: Data Platform
        site: Lyon
        emails: [ada@acme.example]
        skills: [kafka, python]
        interests: [zqhobby]
        audience: public
        ---
        """,
    "content/people/theo-durand.md": """\
        ---
        name: Théo Durand
        role: Chef de projet
        team: Réseau
        site: Nantes
        emails: [theo.durand@acme.example]
        skills: [ipv6]
        ---
        """,
    "content/people/theo-martin.md": """\
        ---
        name: Theo Martin
        role: Buyer
        team: Purchasing
        site: Lyon
        skills: [sourcing]
        ---
        """,
    "content/people/pat-partner.md": """\
        ---
        name: Pat Partner
        kind: partner
        organisation: Zqorg Partnerco
        role: Integrator
        emails: [pat@partner.example]
        skills: [sap]
        ---
        """,
    # Names her twice in its body: her profile must still come first.
    "content/notes/engine-notes.md": """\
        ---
        title: Notes on the analytical engine
        authors: [ada-lovelace]
        date: 2026-01-02
        audience: public
        ---
        Lovelace wrote the first program; Lovelace also wrote these notes.
        """,
}
# handle -> words its search document must hold, as written in the profile.
PROFILE_WORDS = {
    "ada-lovelace": ["Ada Lovelace", "Data engineer", "Data Platform", "Lyon", "kafka", "python", "zqhobby"],
    "theo-durand": ["Théo Durand", "Chef de projet", "Réseau", "Nantes", "ipv6"],
    "theo-martin": ["Theo Martin", "Buyer", "Purchasing", "Lyon", "sourcing"],
    "pat-partner": ["Pat Partner", "Integrator", "Zqorg Partnerco", "sap"],
}
PUBLIC_PEOPLE = {"ada-lovelace"}


def build_no_bio(root: Path, mkdocs_yml: str) -> Path:
    from tests.conftest import new_community

    community = new_community(root, mkdocs_yml)
    for path, text in NO_BIO.items():
        community.write(path, text)
    community.commit("Imported people")
    result = rse(community, "build", "--all-audiences", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    return community.root / "out"


@pytest.fixture(scope="module")
def no_bio(tmp_path_factory) -> Path:
    """Material's search: `out/public` and `out/internal`."""
    return build_no_bio(tmp_path_factory.mktemp("no-bio") / "c", NO_BIO_YML)


@pytest.fixture(scope="module")
def no_bio_chunked(tmp_path_factory) -> Path:
    """Pagefind's search: `out/public` and `out/internal`."""
    return build_no_bio(tmp_path_factory.mktemp("no-bio-chunked") / "c", NO_BIO_CHUNKED_YML)


def _material_documents(site: Path) -> dict[str, dict]:
    """Material's search documents, by location (a page's first section)."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    documents: dict[str, dict] = {}
    for document in index["docs"]:
        documents.setdefault(document["location"], document)
    return documents


def _pagefind_pages(site: Path) -> dict[str, dict]:
    """What Pagefind indexed, by URL: its fragments are gzipped JSON behind a signature."""
    pages = {}
    for file in sorted((site / "pagefind/fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(file.read_bytes())
        fragment = json.loads(raw[raw.index(b"{") :])
        pages[fragment["url"]] = fragment
    return pages


def test_material_indexes_every_profile_without_a_bio(no_bio):
    documents = _material_documents(no_bio / "internal")
    for handle, words in PROFILE_WORDS.items():
        document = documents[f"people/{handle}/"]
        assert document["title"] == words[0]  # the name is the title: a name search ranks it
        for word in words:
            assert word in document["text"], (handle, word)
    # The figures of a profile are not words to find it by.
    assert "Commits" not in documents["people/ada-lovelace/"]["text"]


def test_pagefind_indexes_every_profile_without_a_bio(no_bio_chunked):
    pages = _pagefind_pages(no_bio_chunked / "internal")
    for handle, words in PROFILE_WORDS.items():
        page = pages[f"/people/{handle}/"]
        assert page["meta"]["title"] == words[0]
        for word in words:
            assert word in page["content"], (handle, word)
    assert "/people/" not in pages  # the directory repeats the profiles: indexed once, on them


@pytest.mark.parametrize("fixture", ["no_bio", "no_bio_chunked"])
def test_a_profile_hidden_from_an_audience_is_not_in_its_index(fixture, request):
    out = request.getfixturevalue(fixture)
    for audience, people in (("public", PUBLIC_PEOPLE), ("internal", set(PROFILE_WORDS))):
        site = out / audience
        if fixture == "no_bio":
            indexed = {loc for loc in _material_documents(site) if loc.startswith("people/")}
            index = (site / "search/search_index.json").read_text(encoding="utf-8")
        else:
            indexed = {url.strip("/") + "/" for url in _pagefind_pages(site) if url.startswith("/people/")}
            index = json.dumps(_pagefind_pages(site), ensure_ascii=False)
        assert indexed == {f"people/{handle}/" for handle in people}
        assert ("Durand" in index) == (audience == "internal")
        # No address reaches an index, not even one written in a profile's role.
        assert "acme.example" not in index and "partner.example" not in index


def test_pagefind_finds_a_person_by_name_first(no_bio_chunked, browser):
    site = no_bio_chunked / "internal"
    links, _, errors = _search(browser, site, "Lovelace")
    assert links[0] == "/people/ada-lovelace/"
    assert "/notes/engine-notes/" in links
    assert _search(browser, site, "Durand")[0] == ["/people/theo-durand/"]
    assert _search(browser, no_bio_chunked / "public", "Durand")[0] == []
    assert errors == []
