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


def test_a_notes_discover_pick_is_far_and_does_not_follow_the_commit(tmp_path):
    community, related = index(tmp_path)
    pick = related.discover(community, "notes/kafka-a")
    assert pick in {"notes/lonely-1", "notes/lonely-2"}
    # Another commit, the same notes: the same pick, so the page does not change for nothing.
    assert {index(tmp_path / c, commit=c)[1].discover(community, "notes/kafka-a") for c in "defghijk"} == {
        pick
    }


def test_the_home_pick_rotates_with_the_commit(tmp_path):
    community, related = index(tmp_path)
    assert related.discover(community, None) == index(tmp_path / "again", commit="abc")[1].discover(
        community, None
    )
    picks = {index(tmp_path / c, commit=c)[1].discover(community, None) for c in "defghijklmnop"}
    assert len(picks) > 1


def test_a_new_note_changes_the_pick_of_few_pages(tmp_path):
    """200 notes on 20 tags; one more note moves the discover pick of a handful of pages,
    not of every page (a pick drawn from the commit would move nearly all)."""
    files = {"people/ada.md": "---\nname: Ada\n---\n"}
    for i in range(200):
        files[f"notes/n{i:03d}.md"] = f"---\ntitle: N{i}\ntags: [t{i % 20}]\n---\n"
    before = check_community(None, write(tmp_path / "a", files), {}, None).community
    files["notes/new.md"] = "---\ntitle: New\ntags: [t0]\n---\n"
    after = check_community(None, write(tmp_path / "b", files), {}, None).community
    old = RelatedIndex.build(before, backlinks(before), "c1")
    new = RelatedIndex.build(after, backlinks(after), "c2")
    moved = [k for k in before.notes if old.discover(before, k) != new.discover(after, k)]
    assert len(moved) <= 10, moved
