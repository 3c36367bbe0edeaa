"""The tags index and one page per tag."""

from __future__ import annotations

from dataclasses import dataclass

from rse_build.views.feeds import tag_feed_path
from rse_build.views.refs import GroupRef, NoteRef, Refs, TagRef


@dataclass(frozen=True, slots=True)
class TagsIndex:
    tags: tuple[TagRef, ...]


@dataclass(frozen=True, slots=True)
class TagPage:
    tag: TagRef
    notes: tuple[NoteRef, ...]
    groups: tuple[GroupRef, ...]
    feed: str = ""


def tags_index(refs: Refs) -> TagsIndex:
    return TagsIndex(refs.tags(tuple(refs.community.tag_names.values())))


def tag_page(refs: Refs, slug: str) -> TagPage:
    community = refs.community
    return TagPage(
        tag=refs.tag(community.tag_names[slug]),
        notes=refs.notes(community.notes_by_tag.get(slug, ())),
        groups=refs.groups(community.groups_by_tag.get(slug, ())),
        feed=tag_feed_path(slug),
    )
