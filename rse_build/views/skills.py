"""The expertise directory: every skill with its people ("who knows X"), and their notes."""

from __future__ import annotations

from dataclasses import dataclass

from rse_build.views.refs import NoteRef, PersonRef, Refs


@dataclass(frozen=True, slots=True)
class SkillRef:
    name: str
    url: str
    people: int


@dataclass(frozen=True, slots=True)
class SkillsIndex:
    skills: tuple[SkillRef, ...]


@dataclass(frozen=True, slots=True)
class SkillPage:
    skill: SkillRef
    people: tuple[PersonRef, ...]
    notes: tuple[NoteRef, ...]


def skill_ref(refs: Refs, slug: str) -> SkillRef:
    community = refs.community
    return SkillRef(community.skill_names[slug], refs.urls.skill(slug), len(community.people_by_skill[slug]))


def skills_index(refs: Refs) -> SkillsIndex:
    refs_by_name = (skill_ref(refs, slug) for slug in refs.community.skill_names)
    return SkillsIndex(tuple(sorted(refs_by_name, key=lambda s: (-s.people, s.name.casefold(), s.name))))


def skill_page(refs: Refs, slug: str) -> SkillPage:
    """People who list the skill, and the notes tagged with it (same spelling rules as tags)."""
    community = refs.community
    return SkillPage(
        skill=skill_ref(refs, slug),
        people=refs.people(community.people_by_skill.get(slug, ())),
        notes=refs.notes(community.notes_by_tag.get(slug, ())),
    )
