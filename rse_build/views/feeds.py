"""Atom feeds of new and updated notes (the site's and one per group), and the events'
iCalendar file. Dates come from git (or the notes' own dates), never from the clock."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event

from rse_build.model import Note, NoteType
from rse_build.stats import PageFigures
from rse_build.views.refs import Refs

FEED_SIZE = 50
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str
    title: str
    url: str
    published: dt.datetime
    updated: dt.datetime
    authors: tuple[str, ...]
    summary: str


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
    if day is None:
        return None
    value = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def _entry(refs: Refs, note: Note, page: PageFigures | None) -> FeedEntry:
    published = _moment(note.fields.date) or _moment(page.created if page else None) or EPOCH
    updated = max(published, _moment(page.updated if page else None) or published)
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
        (_entry(refs, n, pages.get(n.path)) for n in notes), key=lambda e: (e.updated, e.key), reverse=True
    )[:FEED_SIZE]
    updated = max((e.updated for e in entries), default=EPOCH)
    return Feed(feed_id, title, url, feed_url, updated, tuple(entries), refs.t.language)


def atom_xml(feed_data: Feed, site_url: str) -> str:
    """Atom 1.0. Links are absolute when the site's URL is known, else relative to the site."""
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
        item.id(f"urn:rse:note:{entry.key}")
        item.title(entry.title)
        item.link(href=base + entry.url)
        item.published(entry.published)
        item.updated(entry.updated)
        for name in entry.authors:
            item.author(name=name)
        if entry.summary:
            item.summary(entry.summary)
    return generator.atom_str(pretty=True).decode("utf-8")


def _ics_time(value: dt.datetime | dt.date, zone: str | None = None) -> dt.datetime | dt.date:
    """A time in the event's named `zone` keeps it (TZID); a time with an offset goes to UTC (a
    bare offset is no time zone iCalendar can name); else it stays floating, a date a date."""
    if isinstance(value, dt.datetime) and value.tzinfo is None and zone:
        return value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    return value


def calendar_ics(refs: Refs, stamp: dt.datetime, site_url: str, name: str) -> str:
    """Every event note as a VEVENT; DTSTAMP is the build commit's time, so one commit gives
    one file."""
    calendar = Calendar()
    calendar.add("prodid", f"-//rse//events//{refs.t.language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    events = sorted(
        (n for n in refs.community.notes.values() if n.fields.type is NoteType.EVENT and n.fields.start),
        key=lambda n: (str(n.fields.start), n.key),
    )
    for note in events:
        event = Event()
        event.add("uid", f"{note.key.replace('/', '-')}@rse")
        event.add("dtstamp", stamp)
        event.add("summary", note.title)
        event.add("dtstart", _ics_time(note.fields.start, note.fields.timezone))
        if note.fields.end:
            event.add("dtend", _ics_time(note.fields.end, note.fields.timezone))
        if note.fields.place or note.fields.online:
            event.add("location", note.fields.place or note.fields.online)
        if note.fields.online:
            event.add("conference", note.fields.online, parameters={"VALUE": "URI"})
        if note.fields.summary:
            event.add("description", note.fields.summary)
        if site_url:
            event.add("url", site_url.rstrip("/") + "/" + refs.urls.note(note.path))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")
