"""The demo site in a real browser: Playwright driving Debian's Chromium (never its own download).

A reader's path through the site, search, the directory filter, accessibility (axe-core),
and the two promises every page keeps: no request to another host, no JavaScript error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import html5lib
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import demo_community
from tests.sitecheck import served
from tests.test_build import rse

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
        self.page.on("request", self._request)
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


def test_search_finds_a_note_by_a_word_of_its_body(reader, base):
    reader.goto(base)
    field = reader.locator("input.md-search__input")
    field.click()
    results = reader.locator(".md-search-result__link")
    # Material builds the index in a web worker and drops a query typed before it is ready:
    # type again until it answers, as a reader would (up to a minute on two busy cores).
    for _attempt in range(30):
        field.fill("")
        field.press_sequentially("cooperative")
        try:
            results.first.wait_for(timeout=2_000)
            break
        except PlaywrightTimeout:
            continue
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


@pytest.mark.parametrize(
    ("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390)], ids=["light", "dark", "phone"]
)
def test_no_serious_or_critical_accessibility_violation(browser, base, scheme, width):
    watched = Watched(browser, base, viewport={"width": width, "height": 900}, color_scheme=scheme)
    axe = Axe()
    found = {}
    for name, path in PAGES.items():
        watched.page.goto(base + path)
        results = axe.run(watched.page)
        serious = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[name] = serious
        assert results.response["passes"], "axe ran no rule: the check would be empty"
    watched.close()
    assert found == {}


def test_every_page_is_well_formed_html(site):
    problems = {}
    for file in sorted(site.rglob("*.html")):
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(file.read_bytes())
        if parser.errors:
            problems[file.relative_to(site).as_posix()] = parser.errors[:3]
    assert problems == {}
