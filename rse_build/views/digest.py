"""A week of the community, for those who do not open the site every day: new notes, responses,
new members, questions waiting for an answer, ideas gaining support, events coming up by site,
and notes many people rely on that nobody has updated for long.

A pure function of the community at one commit: the week is given (by default the build
commit's), never read from the clock.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from rse_build.i18n import Translator
from rse_build.model import Note, NoteType, ResponseKind
from rse_build.stats import PageFigures
from rse_build.views.agenda import is_answered
from rse_build.views.backlinks import Backlinks
from rse_build.views.refs import NoteRef, PersonRef, Refs

WAITING_DAYS = 14
STALE_DAYS = 365
EVENTS_AHEAD_DAYS = 30
# Notes relied on: linked from at least this many other notes.
RELIED_ON = 2
# The longest lists (questions waiting, notes to review) show this many and count the rest: a
# digest read in a mail client is not the questions page.
LISTED = 10


@dataclass(frozen=True, slots=True)
class Week:
    """ISO week `label` ('2026-W48'): from `start` (a Monday) to `end` (excluded)."""

    label: str
    start: dt.date
    end: dt.date

    @classmethod
    def of(cls, day: dt.date) -> Week:
        year, week, weekday = day.isocalendar()
        start = day - dt.timedelta(days=weekday - 1)
        return cls(f"{year}-W{week:02d}", start, start + dt.timedelta(days=7))

    @classmethod
    def named(cls, label: str) -> Week:
        """'2026-W48' → that week; ValueError when it is not one."""
        start = dt.date.fromisocalendar(int(label[:4]), int(label.split("-W")[1]), 1)
        return cls.of(start)

    @classmethod
    def since(cls, end: dt.date, days: int) -> Week:
        """The `days` days before `end` (excluded), labelled by the week `end - 1` is in."""
        return cls(cls.of(end - dt.timedelta(days=1)).label, end - dt.timedelta(days=days), end)

    def holds(self, day: dt.date | dt.datetime | None) -> bool:
        if day is None:
            return False
        day = day.date() if isinstance(day, dt.datetime) else day
        return self.start <= day < self.end


@dataclass(frozen=True, slots=True)
class Discussed:
    note: NoteRef
    count_label: str


@dataclass(frozen=True, slots=True)
class Waiting:
    note: NoteRef
    waiting_label: str


@dataclass(frozen=True, slots=True)
class Upcoming:
    note: NoteRef
    when: str


@dataclass(frozen=True, slots=True)
class SiteEvents:
    site: str
    events: tuple[Upcoming, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    title: str
    week: Week
    period_label: str
    new_notes: tuple[NoteRef, ...]
    discussed: tuple[Discussed, ...]
    new_members: tuple[PersonRef, ...]
    waiting: tuple[Waiting, ...]
    ideas: tuple[Discussed, ...]
    events: tuple[SiteEvents, ...]
    review: tuple[NoteRef, ...]
    # "and 12 more" under a list cut at LISTED, else "".
    waiting_more: str = ""
    review_more: str = ""

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.new_notes,
                self.discussed,
                self.new_members,
                self.waiting,
                self.ideas,
                self.events,
                self.review,
            )
        )


def _day(value: dt.date | dt.datetime | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def digest(
    refs: Refs,
    week: Week,
    pages: dict[str, PageFigures],
    links: Backlinks,
    title: str,
    group: str | None = None,
) -> Digest:
    """The digest of `week` for the community `refs` holds (one audience's), or one group's."""
    community, t = refs.community, refs.t
    notes: list[Note] = list(community.notes.values())
    people = list(community.people)
    if group is not None:
        keys = set(community.notes_of_group.get(group, ()))
        notes = [n for n in notes if n.key in keys]
        people = list(community.members.get(group, ()))
    keys = {n.key for n in notes}

    new_notes = [n.key for n in notes if week.holds(n.fields.date)]
    written: Counter[str] = Counter()
    kudos: Counter[str] = Counter()
    for key in sorted(keys):
        for response in community.responses.get(key, ()):
            if not week.holds(response.fields.date):
                continue
            if response.fields.kind in (ResponseKind.REPLY, ResponseKind.ANSWER):
                written[key] += 1
            elif response.fields.kind is ResponseKind.KUDOS:
                kudos[key] += 1
    discussed = [
        Discussed(refs.note(key), t.plural(count, "response.count"))
        for key, count in sorted(written.items(), key=lambda item: (-item[1], item[0]))
    ]
    joined = [
        h
        for h in people
        if week.holds(community.people[h].fields.joined)
        or (pages.get(community.people[h].path) and week.holds(_iso(pages[community.people[h].path].created)))
    ]

    waiting = []
    for note in notes:
        asked = _day(note.fields.date)
        if note.fields.type is NoteType.QUESTION and asked and not is_answered(note, community):
            days = (week.end - asked).days
            if days > WAITING_DAYS:
                waiting.append((days, note.key))
    ideas = [
        Discussed(refs.note(n.key), t.plural(kudos[n.key], "digest.thanks"))
        for n in notes
        if n.fields.type is NoteType.IDEA and kudos[n.key]
    ]

    by_site: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    ahead = week.end + dt.timedelta(days=EVENTS_AHEAD_DAYS)
    for note in notes:
        start = _day(note.fields.start)
        if note.fields.type is NoteType.EVENT and start and week.start <= start < ahead:
            by_site[note.fields.site or ""].append((start, note.key))
    events = tuple(
        SiteEvents(
            site or t("digest.no_site"),
            tuple(Upcoming(refs.note(k), t.date(day)) for day, k in sorted(items)),
        )
        for site, items in sorted(by_site.items(), key=lambda item: (item[0] == "", item[0].casefold()))
    )

    review = []
    for note in notes:
        facts = pages.get(note.path)
        relied = len(links.referenced_by.get(note.key, ()))
        if facts and relied >= RELIED_ON and (week.end - _iso(facts.updated)).days > STALE_DAYS:
            review.append((-relied, note.key))

    last_day = week.end - dt.timedelta(days=1)
    return Digest(
        title=title,
        week=week,
        period_label=t("digest.period", start=t.date(week.start), end=t.date(last_day)),
        new_notes=refs.notes(new_notes),
        discussed=tuple(discussed),
        new_members=refs.people(joined),
        waiting=tuple(
            Waiting(refs.note(k), t.plural(days, "digest.waiting_days"))
            for days, k in sorted(waiting, reverse=True)[:LISTED]
        ),
        ideas=tuple(ideas),
        events=events,
        review=tuple(refs.note(k) for _, k in sorted(review)[:LISTED]),
        waiting_more=_more(t, len(waiting)),
        review_more=_more(t, len(review)),
    )


def _more(t: Translator, count: int) -> str:
    return t.plural(count - LISTED, "digest.more") if count > LISTED else ""


def _iso(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
