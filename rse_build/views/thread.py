"""A note's responses as its page shows them: the thread (the accepted answer first, replies
under their parent), who thanked it, and who is coming to an event, in the room or remotely.

Kudos are counted on the note, never per person: "thanked by" names the people a reader may
see who allow it (`stats: true`) and counts everyone.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter
from dataclasses import dataclass

from rse_build.model import Note, Response, ResponseKind, RsvpValue
from rse_build.views.refs import PersonRef, Refs


@dataclass(frozen=True, slots=True)
class ResponseEntry:
    anchor: str
    kind: str
    kind_label: str
    authors: tuple[PersonRef, ...]
    # Someone this audience may not see: their words stay, their name does not.
    unnamed_label: str
    date_label: str
    # The body as written (Markdown): the page renders it with the note's own Markdown.
    body: str
    accepted: bool
    replies: tuple[ResponseEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class RsvpRow:
    value: str
    label: str
    count_label: str
    people: tuple[PersonRef, ...]


@dataclass(frozen=True, slots=True)
class Thread:
    heading: str
    entries: tuple[ResponseEntry, ...]
    kudos_label: str
    kudos: tuple[PersonRef, ...]
    # "14 in Lyon of 40 places, 9 remote"; rows by answer, with the names.
    rsvp_summary: str
    rsvps: tuple[RsvpRow, ...]

    @property
    def empty(self) -> bool:
        return not (self.entries or self.kudos_label or self.rsvps)


def _date_label(refs: Refs, response: Response) -> str:
    date = response.fields.date
    if isinstance(date, dt.datetime):
        return refs.t.date(date.date())
    return refs.t.date(date) if date else ""


# Relative targets of Markdown links and images, and of HTML src and href attributes.
_LINK_TARGET = re.compile(r"""(\]\(\s*<?)([^)\s>]+)|(\b(?:src|href)\s*=\s*["'])([^"']+)""")


def rebased(body: str, written_at: str, shown_at: str) -> str:
    """A response's relative links, written from its own file, made relative to the note's page
    where it is shown: MkDocs then resolves them (and a link to a page this site hides
    becomes plain text, as in any page)."""
    source, page = posixpath.dirname(written_at), posixpath.dirname(shown_at) or "."

    def rebase(match: re.Match[str]) -> str:
        prefix, target = (
            (match.group(1), match.group(2)) if match.group(2) else (match.group(3), match.group(4))
        )
        cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=len(target))
        path, rest = target[:cut], target[cut:]
        if not path or path.startswith("/") or ":" in path.split("/", 1)[0]:
            return match.group(0)
        moved = posixpath.relpath(posixpath.normpath(posixpath.join(source, path)), page)
        return f"{prefix}{moved}{rest}"

    return _LINK_TARGET.sub(rebase, body)


def _entry(
    refs: Refs,
    response: Response,
    accepted: bool,
    position: int,
    note: Note,
    replies: tuple[ResponseEntry, ...] = (),
) -> ResponseEntry:
    kind = response.fields.kind.value
    authors = refs.people(response.fields.authors)
    return ResponseEntry(
        # By position, not by file name: a file name holds its author's handle.
        anchor=f"response-{position}",
        kind=kind,
        kind_label=refs.t(f"response.{kind}"),
        authors=authors,
        unnamed_label="" if authors else refs.t("response.someone"),
        date_label=_date_label(refs, response),
        body=rebased(response.body.strip(), response.path, note.path),
        accepted=accepted,
        replies=replies,
    )


def accepted_answer(note: Note, responses: tuple[Response, ...]) -> Response | None:
    """The answer a question's `accepted:` names, when it is among its responses."""
    wanted = note.fields.accepted
    for response in responses:
        if response.id == wanted and response.fields.kind is ResponseKind.ANSWER:
            return response
    return None


def thread_view(refs: Refs, key: str) -> Thread:
    community, t = refs.community, refs.t
    note = community.notes[key]
    responses = community.responses.get(key, ())
    written = [r for r in responses if r.fields.kind in (ResponseKind.REPLY, ResponseKind.ANSWER)]
    ids = {r.id: r for r in written}

    def root_of(response: Response) -> Response:
        """Replies are shown one level deep: a reply to a reply goes under the first one."""
        seen = {response.id}
        while (parent := ids.get(response.fields.reply_to or "")) is not None and parent.id not in seen:
            seen.add(parent.id)
            response = parent
        return response

    children: dict[str, list[Response]] = {}
    tops: list[Response] = []
    for response in written:
        root = root_of(response)
        if root is response:
            tops.append(response)
        else:
            children.setdefault(root.id, []).append(response)
    accepted = accepted_answer(note, responses)
    if accepted is not None:
        tops.sort(key=lambda r: r is not accepted)
    position = {r.id: n for n, r in enumerate(written, 1)}
    entries = tuple(
        _entry(
            refs,
            r,
            r is accepted,
            position[r.id],
            note,
            tuple(_entry(refs, c, False, position[c.id], note) for c in children.get(r.id, ())),
        )
        for r in tops
    )

    kudos = [r for r in responses if r.fields.kind is ResponseKind.KUDOS]
    thankers = {h for r in kudos for h in r.fields.authors}
    named = [h for h in thankers if h in community.people and community.people[h].fields.stats]
    kudos_label = t.plural(len(kudos), "response.thanked_by") if kudos else ""

    rsvps: dict[RsvpValue, list[str]] = {value: [] for value in RsvpValue}
    for response in responses:
        if response.fields.kind is ResponseKind.RSVP and response.fields.rsvp is not None:
            rsvps[response.fields.rsvp].extend(response.fields.authors or ("",))
    rows = tuple(
        RsvpRow(
            value.value, t(f"rsvp.{value.value}"), t.plural(len(handles), "rsvp.count"), refs.people(handles)
        )
        for value, handles in rsvps.items()
        if handles
    )
    written_count = len(written)
    return Thread(
        heading=t.plural(written_count, "response.count") if written_count else t("response.none"),
        entries=entries,
        kudos_label=kudos_label,
        kudos=refs.people(named),
        rsvp_summary=_rsvp_summary(refs, note, rsvps),
        rsvps=rows,
    )


def _rsvp_summary(refs: Refs, note: Note, rsvps: dict[RsvpValue, list[str]]) -> str:
    """'14 going in Lyon of 40 places, 3 in Grenoble, 9 remote': where people will be."""
    t, people = refs.t, refs.community.people
    going = rsvps[RsvpValue.GOING]
    if not going and not rsvps[RsvpValue.REMOTE]:
        return ""
    sites = Counter(people[h].fields.site if h in people and people[h].fields.site else "" for h in going)
    here = note.fields.site
    parts = []
    if here and sites.get(here):
        capacity = note.fields.capacity
        key = "rsvp.at_site_of" if capacity else "rsvp.at_site"
        parts.append(t(key, n=sites.pop(here), site=here, capacity=capacity or 0))
    for site, count in sorted(sites.items(), key=lambda item: (-item[1], item[0])):
        parts.append(
            t("rsvp.at_site", n=count, site=site) if site else t.plural(count, "rsvp.going_elsewhere")
        )
    if rsvps[RsvpValue.REMOTE]:
        parts.append(t.plural(len(rsvps[RsvpValue.REMOTE]), "rsvp.remote_count"))
    return ", ".join(parts)
