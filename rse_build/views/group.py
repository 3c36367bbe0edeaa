"""A group page's header, and the directory of groups by kind."""

from __future__ import annotations

from dataclasses import dataclass

from rse_build.model import GroupKind
from rse_build.stats import GroupFigures
from rse_build.views.edit import RepoLinks
from rse_build.views.feeds import group_calendar_path, group_feed_path
from rse_build.views.refs import Fact, GroupRef, NoteRef, PersonRef, Refs, TagRef


@dataclass(frozen=True, slots=True)
class GroupView:
    group: GroupRef
    animators: tuple[PersonRef, ...]
    members: tuple[PersonRef, ...]
    notes: tuple[NoteRef, ...]
    tags: tuple[TagRef, ...]
    activity: tuple[Fact, ...]
    feed_url: str = ""
    calendar_url: str = ""
    join_hint: str = ""
    join_url: str = ""


@dataclass(frozen=True, slots=True)
class GroupSection:
    kind: str
    label: str
    groups: tuple[GroupRef, ...]


@dataclass(frozen=True, slots=True)
class GroupsDirectory:
    sections: tuple[GroupSection, ...]


def group_view(
    refs: Refs, slug: str, figures: GroupFigures | None = None, repo: RepoLinks | None = None
) -> GroupView:
    community = refs.community
    group = community.groups[slug]
    return GroupView(
        group=refs.group(slug),
        animators=refs.people(community.animators.get(slug, ())),
        members=refs.people(community.members.get(slug, ())),
        notes=refs.notes(community.notes_of_group.get(slug, ())),
        tags=refs.tags(group.fields.tags),
        activity=(
            (Fact(refs.t.commits, str(figures.commits)), Fact(refs.t.contributors, str(figures.contributors)))
            if figures and figures.commits
            else ()
        ),
        feed_url=group_feed_path(slug),
        calendar_url=group_calendar_path(slug),
        join_hint=refs.t("join_hint", slug=slug),
        join_url=repo.folder("people") if repo else "",
    )


def groups_directory(refs: Refs) -> GroupsDirectory:
    """Groups by kind, in the order of GroupKind; empty kinds are left out."""
    by_kind: dict[GroupKind, list[str]] = {kind: [] for kind in GroupKind}
    for group in refs.community.groups.values():
        by_kind[group.fields.kind].append(group.slug)
    return GroupsDirectory(
        tuple(
            GroupSection(kind.value, refs.t(f"group.{kind.value}"), refs.groups(slugs))
            for kind, slugs in by_kind.items()
            if slugs
        )
    )
