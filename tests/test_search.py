"""Search that stays light: Pagefind's chunked index above extra.rse.search_threshold notes,
Material's search below it, the same audience filtering either way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import MKDOCS_YML, SMALL
from tests.sitecheck import served, tree_bytes
from tests.test_build import rse

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
