"""The people directory: everyone, with what a reader filters on (name, skill, site, team, group).

The page lists everyone without JavaScript; a small self-hosted script narrows the list. What
the name box matches is folded here, once, at build time: the script folds only the words a
reader types, never the 5,000 cards on each keystroke.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from rse_build.ids import SPELLED_OUT, fold
from rse_build.model import Person, tag_slug
from rse_build.views.org import OrgLinks, org_links
from rse_build.views.refs import PersonRef, Refs


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    person: PersonRef
    skills: str
    site: str
    team: str
    groups: str
    # Name, role, team and organisation, folded: what the name box matches.
    text: str


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
    # The letter table of `fold`, as JSON, for the script to fold a query the same way.
    fold_letters: str
    links: OrgLinks


def _choices(values: set[str]) -> tuple[Choice, ...]:
    return tuple(Choice(v, v) for v in sorted(values, key=lambda v: (v.casefold(), v)))


def _named(names: dict[str, str], value: str | None) -> str:
    """A site or a team as the filter offers it: 'LYON' is filed under the 'Lyon' most wrote."""
    return names.get(tag_slug(value), "") if value and value.strip() else ""


def _searched_text(person: Person) -> str:
    f = person.fields
    return " · ".join(fold(part) for part in (f.name, f.role, f.team, f.organisation) if part)


def people_directory(refs: Refs) -> PeopleDirectory:
    community = refs.community
    people = refs.people(tuple(community.people))
    entries = []
    for ref in people:
        person = community.people[ref.handle]
        f = person.fields
        entries.append(
            DirectoryEntry(
                person=ref,
                skills=" ".join(sorted({tag_slug(s) for s in f.skills})),
                site=_named(community.site_names, f.site),
                team=_named(community.team_names, f.team),
                groups=" ".join(community.groups_of.get(ref.handle, ())),
                text=_searched_text(person),
            )
        )
    return PeopleDirectory(
        count_label=refs.t.plural(len(people), "person"),
        people=people,
        entries=tuple(entries),
        skills=tuple(
            Choice(slug, name)
            for slug, name in sorted(community.skill_names.items(), key=lambda i: (i[1].casefold(), i[0]))
        ),
        sites=_choices(set(community.site_names.values())),
        teams=_choices(set(community.team_names.values())),
        groups=tuple(Choice(g.slug, g.title) for g in refs.groups(tuple(community.groups))),
        fold_letters=json.dumps(SPELLED_OUT, ensure_ascii=False, sort_keys=True),
        links=org_links(refs),
    )
