"""History facts + community → the figures of stats.json, with SPEC.md's counting and privacy
rules applied. "Now" is always the build commit's date, never the clock."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from rse_build.history import FileFacts, History, Identity
from rse_build.identity import Resolver
from rse_build.model import Community


@functools.lru_cache(maxsize=65536)
def day(timestamp: int) -> str:
    """Called for every commit by several figures: formatted once per timestamp."""
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).strftime("%Y-%m-%d")


def month(timestamp: int) -> str:
    return day(timestamp)[:7]


def _months(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` inclusive ('2026-01'), so charts have no holes."""
    year, number = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{number:02d}" <= last:
        months.append(f"{year:04d}-{number:02d}")
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return months


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: str
    active_contributors: int
    new_contributors: int
    notes_created: int
    commits: int


@dataclass(frozen=True, slots=True)
class CommunityFigures:
    people: int
    groups: int
    notes: int
    contributors: int
    commits: int
    monthly: tuple[MonthFigures, ...]


@dataclass(frozen=True, slots=True)
class PersonFigures:
    commits: int
    notes_authored: int
    notes_contributed: int
    first_contribution: str | None
    last_contribution: str | None


@dataclass(frozen=True, slots=True)
class GroupFigures:
    members: int
    notes: int
    contributors: int
    commits: int


@dataclass(frozen=True, slots=True)
class PageFigures:
    created: str
    updated: str
    revisions: int
    contributors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Stats:
    commit: str
    community: CommunityFigures
    people: dict[str, PersonFigures]
    groups: dict[str, GroupFigures]
    pages: dict[str, PageFigures]
    unmatched_identities: int

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["community"]["monthly"] = list(data["community"]["monthly"])
        for page in data["pages"].values():
            page["contributors"] = list(page["contributors"])
        return data


@dataclass(slots=True)
class _Person:
    commits: int = 0
    first: int | None = None
    last: int | None = None


def _span(history: History) -> tuple[str, str]:
    """The first and last month of the history by date (a rebased commit keeps its old date)."""
    stamps = [c.timestamp for c in history.commits]
    return month(min(stamps)), month(max(stamps))


def page_facts(history: History) -> dict[str, FileFacts]:
    """File facts keyed by path under content/ (the history's pathspec removed)."""
    start = f"{history.prefix}/" if history.prefix else ""
    return {
        path.removeprefix(start): facts for path, facts in history.files.items() if path.startswith(start)
    }


def compute(
    community: Community,
    history: History,
    pages: dict[str, FileFacts],
    resolver: Resolver,
    existing_pages: set[str],
    person_figures: bool = True,
) -> Stats:
    """stats.json's figures. `pages` are file facts by path under content/; `existing_pages`
    the Markdown files of this build (history of deleted files dates nothing). Without
    `person_figures` (privacy.person_figures: false), no per-person figure at all."""
    private = _not_shown(community, resolver)
    per_person: dict[str, _Person] = defaultdict(_Person)
    unmatched: set[Identity] = set()
    active: dict[str, set[str]] = defaultdict(set)
    commits_by_month: dict[str, int] = defaultdict(int)
    counted: list[bool] = []
    for commit in history.commits:
        people = [i for i in (commit.author, *commit.coauthors) if not resolver.is_bot(i)]
        counted.append(bool(people))
        if not people:
            continue
        commits_by_month[month(commit.timestamp)] += 1
        credited = set()
        for identity in people:
            handle = resolver.handle(identity)
            if handle is None:
                unmatched.add(identity)
            else:
                credited.add(handle)
        for handle in credited:
            figures = per_person[handle]
            figures.commits += 1
            when = commit.timestamp
            figures.first = when if figures.first is None else min(figures.first, when)
            figures.last = when if figures.last is None else max(figures.last, when)
            active[month(commit.timestamp)].add(handle)

    def contributors_of(facts: FileFacts) -> set[str]:
        found = {resolver.handle(i) for i in facts.identities if not resolver.is_bot(i)}
        return {h for h in found if h is not None}

    page_figures = {}
    for path in sorted(existing_pages):
        facts = pages.get(path)
        if facts is None:
            continue
        page_figures[path] = PageFigures(
            created=day(facts.created),
            updated=day(facts.updated),
            revisions=facts.revisions,
            contributors=tuple(sorted(contributors_of(facts) - private)),
        )

    authored: dict[str, int] = defaultdict(int)
    contributed: dict[str, int] = defaultdict(int)
    created_by_month: dict[str, int] = defaultdict(int)
    for note in community.notes.values():
        authors = set(note.fields.authors)
        for handle in authors:
            authored[handle] += 1
        facts = pages.get(note.path)
        if facts is not None:
            created_by_month[month(facts.created)] += 1
            for handle in contributors_of(facts) - authors:
                contributed[handle] += 1

    people = {}
    for handle in sorted(community.people) if person_figures else ():
        if handle in private:
            continue
        figures = per_person.get(handle, _Person())
        people[handle] = PersonFigures(
            commits=figures.commits,
            notes_authored=authored.get(handle, 0),
            notes_contributed=contributed.get(handle, 0),
            first_contribution=day(figures.first) if figures.first is not None else None,
            last_contribution=day(figures.last) if figures.last is not None else None,
        )

    groups = {}
    for slug, group in community.groups.items():
        paths = {group.path, *(community.notes[k].path for k in community.notes_of_group.get(slug, ()))}
        facts_list = [pages[p] for p in sorted(paths) if p in pages]
        commit_numbers = {n for facts in facts_list for n in facts.commits if counted[n]}
        contributors = set().union(*(contributors_of(f) for f in facts_list)) if facts_list else set()
        groups[slug] = GroupFigures(
            members=len(community.members.get(slug, ())),
            notes=len(community.notes_of_group.get(slug, ())),
            contributors=len(contributors),
            commits=len(commit_numbers),
        )

    first_month: dict[str, str] = {h: month(p.first) for h, p in per_person.items() if p.first is not None}
    monthly: list[MonthFigures] = []
    if history.commits:
        span = _months(*_span(history))
        new_by_month: dict[str, int] = defaultdict(int)
        for first in first_month.values():
            new_by_month[first] += 1
        monthly = [
            MonthFigures(
                m,
                len(active.get(m, ())),
                new_by_month.get(m, 0),
                created_by_month.get(m, 0),
                commits_by_month.get(m, 0),
            )
            for m in span
        ]

    return Stats(
        commit=history.head,
        community=CommunityFigures(
            people=len(community.people),
            groups=len(community.groups),
            notes=len(community.notes),
            contributors=len(per_person),
            commits=sum(counted),
            monthly=tuple(monthly),
        ),
        people=people,
        groups=dict(sorted(groups.items())),
        pages=page_figures,
        unmatched_identities=len({i.email for i in unmatched}),
    )


def _not_shown(community: Community, resolver: Resolver) -> set[str]:
    """People counted in totals but never shown: `stats: false`, and the people an
    audience's site does not hold (the resolver still knows them, so they are not unmatched)."""
    private = {h for h, p in community.people.items() if not p.fields.stats}
    known = set(resolver.by_email.values()) | set(resolver.by_login.values())
    return private | (known - set(community.people))


@dataclass(frozen=True, slots=True)
class SiteActivity:
    """A site's commits and contributors; the sites too small to show alone are pooled in one row."""

    label: str
    commits: int
    contributors: int


@dataclass(frozen=True, slots=True)
class GroupMonth:
    slug: str
    shown: bool
    monthly: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class TeamActivity:
    """A team's commits by month (a commit its members wrote together counts once) and, for
    each member who committed, the months they did: figures of the team, never named by member."""

    monthly: tuple[tuple[str, int], ...]
    member_months: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Insights:
    """What animators read on the dashboard: aggregates only, never a ranking of people."""

    now: str
    top_decile_share: float | None
    top_decile_people: int
    core_group: int
    by_site: tuple[SiteActivity, ...]
    by_group: tuple[GroupMonth, ...]
    cross_site_notes: int
    notes_with_contributors: int
    months: tuple[str, ...]
    person_monthly: dict[str, tuple[int, ...]]
    # Replies, answers, thanks and RSVPs by the month they were written; and how many each
    # person wrote (never ranked: shown on their own profile only).
    responses_monthly: dict[str, int] = field(default_factory=dict)
    person_responses: dict[str, int] = field(default_factory=dict)
    # By team slug; `stats: false` members are counted, as in a group's figures.
    by_team: dict[str, TeamActivity] = field(default_factory=dict)


def insights(
    community: Community,
    history: History,
    pages: dict[str, FileFacts],
    resolver: Resolver,
    min_group: int,
) -> Insights:
    """Figures of the dashboard. "Now" is the build commit's month, never the clock."""
    now_ts = max((c.timestamp for c in history.commits), default=0)
    now = month(now_ts) if history.commits else ""
    per_person: dict[str, int] = defaultdict(int)
    months_of: dict[str, set[str]] = defaultdict(set)
    person_month: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    site_commits: dict[str, int] = defaultdict(int)
    site_people: dict[str, set[str]] = defaultdict(set)
    team_of = {h: slug for slug, handles in community.people_by_team.items() for h in handles}
    team_month: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for commit in history.commits:
        credited = {resolver.handle(i) for i in (commit.author, *commit.coauthors) if not resolver.is_bot(i)}
        credited.discard(None)
        for team in {team_of[h] for h in credited if h in team_of}:
            team_month[team][month(commit.timestamp)] += 1
        sites = set()
        for handle in credited:
            per_person[handle] += 1
            months_of[handle].add(month(commit.timestamp))
            person_month[handle][month(commit.timestamp)] += 1
            site = community.people[handle].fields.site if handle in community.people else None
            if site:
                sites.add(site)
                site_people[site].add(handle)
        for site in sites:
            site_commits[site] += 1

    counts = sorted(per_person.values(), reverse=True)
    # Below ten contributors the "top 10%" is one identifiable person: the share is not shown.
    top = -(-len(counts) // 10) if len(counts) >= TOP_SHARE_MIN else 0
    share = round(sum(counts[:top]) / sum(counts), 3) if top else None
    last_six = set(_months(_shift(now, -5), now)) if now else set()
    core = sum(1 for months in months_of.values() if len(months & last_six) >= 3)

    by_group = []
    for slug, group in community.groups.items():
        paths = {group.path, *(community.notes[k].path for k in community.notes_of_group.get(slug, ()))}
        numbers = {n for p in paths if p in pages for n in pages[p].commits}
        monthly: dict[str, int] = defaultdict(int)
        for number in numbers:
            commit = history.commits[number]
            if any(not resolver.is_bot(i) for i in (commit.author, *commit.coauthors)):
                monthly[month(commit.timestamp)] += 1
        shown = len(community.members.get(slug, ())) >= min_group
        by_group.append(GroupMonth(slug, shown, tuple(sorted(monthly.items())) if shown else ()))

    cross = with_contributors = 0
    for note in community.notes.values():
        facts = pages.get(note.path)
        if facts is None:
            continue
        handles = {resolver.handle(i) for i in facts.identities if not resolver.is_bot(i)} - {None}
        sites = {community.people[h].fields.site for h in handles if h in community.people} - {None}
        with_contributors += bool(handles)
        cross += len(sites) >= 2

    span = tuple(_months(*_span(history))) if history.commits else ()
    private = _not_shown(community, resolver)
    responses_monthly: dict[str, int] = defaultdict(int)
    person_responses: dict[str, int] = defaultdict(int)
    for thread in community.responses.values():
        for response in thread:
            if response.fields.date is not None:
                responses_monthly[response.fields.date.isoformat()[:7]] += 1
            for handle in set(response.fields.authors) - private:
                person_responses[handle] += 1
    return Insights(
        months=span,
        person_monthly={
            h: tuple(person_month[h].get(m, 0) for m in span)
            for h in sorted(person_month)
            if h not in private
        },
        now=now,
        top_decile_share=share,
        top_decile_people=top,
        core_group=core,
        by_site=_sites(site_commits, site_people, min_group),
        by_group=tuple(sorted(by_group, key=lambda g: g.slug)),
        cross_site_notes=cross,
        notes_with_contributors=with_contributors,
        responses_monthly=dict(sorted(responses_monthly.items())),
        person_responses=dict(sorted(person_responses.items())),
        by_team={
            slug: TeamActivity(
                tuple(sorted(team_month[slug].items())),
                # Only people who show their figures: a count of a team's contributors that
                # included those who opted out would tell, at 3 of 3, that each of them committed.
                tuple(
                    sorted(
                        tuple(sorted(months_of[h]))
                        for h in handles
                        if h in months_of and community.people[h].fields.stats
                    )
                ),
            )
            for slug, handles in community.people_by_team.items()
        },
    )


TOP_SHARE_MIN = 10
OTHER_SITES = ""


def _sites(commits: dict[str, int], people: dict[str, set[str]], min_group: int) -> tuple[SiteActivity, ...]:
    """Sites with fewer than `min_group` contributors are pooled (label ""), so no row is one
    person's activity."""
    shown = [s for s in commits if len(people[s]) >= min_group]
    pooled = [s for s in commits if s not in shown]
    rows = [
        SiteActivity(s, commits[s], len(people[s])) for s in sorted(shown, key=lambda s: (-commits[s], s))
    ]
    if pooled:
        rows.append(
            SiteActivity(
                OTHER_SITES, sum(commits[s] for s in pooled), len(set().union(*(people[s] for s in pooled)))
            )
        )
    return tuple(rows)


def _shift(month_text: str, months: int) -> str:
    year, number = int(month_text[:4]), int(month_text[5:]) - 1 + months
    year += number // 12
    return f"{year:04d}-{number % 12 + 1:02d}"
