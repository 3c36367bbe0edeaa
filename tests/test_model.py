from pathlib import Path

from rse_build.check import check_community
from tests.conftest import write


def community(tmp_path: Path, files: dict[str, str]):
    checked = check_community(None, write(tmp_path, files), {}, None)
    return checked


FILES = {
    "people/ada.md": "---\nname: Ada\ngroups: [data]\n---\n",
    "people/bob.md": "---\nname: Bob\ngroups: [data, ghost]\n---\n",
    "people/cy.md": "---\nname: Cy\n---\n",
    "groups/data/index.md": (
        "---\ntitle: Data\nanimators: [ada, nobody]\nmembers: [cy, ada]\ntags: [Kafka]\n---\n"
    ),
    "groups/data/n1.md": "---\ntitle: N1\nauthors: [ada]\ntags: [kafka]\n---\n",
    "notes/n2.md": "---\ntitle: N2\nauthors: [bob, ada]\ngroups: [data]\ntags: [KAFKA, sql]\n---\n",
    "notes/other/n1.md": "---\ntitle: Other N1\n---\n",
    "notes/draft.md": "---\ntitle: D\nstatus: draft\nauthors: [ada]\n---\n",
}


def test_graph_resolves_members_animators_and_notes(tmp_path):
    checked = community(tmp_path, FILES)
    c = checked.community
    assert c.members["data"] == ("ada", "bob", "cy")
    assert c.groups_of["cy"] == ("data",)
    assert c.animators["data"] == ("ada",)
    assert c.notes_of_group["data"] == ("groups/data/n1", "notes/n2")
    assert c.notes_by["ada"] == ("groups/data/n1", "notes/n2")
    assert "notes/draft" not in c.notes
    assert checked.drafts == frozenset({"notes/draft.md"})


def test_tags_spelled_differently_are_one_tag(tmp_path):
    c = community(tmp_path, FILES).community
    assert c.notes_by_tag["kafka"] == ("groups/data/n1", "notes/n2")
    assert c.tag_names["kafka"] == "KAFKA"
    assert c.groups_by_tag["kafka"] == ("data",)


def test_wiki_references_by_unique_id_or_by_path(tmp_path):
    c = community(tmp_path, FILES).community
    assert c.find_note("n2").key == "notes/n2"
    assert c.find_note("n1") is None
    assert c.find_note("notes/other/n1").title == "Other N1"


def test_unknown_references_are_located_with_a_suggestion(tmp_path):
    problems = community(tmp_path, FILES).problems
    shown = [str(p) for p in problems]
    assert "groups/data/index.md:3:18: unknown animator 'nobody'" in shown
    assert "people/bob.md:3:16: unknown group 'ghost'" in shown
    typo = community(
        tmp_path / "typo",
        {
            "people/ada-l.md": "---\nname: Ada\n---\n",
            "notes/x.md": "---\ntitle: X\nauthors: [adal]\n---\n",
        },
    ).problems
    assert [str(p) for p in typo if p.is_error] == [
        "notes/x.md:3:11: unknown author 'adal'; did you mean 'ada-l'?"
    ]


def test_a_tag_named_index_does_not_replace_the_tags_index():
    from rse_build.model import tag_slug

    assert tag_slug("index") == "index-tag"
    assert tag_slug("Machine Learning") == "machine-learning"
    assert tag_slug("données") == "données"
    assert [tag_slug(t) for t in ("C", "C++", "C#", ".NET", "node.js")] == [
        "c",
        "c-plus-plus",
        "c-sharp",
        "dot-net",
        "node-dot-js",
    ]
    assert tag_slug("!!!").startswith("tag-") and tag_slug("!!!") != tag_slug("???")
