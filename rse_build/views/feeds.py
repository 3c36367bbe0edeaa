"""Atom feeds of new and updated notes (the site's, one per group, per tag and for the questions
and ideas lists; each person's is in views/foryou.py), and the events' iCalendar files (every
event, each event, each group's). Dates come from git (or the notes' own dates), never from the
clock."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event, Timezone

from rse_build.model import Note, NoteType
from rse_build.stats import PageFigures
from rse_build.views.refs import Refs

FEED_SIZE = 50
QUESTIONS_FEED = "questions/feed.xml"
IDEAS_FEED = "ideas/feed.xml"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str
    title: str
    url: str
    # None in a person's feed: one date per entry, when it last concerned them.
    published: dt.datetime | None
    updated: dt.datetime
    authors: tuple[str, ...]
    summary: str
    # What the entry is (its Atom id is `urn:rse:<kind>:<key>`) and, in a person's feed, why
    # it is there.
    kind: str = "note"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Feed:
    id: str
    title: str
    url: str
    feed_url: str
    updated: dt.datetime
    entries: tuple[FeedEntry, ...]
    language: str = "en"


def _moment(day: str | dt.date | None) -> dt.datetime | None:
    """The start of a day in UTC (a response's time counts by its day, as notes' dates do)."""
    if day is None:
        return None
    value = dt.date.fromisoformat(day) if isinstance(day, str) else day
    if isinstance(value, dt.datetime):
        value = value.date()
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def note_entry(refs: Refs, note: Note, page: PageFigures | None) -> FeedEntry:
    published = _moment(note.fields.date) or _moment(page.created if page else None) or EPOCH
    # A reply, an answer, thanks or an RSVP is news of the note: its day updates the entry.
    answered = [_moment(r.fields.date) for r in refs.community.responses.get(note.key, ())]
    updated = max(published, _moment(page.updated if page else None) or published, *filter(None, answered))
    return FeedEntry(
        key=note.key,
        title=note.title,
        url=refs.urls.note(note.path),
        published=published,
        updated=updated,
        authors=tuple(p.name for p in refs.community.authors_of(note)),
        summary=note.fields.summary or "",
    )


def feed(
    refs: Refs,
    pages: dict[str, PageFigures],
    keys: tuple[str, ...],
    title: str,
    url: str,
    feed_url: str,
    feed_id: str,
) -> Feed:
    """The newest and latest updated notes among `keys`, newest update first."""
    notes = [refs.community.notes[k] for k in keys if k in refs.community.notes]
    entries = sorted(
        (note_entry(refs, n, pages.get(n.path)) for n in notes),
        key=lambda e: (e.updated, e.key),
        reverse=True,
    )[:FEED_SIZE]
    updated = max((e.updated for e in entries), default=EPOCH)
    return Feed(feed_id, title, url, feed_url, updated, tuple(entries), refs.t.language)


def atom_xml(feed_data: Feed, site_url: str) -> str:
    """Atom 1.0, unindented (a feed is read by programs, and a site has one per person). Links
    are absolute when the site's URL is known, else relative to the site."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    generator = FeedGenerator()
    generator.id(feed_data.id)
    generator.title(feed_data.title)
    generator.language(feed_data.language)
    generator.link(href=base + feed_data.url, rel="alternate")
    generator.link(href=base + feed_data.feed_url, rel="self")
    generator.updated(feed_data.updated)
    generator.generator("rse")
    for entry in reversed(feed_data.entries):
        item = generator.add_entry()
        item.id(f"urn:rse:{entry.kind}:{entry.key}")
        item.title(entry.title)
        item.link(href=base + entry.url)
        if entry.published is not None:
            item.published(entry.published)
        item.updated(entry.updated)
        for name in entry.authors:
            item.author(name=name)
        if summary := " · ".join(text for text in (entry.reason, entry.summary) if text):
            item.summary(summary)
    return generator.atom_str(pretty=False).decode("utf-8")


def tag_feed_path(slug: str) -> str:
    """Beside the tag's page (`tags/<slug>.md` is served at `tags/<slug>/`)."""
    return f"tags/{slug}/feed.xml"


ALL_EVENTS_CALENDAR = "events.ics"


def event_calendar_path(note_key: str) -> str:
    """One event's calendar: `events/<note key>.ics` (`events/notes/meetup.ics`,
    `events/groups/data-platform/meetup.ics`). Note keys are unique paths and no page ends in
    `.ics`, so it meets neither the events page (`events/index.html`) nor a note's page."""
    return f"events/{note_key}.ics"


def group_feed_path(slug: str) -> str:
    return f"groups/{slug}/feed.xml"


def group_calendar_path(slug: str) -> str:
    """A group's events, beside its page and its feed."""
    return f"groups/{slug}/events.ics"


def _is_timed_event(note: Note) -> bool:
    return note.fields.type is NoteType.EVENT and note.fields.start is not None


def _day(value: dt.datetime | dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _zone_of(note: Note, default: str | None) -> str | None:
    """The zone that names the event's times: its own, else the community's; None when its
    times carry an offset or are dates (no VTIMEZONE to send)."""
    zone = note.fields.timezone or default
    times = (note.fields.start, note.fields.end)
    if zone and any(isinstance(v, dt.datetime) and v.tzinfo is None for v in times):
        return zone
    return None


def _ics_time(value: dt.datetime | dt.date, zone: str | None) -> dt.datetime | dt.date:
    """A time in the event's named `zone` keeps it (TZID); a time with an offset goes to UTC (a
    bare offset is no time zone iCalendar can name); else it stays floating, a date a date."""
    if isinstance(value, dt.datetime) and value.tzinfo is None and zone:
        return value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    return value


def _ics_end(value: dt.datetime | dt.date, zone: str | None) -> dt.datetime | dt.date:
    """An all-day event's `end` is its last day; iCalendar's DTEND is the day after."""
    if isinstance(value, dt.datetime):
        return _ics_time(value, zone)
    return value + dt.timedelta(days=1)


def _location(note: Note) -> str:
    """The place, with the site when the place does not already say it; the online link for
    an event with no room (calendars show LOCATION first)."""
    place, site = note.fields.place or "", note.fields.site or ""
    if site and site.casefold() not in place.casefold():
        place = f"{place}, {site}" if place else site
    return place or note.fields.online or ""


@dataclass(frozen=True, slots=True)
class Calendars:
    """What every calendar of one site shares: its events in order, the build commit's time
    (DTSTAMP: same commit, same bytes), the site's URL, the community's time zone, each used
    zone's VTIMEZONE (made once, over the years the events span) and the redactor, applied to
    each text before iCalendar folds its lines (a folded address would slip past it)."""

    refs: Refs
    stamp: dt.datetime
    site_url: str
    zone: str | None
    redact: Callable[[str], str]
    events: tuple[Note, ...]
    timezones: Mapping[str, Timezone]

    @classmethod
    def of(
        cls, refs: Refs, stamp: dt.datetime, site_url: str, zone: str | None, redact: Callable[[str], str]
    ) -> Calendars:
        events = tuple(
            sorted(
                (n for n in refs.community.notes.values() if _is_timed_event(n)),
                key=lambda n: (str(n.fields.start), n.key),
            )
        )
        zones = sorted({z for n in events if (z := _zone_of(n, zone))})
        days = [_day(v) for n in events for v in (n.fields.start, n.fields.end) if v is not None]
        timezones = {}
        if zones:
            first, last = dt.date(min(days).year, 1, 1), dt.date(max(days).year + 1, 1, 1)
            timezones = {z: Timezone.from_tzid(z, first_date=first, last_date=last) for z in zones}
        return cls(refs, stamp, site_url, zone, redact, events, timezones)

    def of_group(self, slug: str) -> tuple[Note, ...]:
        keys = set(self.refs.community.notes_of_group.get(slug, ()))
        return tuple(n for n in self.events if n.key in keys)

    def ics(self, notes: Iterable[Note], name: str) -> str:
        """`notes` (events with a start) as one calendar, each zone they use defined first."""
        notes = tuple(notes)
        calendar = Calendar()
        calendar.add("prodid", f"-//rse//events//{self.refs.t.language.upper()}")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", self.redact(name))
        for zone in sorted({z for n in notes if (z := _zone_of(n, self.zone))}):
            calendar.add_component(self.timezones[zone])
        for note in notes:
            calendar.add_component(self._event(note))
        return calendar.to_ical().decode("utf-8")

    def _event(self, note: Note) -> Event:
        fields, t = note.fields, self.refs.t
        zone = fields.timezone or self.zone
        event = Event()
        event.add("uid", f"{note.key.replace('/', '-')}@rse")
        event.add("dtstamp", self.stamp)
        event.add("summary", self.redact(note.title))
        if fields.start is not None:
            event.add("dtstart", _ics_time(fields.start, zone))
        if fields.end is not None:
            event.add("dtend", _ics_end(fields.end, zone))
        if location := _location(note):
            event.add("location", self.redact(location))
        online = t("event.join_online", link=fields.online) if fields.online else ""
        if description := "\n\n".join(text for text in (fields.summary, online) if text):
            event.add("description", self.redact(description))
        base = self.site_url.rstrip("/") + "/" if self.site_url else "/"
        event.add("url", self.redact(base + self.refs.urls.note(note.path)))
        if fields.online:
            parameters = {"VALUE": "URI", "FEATURE": "VIDEO"}
            event.add("conference", self.redact(fields.online), parameters=parameters)
        return event
