"""A profile page: the person's card, groups and notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from rse_build.model import tag_slug
from rse_build.stats import PersonFigures
from rse_build.views.charts import sparkline
from rse_build.views.feeds import FeedEntry
from rse_build.views.foryou import person_feed_path
from rse_build.views.org import PlaceInOrg
from rse_build.views.refs import Fact, GroupRef, NoteRef, PersonRef, Refs
from rse_build.views.skills import SkillRef, skill_ref


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class ProfileView:
    person: PersonRef
    facts: tuple[Fact, ...]
    skills: tuple[SkillRef, ...]
    interests: tuple[str, ...]
    languages: tuple[str, ...]
    links: tuple[Link, ...]
    groups: tuple[GroupRef, ...]
    notes: tuple[NoteRef, ...]
    contributions: tuple[Fact, ...]
    activity: Markup
    mentioned_in: tuple[NoteRef, ...]
    for_you: tuple[ForYouLine, ...] = ()
    feed_url: str = ""
    place: PlaceInOrg | None = None


# How many of the person's feed entries their profile shows; the feed has the rest (five: each
# profile carries them, and they were a fifth of what the feeds added to a site).
FOR_YOU_SHOWN = 5


@dataclass(frozen=True, slots=True)
class ForYouLine:
    """One entry of the person's feed as their profile lists it."""

    title: str
    url: str
    # `#response-N` for a response: MkDocs' `url` filter takes the page's path alone.
    anchor: str
    reason: str
    date: str


def _split(url: str) -> tuple[str, str]:
    path, hash_, anchor = url.partition("#")
    return path, hash_ + anchor


def _safe_links(links: dict[str, str]) -> tuple[Link, ...]:
    """Only web links: a mailto: would publish an address, a javascript: would run code."""
    return tuple(
        Link(label.replace("-", " ").replace("_", " ").capitalize(), url)
        for label, url in sorted(links.items())
        if url.startswith(("https://", "http://"))
    )


def _contributions(refs: Refs, figures: PersonFigures | None, responses: int = 0) -> tuple[Fact, ...]:
    """A person's own figures, never a rank: absent for people with `stats: false`."""
    if figures is None or not figures.commits:
        return ()
    t = refs.t
    facts = [
        Fact(t.commits, str(figures.commits)),
        Fact(t.notes_authored, str(figures.notes_authored)),
        Fact(t.notes_contributed, str(figures.notes_contributed)),
    ]
    if responses:
        facts.append(Fact(t("responses_written"), str(responses)))
    if figures.first_contribution:
        facts.append(Fact(t.first_contribution, t.date(dt.date.fromisoformat(figures.first_contribution))))
    if figures.last_contribution:
        facts.append(Fact(t.last_contribution, t.date(dt.date.fromisoformat(figures.last_contribution))))
    return tuple(facts)


def profile_view(
    refs: Refs,
    handle: str,
    figures: PersonFigures | None = None,
    monthly: tuple[int, ...] = (),
    mentioned_in: tuple[str, ...] = (),
    responses: int = 0,
    for_you: tuple[FeedEntry, ...] = (),
    place: PlaceInOrg | None = None,
) -> ProfileView:
    person = refs.community.people[handle]
    f = person.fields
    t = refs.t
    facts = [
        Fact(t.role, f.role) if f.role else None,
        Fact(t.team, f.team, refs.urls.team(tag_slug(f.team))) if f.team and f.team.strip() else None,
        Fact(t.site, f.site, refs.urls.site(tag_slug(f.site))) if f.site and f.site.strip() else None,
        Fact(t.organisation, f.organisation) if f.organisation else None,
        Fact(t.joined, t.date(f.joined)) if f.joined else None,
    ]
    return ProfileView(
        person=refs.person(handle),
        facts=tuple(fact for fact in facts if fact),
        skills=tuple(skill_ref(refs, tag_slug(skill)) for skill in dict.fromkeys(f.skills)),
        interests=f.interests,
        languages=f.languages,
        links=_safe_links(f.links),
        groups=refs.groups(refs.community.groups_of.get(handle, ())),
        notes=refs.notes(refs.community.notes_by.get(handle, ())),
        contributions=_contributions(refs, figures, responses),
        mentioned_in=refs.notes(mentioned_in),
        activity=sparkline(monthly, refs.t.monthly_activity) if figures and figures.commits else Markup(""),
        for_you=tuple(
            ForYouLine(e.title, *_split(e.url), e.reason, t.date(e.updated.date()))
            for e in for_you[:FOR_YOU_SHOWN]
        ),
        feed_url=person_feed_path(handle),
        place=place,
    )
