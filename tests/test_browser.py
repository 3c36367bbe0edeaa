"""The demo site in a real browser: Playwright driving Debian's Chromium (never its own download).

A reader's path through the site, search, the directory filter, accessibility (axe-core),
and the promises every page keeps: no request to another host, none the site cannot answer,
no JavaScript error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import html5lib
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import demo_community, rse
from tests.sitecheck import served
from tests.test_search import NO_BIO_YML, PROFILE_WORDS, build_no_bio

PAGES = {
    "home": "",
    "directory": "people/",
    "profile": "people/camille-roux/",
    "group": "groups/data-platform/",
    "note": "groups/data-platform/kafka-consumer-tuning/",
    "dashboard": "stats/",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The demo community, committed in a temporary repository and built."""
    community = demo_community(tmp_path_factory.mktemp("reader") / "demo")
    result = rse(community, "build")
    assert result.exit_code == 0, result.output
    return community.site


@pytest.fixture(scope="module")
def base(site) -> Iterator[str]:
    with served(site) as url:
        yield url


class Watched:
    """A page that records every request and every JavaScript error while a test drives it."""

    def __init__(self, browser: Browser, base: str, **options) -> None:
        self.context = browser.new_context(**options)
        self.page: Page = self.context.new_page()
        self.origin = urlsplit(base).netloc
        self.elsewhere: list[str] = []
        self.errors: list[str] = []
        # Requests the site could not answer, e.g. a sitemap.xml Material looks for beside a
        # rel=alternate link.
        self.missing: list[str] = []
        self.page.on("request", self._request)
        self.page.on("response", lambda r: r.status >= 400 and self.missing.append(f"{r.status} {r.url}"))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and parts.netloc != self.origin:
            self.elsewhere.append(request.url)

    def close(self) -> None:
        self.context.close()
        assert self.elsewhere == [], f"requests to other hosts: {self.elsewhere}"
        assert self.errors == [], f"JavaScript errors: {self.errors}"
        assert self.missing == [], f"requests the site could not answer: {self.missing}"


@pytest.fixture
def reader(browser, base) -> Iterator[Page]:
    watched = Watched(browser, base, viewport={"width": 1280, "height": 900})
    yield watched.page
    watched.close()


def test_home_to_person_to_group_to_note(reader, base):
    """A reader's first minute: from a new member on the home page to one of their groups,
    then to a note of that group, by clicking."""
    reader.goto(base)
    expect(reader.locator("h1").first).to_have_text("Orléa Engineering community")
    member = reader.locator(".rse-home__people .rse-person__name").first
    name = member.inner_text()
    member.click()
    expect(reader).to_have_url(f"{base}people/{reader.url.split('/people/')[1]}")
    expect(reader.locator(".rse-profile h1")).to_have_text(name)
    group = reader.locator(".rse-profile .rse-group__title").first
    title = group.inner_text()
    group.click()
    expect(reader.locator("h1").first).to_contain_text(title)
    assert "/groups/" in reader.url
    note = reader.locator(".rse-note-item__title").first
    note_title = note.inner_text()
    note.click()
    expect(reader.locator("h1").first).to_have_text(note_title)
    expect(reader.locator(".rse-byline")).to_be_visible()


def material_search(page: Page, words: str):
    """Material's search results for `words`, typed in the header's box."""
    field = page.locator("input.md-search__input")
    field.click()
    results = page.locator(".md-search-result__link")
    # Material builds the index in a web worker and drops a query typed before it is ready:
    # type again until it answers, as a reader would (up to a minute on two busy cores).
    for _attempt in range(30):
        field.fill("")
        field.press_sequentially(words)
        try:
            results.first.wait_for(timeout=2_000)
            break
        except PlaywrightTimeout:
            continue
    return results


def test_search_finds_a_note_by_a_word_of_its_body(reader, base):
    reader.goto(base)
    results = material_search(reader, "cooperative")
    expect(results.first).to_have_attribute(
        "href", re.compile(r"/groups/data-platform/kafka-consumer-tuning/")
    )
    results.first.click()
    expect(reader.locator("h1").first).to_have_text("Tuning Kafka consumers for sensor streams")


def test_directory_filter_narrows_by_skill(reader, base):
    reader.goto(f"{base}people/")
    cards = reader.locator(".rse-directory .rse-card")
    everyone = cards.count()
    reader.locator("select[name='skill']").select_option("kafka")
    visible = reader.locator(".rse-directory .rse-card:visible")
    expect(visible).not_to_have_count(everyone)
    names = visible.locator(".rse-person__name").all_inner_texts()
    assert 0 < len(names) < everyone
    for card in visible.all():
        assert "kafka" in (card.get_attribute("data-skill") or "").split()
    expect(reader).to_have_url(f"{base}people/?skill=kafka")
    reader.goto(f"{base}people/?skill=kafka")
    expect(reader.locator(".rse-directory .rse-card:visible")).to_have_count(len(names))


def test_the_sites_page_leads_to_the_directory_filtered_on_a_site(reader, base):
    """From the navigation's Sites to one site's people in the directory, the filter set."""
    reader.goto(base)
    reader.get_by_role("link", name="Sites", exact=True).first.click()
    expect(reader.locator("h1").first).to_have_text("Sites")
    lyon = reader.locator("section.rse-site").filter(has=reader.locator("h2#site-lyon"))
    chips = lyon.locator(".rse-chip").count()
    lyon.get_by_role("link", name=re.compile("in the directory")).click()
    expect(reader).to_have_url(f"{base}people/?site=Lyon")
    expect(reader.locator("select[name='site']")).to_have_value("Lyon")
    visible = reader.locator(".rse-directory .rse-card:visible")
    expect(visible).to_have_count(chips)
    for card in visible.all():
        assert card.get_attribute("data-site") == "Lyon"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Iterator[str]:
    """People without a bio, as `rse import people` makes them (Material's search), served."""
    out = build_no_bio(tmp_path_factory.mktemp("imported") / "c", NO_BIO_YML)
    with served(out / "internal") as url:
        yield url


@pytest.fixture
def imported_reader(browser, imported) -> Iterator[Page]:
    watched = Watched(browser, imported, viewport={"width": 1280, "height": 900})
    yield watched.page
    watched.close()


def test_search_finds_a_person_without_a_bio_by_name(imported_reader, imported):
    imported_reader.goto(imported)
    results = material_search(imported_reader, "Lovelace")
    # Her profile first, before the note that names her twice in its body.
    expect(results.first).to_have_attribute("href", re.compile(r"/people/ada-lovelace/$"))
    expect(results.filter(has_text="analytical engine")).to_have_count(1)
    results.first.click()
    expect(imported_reader.locator(".rse-profile h1")).to_have_text("Ada Lovelace")
    imported_reader.goto(imported)
    # A team's name finds its page first, then the people of it, bio or not.
    results = material_search(imported_reader, "Purchasing")
    expect(results.first).to_have_attribute("href", re.compile(r"/teams/purchasing/$"))
    expect(results.locator("xpath=self::*[contains(@href, '/people/theo-martin/')]")).to_have_count(1)


def test_directory_name_box_filters_and_keeps_its_query_in_the_address(imported_reader, imported):
    page = imported_reader
    page.goto(f"{imported}people/")
    box = page.get_by_role("searchbox", name="Name")
    visible = page.locator(".rse-directory .rse-card:visible .rse-person__name")
    count = page.locator("[data-rse-count]")
    expect(visible).to_have_count(len(PROFILE_WORDS))
    box.fill("lov")
    expect(visible).to_have_text(["Ada Lovelace"])
    expect(count).to_have_text(f"1 of {len(PROFILE_WORDS)} people")
    expect(page).to_have_url(f"{imported}people/?who=lov")
    page.reload()
    expect(box).to_have_value("lov")
    expect(visible).to_have_text(["Ada Lovelace"])
    # Not `?q=`: that address would open Material's search over the directory.
    expect(page.locator("[data-md-toggle='search']")).not_to_be_checked()
    # Accents and case either way, any part of the name, several words, role or organisation.
    for query, names in (
        ("Théo", ["Theo Martin", "Théo Durand"]),
        ("THEO", ["Theo Martin", "Théo Durand"]),
        ("ada l", ["Ada Lovelace"]),
        ("durand theo", ["Théo Durand"]),
        ("reseau", ["Théo Durand"]),
        ("zqorg", ["Pat Partner"]),
        ("nobody", []),
    ):
        box.fill(query)
        expect(visible).to_have_text(names)
    # With the other filters: both narrow, both are in the address.
    box.fill("theo")
    page.locator("select[name='site']").select_option("Lyon")
    expect(visible).to_have_text(["Theo Martin"])
    expect(count).to_have_text(f"1 of {len(PROFILE_WORDS)} people")
    expect(page).to_have_url(f"{imported}people/?who=theo&site=Lyon")
    box.fill("")
    page.locator("select[name='site']").select_option(index=0)
    expect(visible).to_have_count(len(PROFILE_WORDS))
    expect(page).to_have_url(f"{imported}people/")


@dataclass(frozen=True, slots=True)
class View:
    """How a reader sees a page: the window's width and Material's colour scheme."""

    name: str
    width: int
    scheme: str

    @property
    def system(self) -> str:
        """The scheme the reader's system asks for (Material's palette follows it)."""
        return "dark" if self.scheme == "slate" else "light"


# Light and dark on a desktop, and a phone's width. Each page is loaded once per tab and shown
# in each view in turn: the reader's scheme toggle and a resize cost a fraction of a new load.
VIEWS = (View("light", 1280, "default"), View("dark", 1280, "slate"), View("phone", 390, "default"))
# WCAG 2.1 levels A and AA, and axe's best practices (which hold serious rules of their own).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# Starts axe once the page is still, without waiting for it (the other tab works meanwhile):
# two frames (Material has wrapped its tables and sized its sidebars) and the end of every CSS
# transition (a scheme switch fades the header's colours). AXE_RESULT collects it.
AXE_START = """options => {
  window.rseAxe = new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
    .then(() => document.getAnimations().filter(a => a instanceof CSSTransition))
    .then(transitions => Promise.all(transitions.map(a => a.finished.catch(() => null))))
    .then(() => axe.run(document, options))
    .then(results => ({
      scheme: document.body.dataset.mdColorScheme,
      width: window.innerWidth,
      passes: results.passes.length,
      violations: results.violations
        .filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => ({id: v.id, targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))})),
    }));
}"""
AXE_RESULT = "window.rseAxe"


def every_page(site: Path) -> list[str]:
    """Every HTML page of a built site, as its address relative to the site's root."""
    files = (file.relative_to(site).as_posix() for file in site.rglob("*.html"))
    return sorted(path.removesuffix("index.html") for path in files)


def size(view: View) -> dict[str, int]:
    """The window of `view`, as Playwright takes it."""
    return {"width": view.width, "height": 900}


def show(tab: Page, view: View) -> None:
    """The loaded page as `view` shows it: the scheme picked with Material's toggle (the one
    label it shows), then the window's width."""
    if tab.evaluate("document.body.dataset.mdColorScheme") != view.scheme:
        tab.locator("form[data-md-component=palette] label:visible").click()
        expect(tab.locator("body")).to_have_attribute("data-md-color-scheme", view.scheme)
    tab.set_viewport_size(size(view))


def axe_every_page(tabs: list[Page], base: str, pages: list[str]) -> Iterator[tuple[str, View, dict]]:
    """(page, view, axe's findings) for every page in every view, two tabs (each in its own
    context: a background tab's frames are throttled) taking turns: one loads or switches its
    page while axe reads the other's. The last view is light again, the scheme Material
    remembers for the next page."""
    for first in range(0, len(pages), len(tabs)):
        turn = list(zip(tabs, pages[first : first + len(tabs)], strict=False))
        for tab, path in turn:
            tab.set_viewport_size(size(VIEWS[0]))
            tab.goto(base + path)
        for view in VIEWS:
            for tab, _path in turn:
                show(tab, view)
                tab.evaluate(AXE_START, AXE_OPTIONS)
            for tab, path in turn:
                yield path, view, tab.evaluate(AXE_RESULT)


def test_no_page_has_a_serious_or_critical_accessibility_violation(browser, site, base):
    """axe-core on every page of the demo (not a sample), in each view."""
    pages = every_page(site)
    kinds = {"tags/", "skills/", "ideas/", "events/", "questions/", "contribute/", "404.html", "org/"}
    kinds |= {"teams/", "teams/data-platform/", "sites/", "sites/lyon/"}
    assert set(PAGES.values()) | kinds <= set(pages)
    watchers = [Watched(browser, base, color_scheme="light") for _tab in range(2)]
    for watched in watchers:
        watched.context.add_init_script(Axe().axe_script)
    found: dict[str, dict[str, list[str]]] = {}
    checked = []
    for path, view, result in axe_every_page([w.page for w in watchers], base, pages):
        assert (result["scheme"], result["width"]) == (view.scheme, view.width), (path, view)
        assert result["passes"], f"axe ran no rule on {path}: the check would be empty"
        checked.append((path, view.name))
        for violation in result["violations"]:
            where = found.setdefault(violation["id"], {}).setdefault(view.name, [])
            where.append(f"/{path} {violation['targets']}")
    for watched in watchers:
        watched.close()
    assert sorted(checked) == sorted((path, view.name) for path in pages for view in VIEWS)
    by_rule = {
        rule: {view: f"{len(where)} pages, {where[:4]}" for view, where in views.items()}
        for rule, views in found.items()
    }
    assert by_rule == {}


@pytest.fixture(scope="module")
def chunked_demo(tmp_path_factory) -> Iterator[str]:
    """The demo above the search threshold (Pagefind's search page), built and served."""
    community = demo_community(tmp_path_factory.mktemp("chunked") / "demo")
    config = community.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("extra:\n  rse:\n", "extra:\n  rse:\n    search_threshold: 0\n", 1))
    community.commit("Pagefind's search")
    result = rse(community, "build")
    assert result.exit_code == 0, result.output
    with served(community.site) as url:
        yield url


def axe_findings(page: Page, view: View) -> list[dict]:
    """axe's serious and critical findings on the page as it is now, shown in `view`."""
    page.evaluate(AXE_START, AXE_OPTIONS)
    result = page.evaluate(AXE_RESULT)
    assert (result["scheme"], result["width"]) == (view.scheme, view.width)
    assert result["passes"], "axe ran no rule: the check would be empty"
    return result["violations"]


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.name)
def test_search_results_have_no_serious_or_critical_accessibility_violation(
    browser, base, chunked_demo, view
):
    """The two searches with their results on screen: Material's dialog over any page of the
    demo, and Pagefind's page of a community above the threshold."""
    options = {"viewport": size(view), "color_scheme": view.system}
    material = Watched(browser, base, **options)
    material.context.add_init_script(Axe().axe_script)
    material.page.goto(base)
    opener = material.page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():
        opener.click()
    expect(material_search(material.page, "kafka").first).to_be_visible()
    assert axe_findings(material.page, view) == []
    material.close()
    pagefind = Watched(browser, chunked_demo, **options)
    pagefind.context.add_init_script(Axe().axe_script)
    pagefind.page.goto(f"{chunked_demo}search/?q=kafka")
    expect(pagefind.page.locator(".pagefind-ui__result-link").first).to_be_visible(timeout=30_000)
    expect(pagefind.page.get_by_role("textbox", name="Search")).to_have_value("kafka")
    assert axe_findings(pagefind.page, view) == []
    pagefind.close()


def test_a_wide_table_scrolls_with_the_keyboard_on_a_phone(browser, base):
    """The firmware rollout's five-column table is wider than a phone: its region takes the
    focus from the Tab key, says what it is, and the arrow keys scroll it."""
    watched = Watched(browser, base, viewport={"width": 390, "height": 900})
    page = watched.page
    page.goto(f"{base}groups/cobalt-sensors/axle-counter-firmware-3-2/")
    region = page.get_by_role("region", name="Scrollable table 1")
    expect(region.locator("table th").first).to_have_text("Wave")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "the table fits: nothing to scroll"
    region.locator("xpath=preceding::a[1]").focus()
    page.keyboard.press("Tab")
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("region => region.scrollLeft > 0", arg=region.element_handle())
    watched.close()


def test_links_in_running_text_are_underlined_and_cards_chips_and_buttons_are_not(reader, base):
    """Colour alone does not tell a link from the words around it (axe: link-in-text-block):
    a link in a list item or a paragraph is underlined; links that look like chips, tags,
    buttons, tabs or list titles keep Material's look."""
    reader.goto(f"{base}groups/data-platform/lakehouse-retention-policy/")
    decoration = "els => els.map(a => getComputedStyle(a).textDecorationLine)"
    in_text = reader.locator(".rse-note__body li > a")
    expect(in_text).not_to_have_count(0)
    assert set(in_text.evaluate_all(decoration)) == {"underline"}
    shaped = reader.locator("a.rse-chip, a.rse-tag, a.md-button, .md-tabs__link, .rse-note-item__title")
    assert set(shaped.evaluate_all(decoration)) == {"none"}
    reader.goto(f"{base}people/")
    assert set(reader.locator(".rse-card > a").evaluate_all(decoration)) == {"none"}


def test_every_page_is_well_formed_html(site):
    problems = {}
    for file in sorted(site.rglob("*.html")):
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(file.read_bytes())
        if parser.errors:
            problems[file.relative_to(site).as_posix()] = parser.errors[:3]
    assert problems == {}


def test_the_org_chart_finds_someone_and_opens_the_way_to_them(reader, base):
    """The chart opens on the top and the people reporting to it. The find box keeps the people
    it finds and the managers above them, every branch on the way opened; emptied, it gives the
    chart back as it was. The buttons open and close every branch."""
    reader.goto(f"{base}org/")
    chart = reader.locator(".rse-org")
    nicolas, priya = chart.locator("#org-nicolas-petit"), chart.locator("#org-priya-raman")
    thomas, hugo = chart.locator("#org-thomas-nguyen"), chart.locator("#org-hugo-bernard")
    amelie = chart.locator("#org-amelie-dubois")
    expect(priya).to_be_visible()
    expect(thomas).to_be_hidden()
    box = reader.get_by_label("Find someone")
    box.fill("thomas")
    expect(thomas).to_be_visible()
    expect(priya).to_be_visible()
    expect(amelie).to_be_hidden()
    expect(reader.locator("[data-rse-org-count]")).to_have_text("Found: 1")
    box.fill("")
    expect(amelie).to_be_visible()
    expect(thomas).to_be_hidden()
    reader.get_by_role("button", name="Open every branch").click()
    expect(thomas).to_be_visible()
    expect(hugo).to_be_visible()
    reader.get_by_role("button", name="Close every branch").click()
    expect(nicolas).to_be_visible()
    expect(amelie).to_be_hidden()
