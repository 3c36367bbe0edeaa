"""Each person's "for you" feed: what concerns them (their groups, skills, interests and
follows, mentions of them, responses to what they wrote, events at their site, ideas they
support when their state changes), each entry with the reason it is there.

Linear: the indexes are built once over the community, each newest first; a person's feed then
reads at most `FEED_SIZE` items from each index they are in, never every note."""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import islice

from rse_build.idea_states import StateChange
from rse_build.model import NoteType, Response, ResponseKind, tag_slug
from rse_build.stats import PageFigures
from rse_build.views.backlinks import Backlinks
from rse_build.views.feeds import EPOCH, FEED_SIZE, Feed, FeedEntry, note_entry
from rse_build.views.refs import Refs

# Responses that are written words, and so have an anchor on their note's page.
WRITTEN = (ResponseKind.REPLY, ResponseKind.ANSWER)


def person_feed_path(handle: str) -> str:
    return f"people/{handle}/feed.xml"


@dataclass(frozen=True, slots=True)
class Item:
    """A note or a response that may reach someone's feed; `entry.key` is unique among items."""

    entry: FeedEntry
    # Who wrote it: their own words never come back to them.
    authors: frozenset[str]
    # Why it is there when the item says more than its source (an idea's new state).
    reason: str = ""

    @property
    def order(self) -> tuple[dt.datetime, str]:
        return self.entry.updated, self.entry.key


def _moment(value: dt.datetime | dt.date | None) -> dt.datetime:
    """A response's time in UTC: a naive time counts as UTC, a date as the start of its day."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return EPOCH


def _newest(items: Iterable[Item]) -> tuple[Item, ...]:
    return tuple(sorted(items, key=lambda i: i.order, reverse=True))


@dataclass(frozen=True, slots=True)
class ForYou:
    """The indexes every person's feed reads, each tuple newest first."""

    refs: Refs
    # Items by what they belong to: group slug, tag slug, author handle, site (casefolded),
    # supporter handle, mentioned handle, the author of the note or response they answer.
    by_group: dict[str, tuple[Item, ...]]
    by_tag: dict[str, tuple[Item, ...]]
    by_author: dict[str, tuple[Item, ...]]
    by_site: dict[str, tuple[Item, ...]]
    by_supporter: dict[str, tuple[Item, ...]]
    mentioning: dict[str, tuple[Item, ...]]
    replies_to_notes_of: dict[str, tuple[Item, ...]]
    replies_to_responses_of: dict[str, tuple[Item, ...]]
    # Each person's entries once made: their profile and their feed both show them.
    made: dict[str, tuple[FeedEntry, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(
        cls,
        refs: Refs,
        pages: dict[str, PageFigures],
        links: Backlinks,
        idea_changes: Mapping[str, StateChange],
    ) -> ForYou:
        community = refs.community
        notes = {
            key: Item(
                # One date and no authors: thousands of feeds of 50 entries stay within a tenth
                # of the site (a reply keeps its author: who answered is the news).
                replace(note_entry(refs, note, pages.get(note.path)), published=None, authors=()),
                frozenset(note.fields.authors),
            )
            for key, note in community.notes.items()
        }
        by_site: dict[str, list[Item]] = defaultdict(list)
        by_supporter: dict[str, list[Item]] = defaultdict(list)
        for key, note in community.notes.items():
            if note.fields.type is NoteType.EVENT and note.fields.site:
                by_site[note.fields.site.casefold()].append(notes[key])
            change = idea_changes.get(key)
            if note.fields.type is NoteType.IDEA and change is not None:
                item = _state_change(refs, notes[key], change)
                for handle in dict.fromkeys(note.fields.supporters):
                    by_supporter[handle].append(item)
        to_notes: dict[str, list[Item]] = defaultdict(list)
        to_responses: dict[str, list[Item]] = defaultdict(list)
        for key, thread in community.responses.items():
            note = community.notes[key]
            written = [r for r in thread if r.fields.kind in WRITTEN]
            author_of = {r.id: r.fields.authors for r in written}
            for position, response in enumerate(written, 1):
                item = Item(
                    _response_entry(refs, key, response, position), frozenset(response.fields.authors)
                )
                for handle in note.fields.authors:
                    to_notes[handle].append(item)
                for handle in author_of.get(response.fields.reply_to or "", ()):
                    to_responses[handle].append(item)

        def indexed(groups: dict[str, Iterable[str]]) -> dict[str, tuple[Item, ...]]:
            return {name: _newest(notes[k] for k in keys) for name, keys in groups.items()}

        return cls(
            refs=refs,
            by_group=indexed(community.notes_of_group),
            by_tag=indexed(community.notes_by_tag),
            by_author=indexed(community.notes_by),
            by_site={site: _newest(items) for site, items in by_site.items()},
            by_supporter={h: _newest(items) for h, items in by_supporter.items()},
            mentioning=indexed(links.mentioned_in),
            replies_to_notes_of={h: _newest(items) for h, items in to_notes.items()},
            replies_to_responses_of={h: _newest(items) for h, items in to_responses.items()},
        )

    def _sources(self, handle: str) -> Iterator[tuple[tuple[Item, ...], str]]:
        """What a person's feed reads and the reason each gives, strongest reason first."""
        community, t = self.refs.community, self.refs.t
        fields = community.people[handle].fields
        follows = fields.follows
        yield self.mentioning.get(handle, ()), t("foryou.reason.mention")
        yield self.replies_to_notes_of.get(handle, ()), t("foryou.reason.reply_note")
        yield self.replies_to_responses_of.get(handle, ()), t("foryou.reason.reply_response")
        # Each of these items says its idea's new state.
        yield self.by_supporter.get(handle, ()), ""
        for followed in dict.fromkeys(follows.people):
            if followed in community.people and followed != handle:
                name = community.people[followed].name
                yield self.by_author.get(followed, ()), t("foryou.reason.person", name=name)
        for slug in dict.fromkeys((*community.groups_of.get(handle, ()), *follows.groups)):
            if slug in community.groups:
                title = community.groups[slug].title
                yield self.by_group.get(slug, ()), t("foryou.reason.group", group=title)
        for slug in dict.fromkeys(
            tag_slug(tag) for tag in (*fields.skills, *fields.interests, *follows.tags)
        ):
            if slug in community.tag_names:
                yield self.by_tag.get(slug, ()), t("foryou.reason.tag", tag=community.tag_names[slug])
        if fields.site:
            yield (
                self.by_site.get(fields.site.casefold(), ()),
                t("foryou.reason.event_site", site=fields.site),
            )

    def entries(self, handle: str) -> tuple[FeedEntry, ...]:
        """The person's newest `FEED_SIZE` items, newest first, each once with its strongest reason.

        Each source gives at most its newest `FEED_SIZE` items not written by the person: an
        item further down a source has that many newer ones and could not make the feed."""
        if handle in self.made:
            return self.made[handle]
        reasons: dict[str, tuple[Item, str]] = {}
        for items, reason in self._sources(handle):
            for item in islice((i for i in items if handle not in i.authors), FEED_SIZE):
                reasons.setdefault(item.entry.key, (item, reason))
        newest = heapq.nlargest(FEED_SIZE, reasons.values(), key=lambda pair: pair[0].order)
        made = self.made[handle] = tuple(
            replace(item.entry, reason=item.reason or reason) for item, reason in newest
        )
        return made

    def feed(self, handle: str, site_name: str) -> Feed:
        t = self.refs.t
        person = self.refs.community.people[handle]
        entries = self.entries(handle)
        return Feed(
            id=f"urn:rse:feed:person:{handle}",
            title=f"{t('foryou.feed_title', name=person.name)} · {site_name}",
            url=self.refs.urls.person(handle),
            feed_url=person_feed_path(handle),
            updated=max((e.updated for e in entries), default=EPOCH),
            entries=entries,
            language=t.language,
        )


def _state_change(refs: Refs, idea: Item, change: StateChange) -> Item:
    """An idea its supporters hear about when its state changes, dated by that commit."""
    t = refs.t
    when = dt.datetime.fromtimestamp(change.timestamp, dt.UTC)
    state = t(f"state.{change.state.value}")
    entry = replace(idea.entry, updated=when)
    return Item(entry, idea.authors, t("foryou.reason.idea", state=state))


def _response_entry(refs: Refs, key: str, response: Response, position: int) -> FeedEntry:
    """A reply or an answer, at its anchor on its note's page. Its id counts the thread, as the
    anchor does: the file's name holds its author's handle."""
    community, t = refs.community, refs.t
    note = community.notes[key]
    when = _moment(response.fields.date)
    kind = t(f"response.{response.fields.kind.value}")
    return FeedEntry(
        key=f"{key}:{position}",
        title=t("foryou.response_title", kind=kind, title=note.title),
        url=f"{refs.urls.note(note.path)}#response-{position}",
        published=None,
        updated=when,
        authors=tuple(community.people[h].name for h in response.fields.authors if h in community.people),
        summary="",
        kind="response",
    )
