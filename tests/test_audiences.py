"""Audiences: one site per audience, and a canary test proving nothing leaks between them.

Each restricted place of a fixture community holds a unique token; every audience's site is
built with `rse build --all-audiences`, and every file (its bytes and its name) is searched
for every token: each token must appear exactly in the sites allowed to see it.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import MKDOCS_YML, rse
from tests.sitecheck import hrefs, tree_bytes

AUDIENCES_YML = (
    MKDOCS_YML
    + """\
nav:
  - Home: index.md
  - People: people/index.md
  - Plans: zqpageint.md
extra:
  rse:
    audiences:
      public: [public]
      internal: [public, internal, partner-acme]
      acme: [public, partner-acme]
"""
)

ALL = {"public", "internal", "acme"}
PARTNER = {"internal", "acme"}
INTERNAL = {"internal"}

# token -> the audiences whose site may (and must) hold it.
TOKENS = {
    # internal only
    "zqbodyint": INTERNAL,
    "zqtitleint": INTERNAL,
    "zqfileint": INTERNAL,
    "zqtagint": INTERNAL,
    "zqskillint": INTERNAL,
    "zqbioint": INTERNAL,
    "zqnameint": INTERNAL,
    "zqdescint": INTERNAL,
    "zqgroupint": INTERNAL,
    "zqassetint": INTERNAL,
    "zqavatarint": INTERNAL,
    "zqpageint": INTERNAL,
    # the partner space: employees and the partner, not the public
    "zqspaceacme": PARTNER,
    "zqdescacme": PARTNER,
    "zqbodyacme": PARTNER,
    "zqtagacme": PARTNER,
    "zqbioacme": PARTNER,
    "zqskillacme": PARTNER,
    # public: everyone (positive controls)
    "zqbodypub": ALL,
    "zqtagpub": ALL,
    "zqbiopub": ALL,
    "zqgrouppub": ALL,
}

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16

FILES = {
    "content/index.md": """\
        ---
        title: Welcome
        audience: public
        ---
        Hello.
        """,
    "content/zqpageint.md": """\
        ---
        title: Plans
        ---
        Hand-written and internal by default.
        """,
    # --- public ---
    "content/people/pia-public.md": """\
        ---
        name: Pia Public
        emails: [pia@acme.example]
        skills: [writing]
        audience: public
        ---
        zqbiopub here.
        """,
    "content/groups/zqgrouppub/index.md": """\
        ---
        title: Open guild
        description: Everyone welcome.
        animators: [pia-public]
        audience: public
        ---
        """,
    "content/groups/zqgrouppub/open-note.md": """\
        ---
        title: Open note
        authors: [pia-public]
        date: 2026-01-10
        tags: [zqtagpub]
        ---
        zqbodypub. See [[zqfileint-budget|the budget]], [a plan](../../notes/zqfileint-budget.md),
        ask @ivy-internal, and read [[acme-spec]].
        """,
    # --- internal ---
    "content/people/ivy-internal.md": """\
        ---
        name: Zqnameint Ivy
        emails: [ivy@acme.example]
        skills: [zqskillint]
        avatar: zqavatarint.png
        groups: [zqgroupint]
        ---
        zqbioint about me.
        """,
    "content/people/zqavatarint.png": PNG,
    "content/groups/zqgroupint/index.md": """\
        ---
        title: Secret project
        kind: project
        description: zqdescint purpose.
        animators: [ivy-internal]
        ---
        """,
    "content/notes/zqfileint-budget.md": """\
        ---
        title: Zqtitleint budget
        authors: [ivy-internal]
        date: 2026-01-11
        tags: [zqtagint]
        ---
        zqbodyint numbers. ![chart](zqassetint.png) Links back to [[open-note]].
        """,
    "content/notes/zqassetint.png": PNG,
    # --- the partner space ---
    "content/people/max-acme.md": """\
        ---
        name: Max Acme
        kind: partner
        organisation: Acme Partner
        emails: [max@partner.example]
        skills: [zqskillacme]
        groups: [zqspaceacme]
        audience: partner-acme
        ---
        zqbioacme.
        """,
    "content/groups/zqspaceacme/index.md": """\
        ---
        title: Acme shared space
        kind: partner
        description: zqdescacme together.
        animators: [max-acme]
        audience: partner-acme
        ---
        """,
    "content/groups/zqspaceacme/acme-spec.md": """\
        ---
        title: Acme interface
        authors: [max-acme]
        date: 2026-01-12
        tags: [zqtagacme]
        ---
        zqbodyacme details, with @pia-public.
        """,
}


def _site_text(site: Path) -> dict[str, str]:
    """Every file of a site as text, keyed by its path: a name can leak as much as a page."""
    found = {}
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        raw = file.read_bytes()
        if file.suffix == ".gz":
            raw = gzip.decompress(raw)
        found[file.relative_to(site).as_posix()] = raw.decode("utf-8", errors="replace")
    return found


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    from tests.conftest import new_community

    community = new_community(tmp_path_factory.mktemp("audiences") / "c", AUDIENCES_YML)
    for path, text in FILES.items():
        community.write(path, text)
    community.commit("The community", author="Admin <admin@acme.example>", date="2026-01-10T09:00:00+00:00")
    budget = "content/notes/zqfileint-budget.md"
    community.write(budget, FILES[budget] + "More.\n")
    community.commit("Internal edit", author="Ivy <ivy@acme.example>", date="2026-02-10T09:00:00+00:00")
    community.write(
        "content/groups/zqgrouppub/open-note.md", FILES["content/groups/zqgrouppub/open-note.md"] + "Also.\n"
    )
    community.commit("Public edit", author="Pia <pia@acme.example>", date="2026-03-10T09:00:00+00:00")
    result = rse(community, "build", "--all-audiences", "--site-dir", "out", "--strict")
    assert result.exit_code == 0, result.output
    return community, {name: community.root / "out" / name for name in ALL}


def test_every_token_appears_exactly_where_permitted(sites):
    _community, roots = sites
    texts = {name: _site_text(root) for name, root in roots.items()}
    for token, allowed in TOKENS.items():
        for audience, files in texts.items():
            where = [path for path, text in files.items() if token in path.lower() or token in text.lower()]
            if audience in allowed:
                assert where, f"{token} missing from the {audience} site (positive control)"
            else:
                assert not where, f"{token} leaks into the {audience} site: {where[:5]}"


def test_each_site_holds_what_its_audience_may_see(sites):
    _community, roots = sites
    public, internal, acme = roots["public"], roots["internal"], roots["acme"]
    assert (public / "people/pia-public/index.html").is_file()
    assert not (public / "people/max-acme").exists()
    assert (acme / "people/max-acme/index.html").is_file()
    assert (acme / "groups/zqspaceacme/acme-spec/index.html").is_file()
    assert (internal / "notes/zqfileint-budget/index.html").is_file()
    assert (internal / "people/zqavatarint.png").is_file()
    assert not (acme / "people/zqavatarint.png").exists()
    # The partner sees its own space's notes through the group's audience (no label on the note).
    space = (acme / "groups/zqspaceacme/index.html").read_text(encoding="utf-8")
    assert "Acme interface" in space
    # The public home is the community's own page; the acme site has it too (public label).
    assert "Hello." in (acme / "index.html").read_text(encoding="utf-8")
    # Search holds a document for every profile the audience may see, and for no other.
    may_see = {"public": {"pia-public"}, "acme": {"pia-public", "max-acme"}}
    may_see["internal"] = may_see["acme"] | {"ivy-internal"}
    for name, root in roots.items():
        index = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))
        profiles = {d["location"] for d in index["docs"] if re.fullmatch(r"people/[^/#]+/", d["location"])}
        assert profiles == {f"people/{handle}/" for handle in may_see[name]}, name


def test_links_to_hidden_pages_are_plain_text(sites):
    _community, roots = sites
    page = roots["public"] / "groups/zqgrouppub/open-note/index.html"
    html = page.read_text(encoding="utf-8")
    assert "the budget" in html and "a plan" in html
    # An unlabelled mention or link names a file: a neutral word stands in for it.
    assert html.count("(not shown on this site)") == 2
    targets = hrefs(roots["public"], "groups/zqgrouppub/open-note/index.html")
    assert not any("zqfileint" in t or "ivy-internal" in t or "acme-spec" in t for t in targets)
    internal = hrefs(roots["internal"], "groups/zqgrouppub/open-note/index.html")
    assert {"notes/zqfileint-budget/index.html", "people/ivy-internal/index.html"} <= internal
    partner = hrefs(roots["acme"], "groups/zqgrouppub/open-note/index.html")
    assert "groups/zqspaceacme/acme-spec/index.html" in partner


def test_statistics_count_only_what_the_site_shows(sites):
    _community, roots = sites
    public = json.loads((roots["public"] / "stats.json").read_text(encoding="utf-8"))
    internal = json.loads((roots["internal"] / "stats.json").read_text(encoding="utf-8"))
    assert internal["community"]["commits"] == 3
    # The internal edit touched only an internal note: the public site does not count it.
    assert public["community"]["commits"] == 2
    assert [m["commits"] for m in public["community"]["monthly"]] == [1, 0, 1]
    assert public["community"]["notes"] == 1 and internal["community"]["notes"] == 3
    assert set(public["people"]) == {"pia-public"}
    assert set(public["groups"]) == {"zqgrouppub"}
    assert all(p.startswith(("groups/zqgrouppub/", "people/pia-public", "index.md")) for p in public["pages"])
    # Ivy committed only to internal pages; the admin's first commit counts (it touched public
    # pages) but the admin has no profile: unmatched, as in every site.
    assert public["unmatched_identities"] == internal["unmatched_identities"] == 1
    assert public["people"]["pia-public"]["commits"] == 1


def test_sites_other_than_public_ask_not_to_be_indexed(sites):
    _community, roots = sites
    assert not (roots["public"] / "robots.txt").exists()
    assert 'name="robots"' not in (roots["public"] / "index.html").read_text(encoding="utf-8")
    for name in ("internal", "acme"):
        assert "Disallow: /" in (roots[name] / "robots.txt").read_text(encoding="utf-8")
        for page in ("index.html", "404.html", "people/index.html"):
            assert '<meta name="robots" content="noindex, nofollow">' in (roots[name] / page).read_text(
                encoding="utf-8"
            )


def test_hidden_pages_leave_the_navigation(sites):
    _community, roots = sites
    assert "zqpageint/index.html" in hrefs(roots["internal"], "index.html")
    assert not any("zqpageint" in h for h in hrefs(roots["public"], "index.html"))


def test_unknown_audience_is_a_usage_error(sites):
    community, _roots = sites
    result = rse(community, "build", "--audience", "nobody")
    assert result.exit_code == 2
    assert "unknown audience 'nobody'" in result.output and "public, internal, acme" in result.output


def test_stats_command_matches_each_site(sites):
    community, roots = sites
    for name in ("public", "acme"):
        result = rse(community, "stats", "--json", "--audience", name)
        assert result.exit_code == 0, result.output
        assert json.loads(result.output) == json.loads((roots[name] / "stats.json").read_text("utf-8"))


def test_every_audience_builds_the_same_bytes_twice(sites):
    community, roots = sites
    result = rse(community, "build", "--all-audiences", "--site-dir", "again")
    assert result.exit_code == 0, result.output
    for name, root in roots.items():
        assert tree_bytes(community.root / "again" / name) == tree_bytes(root), name


LABELS = ["public", "internal", "partner-acme", None]


@settings(max_examples=60, deadline=None)
@given(
    people=st.lists(st.sampled_from(LABELS), min_size=1, max_size=5),
    groups=st.lists(st.sampled_from(LABELS), min_size=1, max_size=3),
    notes=st.lists(
        st.tuples(st.sampled_from(LABELS), st.integers(0, 2), st.lists(st.integers(0, 2), max_size=2)),
        max_size=6,
    ),
    audience=st.sampled_from(["public", "internal", "acme"]),
)
def test_a_share_never_holds_what_its_audience_may_not_see(people, groups, notes, audience):
    """Whatever the labels, a share holds only records whose own label and groups it sees."""
    from rse_build.audience import audience_named, share_for
    from rse_build.model import Community, Group, GroupFields, Note, NoteFields, Person, PersonFields, Source
    from rse_build.settings import Settings

    group_slugs = [f"g{i}" for i in range(len(groups))]
    records_people = [
        Person(
            f"p{i}",
            PersonFields(name="P", audience=label, groups=group_slugs[:1]),
            "",
            Source(f"people/p{i}.md"),
        )
        for i, label in enumerate(people)
    ]
    records_groups = [
        Group(slug, GroupFields(title="G", audience=label), "", Source(f"groups/{slug}/index.md"))
        for slug, label in zip(group_slugs, groups, strict=True)
    ]
    records_notes = []
    for i, (label, folder, extra) in enumerate(notes):
        folder_group = group_slugs[folder] if folder < len(group_slugs) else None
        declared = tuple(group_slugs[e] for e in extra if e < len(group_slugs))
        path = f"groups/{folder_group}/n{i}.md" if folder_group else f"notes/n{i}.md"
        fields = NoteFields(title="N", audience=label, groups=declared)
        records_notes.append(Note(path.removesuffix(".md"), fields, "", Source(path), folder_group))
    community = Community.build(records_people, records_groups, records_notes)
    chosen = audience_named(
        Settings(
            audiences={
                "public": ("public",),
                "internal": ("public", "internal", "partner-acme"),
                "acme": ("public", "partner-acme"),
            }
        ),
        audience,
    )
    share = share_for(community, (), chosen)
    seen = chosen.labels
    for person in community.people.values():
        assert (person.handle in share.community.people) == ((person.fields.audience or "internal") in seen)
    for group in community.groups.values():
        visible = (group.fields.audience or "internal") in seen
        assert (group.slug in share.community.groups) == visible
        assert share.hides(f"groups/{group.slug}/any.png") == (not visible)
    for note in community.notes.values():
        groups_seen = all(s in share.community.groups for s in note.group_slugs)
        own = note.fields.audience
        expected = groups_seen and (own in seen if own else bool(note.group_slugs) or "internal" in seen)
        assert (note.key in share.community.notes) == expected
        assert share.hides(note.path) == (not expected)
    for members in share.community.members.values():
        assert set(members) <= set(share.community.people)
