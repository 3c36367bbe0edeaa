"""Related notes by shared tags, groups, authors and links, through inverted indexes (never
all pairs), and a 'discover' pick: a note the reader would not reach by links.

A note page's pick depends on the notes alone, never on the commit: a commit that leaves a page's
notes alone leaves its pick, so its page does not change for nothing (an incremental preview
rebuilds what changed, a CDN keeps its copy). Notes sit on a ring by a hash of their key, each
page looks from the point its own key hashes to, and takes the first note not near it: a new
note changes the pick of the few pages whose point it lands just after, not of every page. The
home page alone rotates with each commit: it changes with every commit anyway, and a reader who
comes back finds something new there."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass

from rse_build.model import Community, tag_slug
from rse_build.views.backlinks import Backlinks

WEIGHTS = {"link": 4, "tag": 3, "group": 2, "author": 2}
POSTING_CAP = 200  # a tag on thousands of notes says little: look at its newest 200
RELATED = 5


@dataclass(frozen=True, slots=True)
class RelatedIndex:
    postings: dict[tuple[str, str], tuple[str, ...]]
    links: dict[str, frozenset[str]]
    commit: str
    # Every note key by the hash of its key: the ring the discover pick walks.
    ring: tuple[tuple[int, str], ...] = ()

    @classmethod
    def build(cls, community: Community, backlinks: Backlinks, commit: str) -> RelatedIndex:
        postings: dict[tuple[str, str], list[str]] = defaultdict(list)
        newest_first = sorted(
            community.notes.values(), key=lambda n: (-(n.fields.date or dt.date.min).toordinal(), n.key)
        )
        for note in newest_first:
            for tag in note.fields.tags:
                postings[("tag", tag_slug(tag))].append(note.key)
            for slug in note.group_slugs:
                postings[("group", slug)].append(note.key)
            for handle in note.fields.authors:
                postings[("author", handle)].append(note.key)
        links: dict[str, set[str]] = defaultdict(set)
        for target, sources in backlinks.referenced_by.items():
            for source in sources:
                links[target].add(source)
                links[source].add(target)
        return cls(
            postings={k: tuple(v[:POSTING_CAP]) for k, v in postings.items()},
            links={k: frozenset(v) for k, v in links.items()},
            commit=commit,
            ring=tuple(sorted((_point(key), key) for key in community.notes)),
        )

    def _features(self, community: Community, key: str) -> list[tuple[str, str]]:
        note = community.notes[key]
        return [
            *(("tag", tag_slug(t)) for t in note.fields.tags),
            *(("group", g) for g in note.group_slugs),
            *(("author", a) for a in note.fields.authors),
        ]

    def related(self, community: Community, key: str) -> tuple[str, ...]:
        # Weights are small integers: each posting is counted `weight` times by Counter's C loop.
        scores: Counter[str] = Counter()
        for feature in self._features(community, key):
            for _ in range(WEIGHTS[feature[0]]):
                scores.update(self.postings.get(feature, ()))
        for _ in range(WEIGHTS["link"]):
            scores.update(self.links.get(key, ()))
        scores.pop(key, None)
        if not scores:
            return ()
        # The fifth best score, then a sort of the few notes at or above it: best first, ties by key.
        cutoff = heapq.nlargest(RELATED, scores.values())[-1]
        ranked = sorted((-score, other) for other, score in scores.items() if score >= cutoff)
        return tuple(other for _, other in ranked[:RELATED])

    def discover(self, community: Community, key: str | None) -> str | None:
        """A note sharing nothing with the page (no link, tag, group or author); for the home
        page (`key` None), one chosen from the commit."""
        near: set[str] = set()
        if key is not None and key in community.notes:
            near = {key, *self.links.get(key, ())}
            for feature in self._features(community, key):
                near.update(self.postings.get(feature, ()))
        ring = self.ring
        if len(near) >= len(ring):
            return None
        # The first note on the ring after the page's point not near it: a few steps at most
        # (near holds a few hundred notes), never a sort of the whole community.
        start = bisect.bisect_right(ring, (_point(key if key is not None else f"home\0{self.commit}"), ""))
        for step in range(len(ring)):
            candidate = ring[(start + step) % len(ring)][1]
            if candidate not in near:
                return candidate
        return None


def _point(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
