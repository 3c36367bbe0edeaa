"""Related notes through inverted indexes; a deterministic discover pick."""

from __future__ import annotations

from rse_build.check import check_community
from rse_build.views.backlinks import backlinks
from rse_build.views.related import RelatedIndex
from tests.conftest import write

FILES = {
    "people/ada.md": "---\nname: Ada\n---\n",
    "people/bob.md": "---\nname: Bob\n---\n",
    "notes/kafka-a.md": "---\ntitle: A\ntags: [kafka, ops]\nauthors: [ada]\n---\nSee [[far]].\n",
    "notes/kafka-b.md": "---\ntitle: B\ntags: [kafka, ops]\n---\n",
    "notes/kafka-c.md": "---\ntitle: C\ntags: [kafka]\n---\n",
    "notes/by-ada.md": "---\ntitle: D\nauthors: [ada]\n---\n",
    "notes/far.md": "---\ntitle: Far\ntags: [gardening]\n---\n",
    "notes/lonely-1.md": "---\ntitle: L1\ntags: [chess]\n---\n",
    "notes/lonely-2.md": "---\ntitle: L2\ntags: [chess]\n---\n",
}


def index(tmp_path, commit="abc"):
    community = check_community(None, write(tmp_path, FILES), {}, None).community
    return community, RelatedIndex.build(community, backlinks(community), commit)


def test_related_ranks_shared_tags_links_and_authors(tmp_path):
    community, related = index(tmp_path)
    ranked = related.related(community, "notes/kafka-a")
    assert ranked[0] == "notes/kafka-b"  # two shared tags
    assert set(ranked) == {"notes/kafka-b", "notes/far", "notes/kafka-c", "notes/by-ada"}
    assert "notes/kafka-a" not in ranked


def test_discover_is_far_and_the_same_for_one_commit(tmp_path):
    community, related = index(tmp_path)
    pick = related.discover(community, "notes/kafka-a")
    assert pick in {"notes/lonely-1", "notes/lonely-2"}
    assert related.discover(community, "notes/kafka-a") == pick
    _, other = index(tmp_path / "again", commit="abc")
    assert other.discover(community, "notes/kafka-a") == pick
    picks = {index(tmp_path / c, commit=c)[1].discover(community, "notes/kafka-a") for c in "defghijk"}
    assert picks == {"notes/lonely-1", "notes/lonely-2"}  # the commit changes the pick, not the rules
