"""rse_build/site.py: the page kinds and one audience's site plan, made and read without MkDocs.

These tests make plans straight from a community's files (fast: no MkDocs, no rendering); the
built sites are tested in test_build.py and test_audiences.py.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
import yaml

from rse_build.check import check_config
from rse_build.links import find_references
from rse_build.settings import CommunityConfig
from rse_build.site import (
    KINDS,
    PAGE_KINDS,
    BuildOptions,
    PageRole,
    SiteFiles,
    SitePlan,
    plan_site,
    prepare,
    view_for,
)
from rse_build.views.urls import Urls
from tests.conftest import REPO_ROOT, SMALL, TWO_AUDIENCES_YML

THEME = REPO_ROOT / "rse_build" / "theme" / "rse"


def files_of(docs_dir: Path) -> SiteFiles:
    """What MkDocs would find in docs_dir (no exclude_docs), as the adapter hands it over."""
    urls = Urls()
    paths = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())
    pages = frozenset(p for p in paths if p.endswith(".md"))
    return SiteFiles(
        urls={p: urls.page(p) if p in pages else p for p in paths}, included=frozenset(paths), pages=pages
    )


def plan_of(root: Path, audience: str | None = None, **options: bool) -> SitePlan:
    """One audience's plan, as `rse build` makes it (mkdocs.yml read with PyYAML, not MkDocs)."""
    config_file = root / "mkdocs.yml"
    extra = yaml.safe_load(config_file.read_text(encoding="utf-8")).get("extra") or {}
    config = CommunityConfig(config_file, root / "content", root / "site", extra, site_name="Test community")
    checked = check_config(config, drafts=options.get("drafts", False))
    assert not checked.errors, checked.errors
    prepared = prepare(config, checked, BuildOptions(audience=audience, **options))
    return plan_site(prepared, files_of(config.docs_dir))


@pytest.fixture
def small(make_community):
    return make_community()


def test_every_kind_has_its_template_and_a_unique_page():
    kinds = [kind.kind for kind in PAGE_KINDS]
    assert len(kinds) == len(set(kinds))
    for kind in PAGE_KINDS:
        assert (THEME / f"{kind.kind}.html").is_file(), kind.kind
    fixed = [kind.source for kind in PAGE_KINDS if kind.pages is None]
    assert len(fixed) == len(set(fixed))


def test_the_default_navigation_lists_the_kinds_marked_for_it_in_order(small):
    prepared = plan_of(small.root).prepared
    nav = prepared.default_nav()
    assert [next(iter(entry.values())) for entry in nav] == [k.source for k in PAGE_KINDS if k.in_nav]
    assert nav[0] == {"Home": "index.md"} and nav[-1] == {"Write and respond": "compose/index.md"}


def test_every_record_and_listing_has_a_role(small):
    plan = plan_of(small.root)
    roles = plan.roles
    assert roles["people/ada-lovelace.md"] == PageRole("person", "ada-lovelace")
    assert roles["groups/data-platform/index.md"] == PageRole("group", "data-platform")
    assert roles["groups/data-platform/kafka-tuning.md"].kind == "note"
    assert roles["tags/kafka.md"] == PageRole("tag", "kafka")
    assert roles["skills/cobol.md"] == PageRole("skill", "cobol")
    assert roles["index.md"] == PageRole("home")
    # A draft is neither a page nor a role, and its file leaves the site.
    assert "notes/secret-draft.md" not in roles
    assert "notes/secret-draft.md" in plan.removed
    # Material's search up to the threshold: no search page.
    assert "search/index.md" not in roles


def test_pages_the_community_did_not_write_are_generated_with_their_title(small):
    plan = plan_of(small.root)
    generated = {g.path: g.text for g in plan.generated}
    assert "index.md" not in generated, "the community wrote its home page"
    assert generated["people/index.md"] == '---\ntitle: "People"\n---\n'
    assert generated["tags/kafka.md"] == '---\ntitle: "kafka"\n---\n'
    assert "stats.json" in generated
    assert "robots.txt" in generated, "only the public site may be indexed"
    # Feeds and calendars are made when written: the plan holds how to make them.
    deferred = {d.path: d for d in plan.deferred}
    assert {"feed.xml", "events.ics", "groups/running/feed.xml"} <= set(deferred)
    assert deferred["feed.xml"].make().startswith("<?xml")


def test_every_role_has_a_view_and_a_context_without_mkdocs(small):
    plan = plan_of(small.root)
    for role in plan.roles.values():
        view = view_for(plan, role)
        assert view is not None, role
    person = view_for(plan, plan.roles["people/ada-lovelace.md"])
    assert person.person.name == "Ada Lovelace"
    assert plan.title_of(plan.roles["people/ada-lovelace.md"]) == "Ada Lovelace"
    assert plan.title_of(plan.roles["tags/kafka.md"]) is None


def test_with_chunked_search_the_search_page_has_a_role_and_a_view(make_community):
    yml = TWO_AUDIENCES_YML + "    search_threshold: 0\n"
    community = make_community(mkdocs_yml=yml)
    plan = plan_of(community.root)
    assert plan.search.chunked
    role = plan.roles["search/index.md"]
    assert view_for(plan, role) is plan.search
    assert not KINDS["search"].searched


def test_the_plan_is_frozen(small):
    plan = plan_of(small.root)
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.today = None  # type: ignore[misc]


def test_an_audience_plans_only_what_it_may_see(make_community):
    files = dict(SMALL)
    files["content/people/ada-lovelace.md"] = files["content/people/ada-lovelace.md"].replace(
        "joined: 2024-03-01", "joined: 2024-03-01\n        audience: public"
    )
    community = make_community(files, mkdocs_yml=TWO_AUDIENCES_YML)
    public = plan_of(community.root, audience="public")
    assert set(public.community.people) == {"ada-lovelace"}
    assert "people/grace-hopper.md" in public.excluded
    assert "people/grace-hopper/" in public.hidden_urls
    assert "robots.txt" not in {g.path for g in public.generated}
    # A mention of a person this audience may not see is plain text, never the handle.
    [mention] = [r for r in find_references("Ask @grace-hopper.") if r.target == "grace-hopper"]
    assert public.markdown_link("people/ada-lovelace.md", mention) == "(not shown on this site)"
    internal = plan_of(community.root, audience="internal")
    assert internal.markdown_link("people/ada-lovelace.md", mention) == "[Grace Hopper](grace-hopper.md)"


def test_a_hidden_page_every_site_has_is_generated_in_its_place_and_links_to_it_stay(make_community):
    files = dict(SMALL)
    files["content/people/index.md"] = "---\ntitle: Our people\naudience: internal\n---\nInternal words.\n"
    files["content/people/ada-lovelace.md"] = files["content/people/ada-lovelace.md"].replace(
        "joined: 2024-03-01", "joined: 2024-03-01\n        audience: public"
    )
    community = make_community(files, mkdocs_yml=TWO_AUDIENCES_YML)
    public = plan_of(community.root, audience="public")
    assert "people/index.md" in public.removed
    assert {g.path: g.text for g in public.generated}["people/index.md"] == '---\ntitle: "People"\n---\n'
    assert "people/" not in public.hidden_urls
    internal = plan_of(community.root, audience="internal")
    assert "people/index.md" not in internal.removed
    assert "people/index.md" not in {g.path for g in internal.generated}


def test_the_figures_count_only_the_audiences_pages(make_community):
    community = make_community(mkdocs_yml=TWO_AUDIENCES_YML)
    public = plan_of(community.root, audience="public")
    internal = plan_of(community.root, audience="internal")
    assert internal.stats is not None and public.stats is not None
    assert set(public.stats.pages) < set(internal.stats.pages)
    assert public.stats.community.people == 0


def test_without_history_there_are_no_figures(small):
    plan = plan_of(small.root, no_history=True)
    assert plan.stats is None and plan.insights is None
    assert "stats.json" not in {g.path for g in plan.generated}
    assert view_for(plan, plan.roles["stats/index.md"]) is None


def test_the_sites_page_lists_each_site_with_its_people(small):
    plan = plan_of(small.root)
    view = view_for(plan, plan.roles["sites/index.md"])
    assert [(entry.site.name, [p.handle for p in entry.people]) for entry in view.sites] == [
        ("Grenoble", ["grace-hopper"]),
        ("Lyon", ["ada-lovelace"]),
    ]
    lyon = view.sites[1]
    assert (lyon.anchor, lyon.site.count_label, lyon.site.url) == ("site-lyon", "1 person", "sites/lyon/")
    assert lyon.directory_url == "people/?site=Lyon"


def test_sites_spelled_two_ways_are_one_site(make_community):
    files = dict(SMALL)
    files["content/people/grace-hopper.md"] = files["content/people/grace-hopper.md"].replace(
        "site: Grenoble", "site: LYON"
    )
    plan = plan_of(make_community(files).root)
    view = view_for(plan, plan.roles["sites/index.md"])
    assert [(entry.site.name, entry.anchor, len(entry.people)) for entry in view.sites] == [
        ("Lyon", "site-lyon", 2)
    ]
    # On a tie, the spelling not in capitals; the directory files both under it.
    assert view.sites[0].directory_url == "people/?site=Lyon"
    directory = view_for(plan, plan.roles["people/index.md"])
    assert {entry.site for entry in directory.entries if entry.site} == {"Lyon"}
    assert plan.roles["sites/lyon.md"] == PageRole("site", "lyon")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_only_the_adapter_imports_mkdocs():
    """The model, history, views and plan never import MkDocs (nor Material, its theme):
    only rse_build/mkdocs_adapter/ does, so the site generator can change without them."""
    package = REPO_ROOT / "rse_build"
    adapter = package / "mkdocs_adapter"
    offenders = {}
    for path in sorted(package.rglob("*.py")):
        if adapter in path.parents:
            continue
        names = {n for n in _imports(path) if n.split(".")[0] in ("mkdocs", "material")}
        if names:
            offenders[path.relative_to(package).as_posix()] = sorted(names)
    assert offenders == {}
    assert "mkdocs.config.defaults" in set().union(*(_imports(p) for p in adapter.glob("*.py")))
