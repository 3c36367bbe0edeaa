"""The people directory: everyone, with what a reader filters on (skill, site, team, group).

The page lists everyone without JavaScript; a small self-hosted script narrows the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from rse_build.model import tag_slug
from rse_build.views.refs import PersonRef, Refs


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    person: PersonRef
    skills: str
    site: str
    team: str
    groups: str


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class PeopleDirectory:
    count_label: str
    people: tuple[PersonRef, ...]
    entries: tuple[DirectoryEntry, ...]
    skills: tuple[Choice, ...]
    sites: tuple[Choice, ...]
    teams: tuple[Choice, ...]
    groups: tuple[Choice, ...]


def _choices(values: set[str]) -> tuple[Choice, ...]:
    return tuple(Choice(v, v) for v in sorted(values, key=lambda v: (v.casefold(), v)))


def people_directory(refs: Refs) -> PeopleDirectory:
    community = refs.community
    people = refs.people(tuple(community.people))
    entries = []
    for ref in people:
        f = community.people[ref.handle].fields
        entries.append(
            DirectoryEntry(
                person=ref,
                skills=" ".join(sorted({tag_slug(s) for s in f.skills})),
                site=f.site or "",
                team=f.team or "",
                groups=" ".join(community.groups_of.get(ref.handle, ())),
            )
        )
    return PeopleDirectory(
        count_label=refs.t.count(len(people), "person_count_one", "people_count"),
        people=people,
        entries=tuple(entries),
        skills=tuple(
            Choice(slug, name)
            for slug, name in sorted(community.skill_names.items(), key=lambda i: (i[1].casefold(), i[0]))
        ),
        sites=_choices({p.fields.site for p in community.people.values() if p.fields.site}),
        teams=_choices({p.fields.team for p in community.people.values() if p.fields.team}),
        groups=tuple(Choice(g.slug, g.title) for g in refs.groups(tuple(community.groups))),
    )
