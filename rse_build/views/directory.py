"""The people directory."""

from __future__ import annotations

from dataclasses import dataclass

from rse_build.views.refs import PersonRef, Refs


@dataclass(frozen=True, slots=True)
class PeopleDirectory:
    count_label: str
    people: tuple[PersonRef, ...]


def people_directory(refs: Refs) -> PeopleDirectory:
    people = refs.people(tuple(refs.community.people))
    return PeopleDirectory(refs.t.count(len(people), "person_count_one", "people_count"), people)
