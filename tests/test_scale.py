"""What keeps large communities fast must not change a byte of the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import normalize_url

import rse_build.mkdocs_adapter.nav_cache as nav_cache
from rse_build.mkdocs_adapter import fast_url
from rse_build.mkdocs_adapter.run import build_site
from tests.conftest import SMALL, demo_community, new_community
from tests.sitecheck import tree_bytes

NESTED_NAV_YML = """\
site_name: Nested navigation
docs_dir: content
theme:
  name: material
  features: [navigation.tabs, navigation.sections]
hooks:
  - hooks/rse.py
plugins:
  - search
nav:
  - Home: index.md
  - Guides:
      - Setup: guides/setup.md
      - Deep: guides/deep/more.md
  - People: people/index.md
"""


def _with_and_without_cache(config: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    cached, uncached = out / "cached", out / "uncached"
    build_site(config, cached)
    with monkeypatch.context() as patch:
        patch.setattr(nav_cache, "folder_key", lambda *_: None)
        build_site(config, uncached)
    return cached, uncached


def test_demo_navigation_is_byte_identical_with_the_folder_cache(tmp_path, monkeypatch):
    community = demo_community(tmp_path / "demo")
    cached, uncached = _with_and_without_cache(community.root / "mkdocs.yml", tmp_path, monkeypatch)
    pages = list(cached.rglob("*.html"))
    assert len(pages) > 30
    with_nav = [page for page in pages if 'class="md-nav md-nav--primary' in page.read_text()]
    assert len(with_nav) == len(pages)
    assert tree_bytes(cached) == tree_bytes(uncached)


def test_nested_navigation_and_pages_above_nav_entries_are_rendered_as_material_does(tmp_path, monkeypatch):
    community = new_community(tmp_path / "nested", NESTED_NAV_YML)
    for path, text in SMALL.items():
        community.write(path, text)
    community.write("content/guides/setup.md", "# Setup\n\nInstall it.\n")
    community.write("content/guides/deep/more.md", "# More\n\n## A section\n\nDeeper.\n")
    # Outside the navigation, and above one of its entries: its links to it are its own.
    community.write("content/guides/index.md", "# All guides\n")
    community.write("content/guides/deep/aside.md", "# Aside\n")
    community.commit("Guides")
    cached, uncached = _with_and_without_cache(community.root / "mkdocs.yml", tmp_path, monkeypatch)
    assert 'href="deep/more/"' in (cached / "guides" / "index.html").read_text()
    assert tree_bytes(cached) == tree_bytes(uncached)


def test_the_folder_key_sets_aside_pages_in_the_navigation_and_above_its_entries():
    class Item:
        def __init__(self, url, active=False, children=None):
            self.url, self.active, self.children = url, active, children

    class Nav:
        def __init__(self, *items):
            self.items = list(items)

    nav = Nav(Item(""), Item(None, children=[Item("guides/setup/")]), Item("people/"))
    note = Item("notes/2024/kafka/")
    assert nav_cache.folder_key(note, nav) == "notes/2024/"
    assert nav_cache.folder_key(Item("guides/"), nav) is None
    assert nav_cache.folder_key(Item("notes/a.html"), nav) == "notes"
    nav.items[2].active = True
    assert nav_cache.folder_key(note, nav) is None


_SEGMENT = st.text(alphabet="abz09-_.~%@+", min_size=0, max_size=6)
_PATH = st.lists(st.one_of(_SEGMENT, st.sampled_from(["..", ".", "", "index.html", "a.b"])), max_size=5).map(
    "/".join
)


@settings(max_examples=3000, deadline=None)
@given(
    value=st.one_of(
        _PATH,
        _PATH.map(lambda p: p + "/"),
        st.sampled_from(["", "#top", "/abs/", "https://x.example/a", "mailto:a@b", "a?b=c", "a\\b", "./x"]),
    ),
    page_url=st.one_of(_PATH, _PATH.map(lambda p: p + "/")),
)
def test_the_fast_url_filter_returns_what_mkdocs_returns(value, page_url):
    class FakePage:
        url = page_url

    context = {"page": FakePage(), "base_url": "../.."}
    assert fast_url.url_filter(context, value) == normalize_url(value, page=FakePage(), base="../..")
