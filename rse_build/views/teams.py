"""The teams index and one page per team (profiles' `team`): its people, whom they report to,
the groups they share, their notes, and figures only for teams large enough to hide a person."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from rse_build.org import NOT_SHOWN, Org
from rse_build.stats import TeamActivity
from rse_build.views.refs import Fact, GroupRef, NoteRef, PersonRef, Refs

TOP_GROUPS = 5
TEAM_NOTES = 20
# "The last 12 months": the build commit's month and the eleven before it.
ACTIVITY_MONTHS = 12


@dataclass(frozen=True, slots=True)
class TeamRef:
    slug: str
    name: str
    url: str
    members_label: str


@dataclass(frozen=True, slots=True)
class TeamEntry:
    team: TeamRef
    managers: tuple[PersonRef, ...]


@dataclass(frozen=True, slots=True)
class TeamsIndex:
    teams: tuple[TeamEntry, ...]


@dataclass(frozen=True, slots=True)
class SharedGroup:
    """A group some of the team's members are in, with how many ('3 members of this team')."""

    group: GroupRef
    count_label: str


@dataclass(frozen=True, slots=True)
class TeamPage:
    team: TeamRef
    members: tuple[PersonRef, ...]
    # Whom the members report to: the managers who are members, then those outside the team.
    leads: tuple[PersonRef, ...]
    outside_managers: tuple[PersonRef, ...]
    groups: tuple[SharedGroup, ...]
    notes: tuple[NoteRef, ...]
    figures: tuple[Fact, ...]
    # Below `min_group` members: the sentence saying from which size figures appear, instead.
    figures_hidden: str = ""


def team_ref(refs: Refs, slug: str) -> TeamRef:
    community = refs.community
    count = len(community.people_by_team[slug])
    return TeamRef(slug, community.team_names[slug], refs.urls.team(slug), refs.t.plural(count, "person"))


def _managers(refs: Refs, org: Org, slug: str) -> tuple[tuple[PersonRef, ...], tuple[PersonRef, ...]]:
    """The members' managers as the org chart has them (past alumni and people this audience
    may not see, to the nearest it sees), each once: members first, then the others."""
    members = set(refs.community.people_by_team[slug])
    managers = {org.manager_of.get(h) for h in members} - {None, NOT_SHOWN}
    return (
        refs.people([m for m in managers if m in members]),
        refs.people([m for m in managers if m not in members]),
    )


def teams_index(refs: Refs, org: Org) -> TeamsIndex:
    """Every team, the largest first."""
    community = refs.community
    ordered = sorted(
        community.people_by_team,
        key=lambda s: (-len(community.people_by_team[s]), community.team_names[s].casefold(), s),
    )
    entries = []
    for slug in ordered:
        leads, outside = _managers(refs, org, slug)
        entries.append(TeamEntry(team_ref(refs, slug), (*leads, *outside)))
    return TeamsIndex(tuple(entries))


def _groups(refs: Refs, members: tuple[str, ...]) -> tuple[SharedGroup, ...]:
    """The groups most of the team is in, by how many of its members, then by title."""
    community = refs.community
    counts = Counter(g for h in members for g in community.groups_of.get(h, ()))
    ranked = sorted(counts, key=lambda g: (-counts[g], community.groups[g].title.casefold(), g))
    return tuple(
        SharedGroup(refs.group(g), refs.t.plural(counts[g], "team.members_of")) for g in ranked[:TOP_GROUPS]
    )


def _window(today: dt.date) -> str:
    """The first month of the last 12 up to `today`'s ('2025-12' for any day of 2026-11)."""
    index = today.year * 12 + today.month - 1 - (ACTIVITY_MONTHS - 1)
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _figures(
    refs: Refs, notes: int, activity: TeamActivity | None, today: dt.date | None
) -> tuple[Fact, ...]:
    t = refs.t
    figures = [Fact(t("team.notes_written"), t.number(notes))]
    if activity is not None and today is not None:
        start, end = _window(today), today.isoformat()[:7]
        commits = sum(n for m, n in activity.monthly if start <= m <= end)
        contributors = sum(any(start <= m <= end for m in months) for months in activity.member_months)
        figures += [
            Fact(t("team.commits_year"), t.number(commits)),
            Fact(t("team.contributors_year"), t.number(contributors)),
        ]
    return tuple(figures)


def team_page(
    refs: Refs, org: Org, slug: str, min_group: int, activity: TeamActivity | None, today: dt.date | None
) -> TeamPage:
    """`activity` is None without history (`--no-history`): then only the notes are counted."""
    community = refs.community
    members = community.people_by_team[slug]
    keys = sorted({k for h in members for k in community.notes_by.get(h, ())})
    leads, outside = _managers(refs, org, slug)
    shown = len(members) >= min_group
    return TeamPage(
        team=team_ref(refs, slug),
        members=refs.people(members),
        leads=leads,
        outside_managers=outside,
        groups=_groups(refs, members),
        notes=refs.notes(keys, limit=TEAM_NOTES),
        figures=_figures(refs, len(keys), activity, today) if shown else (),
        figures_hidden="" if shown else refs.t("team.below_threshold", n=min_group),
    )
