"""The compose page (compose/index.html): forms that write a profile, a note or a response as the
file it is, check its front matter in the browser against rse's JSON Schemas, and open the git
host's new-file page with it. Without JavaScript, the page explains the file to add.

The page's script (theme/assets/rse/compose.js) computes nothing this module could: it reads
the data below, the fields as laid out here, and builds the file and the host's address the
way `scaffold.front_matter_text` and `RepoLinks.new_file` do."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from rse_build.load import RESPONSES_DIR
from rse_build.model import NoteType, PersonKind, ResponseKind, RsvpValue
from rse_build.scaffold import front_matter_text, response_folder
from rse_build.schemas import schema
from rse_build.views.edit import MAX_URL_LENGTH, RepoLinks
from rse_build.views.refs import Refs
from rse_build.views.urls import Urls

COMPOSE_PAGE = "compose/index.md"
# Where content files are when the site names no repository (SPEC.md's layout).
CONTENT = "content/"
# Kinds of file the page writes, as `?kind=` names them: responses to a note, then new files.
RESPOND = (*(kind.value for kind in ResponseKind), "support")
NOTE_KINDS = tuple(t.value for t in NoteType)
CREATE = ("person", *NOTE_KINDS)
RESPONSES = " ".join(kind.value for kind in ResponseKind)
NOTES = " ".join(NOTE_KINDS)
# The front matter's keys in the order each kind of file writes them (SPEC.md's order).
ORDER = {
    "person": (
        "name", "role", "team", "site", "organisation", "kind", "emails", "skills", "interests",
        "languages", "groups", "audience",
    ),
    "note": (
        "title", "type", "authors", "tags", "summary", "state", "start", "end", "timezone", "place",
        "online", "site", "capacity", "audience",
    ),
    "response": ("kind", "authors", "reply_to", "rsvp", "audience"),
}  # fmt: skip
# The example's author in the explanation shown without JavaScript.
EXAMPLE_HANDLE = "alex-martin"


def compose_url(kind: str, note_id: str, urls: Urls | None = None) -> str:
    """The compose page prefilled for a response to a note (site-root relative, for templates'
    `url` filter): `kind` one of reply, answer, kudos, rsvp, support; `note_id` the note's id,
    or its key (its path under content/ without `.md`, which names it when its id is shared)."""
    page = (urls or Urls()).page(COMPOSE_PAGE)
    return f"{page}?kind={quote(kind)}&note={quote(note_id)}"


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class FormField:
    """One input of the form, shown for the kinds of file listed in `kinds`."""

    id: str
    # Its front matter key, or what the script makes of it: note, handle, id, body.
    key: str
    label: str
    kinds: str
    control: str = "text"
    hint: str = ""
    # The kinds of file that cannot go without it.
    required_for: str = ""
    options: tuple[Option, ...] = ()
    placeholder: str = ""
    # Several values, typed separated by commas.
    listed: bool = False

    @property
    def hint_id(self) -> str:
        """The id of the hint that describes the input, "" without a hint."""
        return f"{self.id}-hint" if self.hint else ""


@dataclass(frozen=True, slots=True)
class Example:
    """One kind of file explained for writing by hand: where it goes and what it holds."""

    title: str
    explanation: str
    path: str
    text: str
    # The host's page creating it (filled in where the host can), or "" without a repository.
    create_url: str
    folder_url: str


@dataclass(frozen=True, slots=True)
class ComposeView:
    respond: tuple[Option, ...]
    create: tuple[Option, ...]
    fields: tuple[FormField, ...]
    examples: tuple[Example, ...]
    # The git host's name, "" when the site names no repository.
    host: str
    open_label: str
    # The script's data, safe inside <script type="application/json">.
    data_json: str


def _script_json(data: Any) -> str:
    """JSON that cannot end its <script> element early, whatever a title holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _fields(refs: Refs, labels: Collection[str], timezone: str | None) -> tuple[FormField, ...]:
    t = refs.t
    community = refs.community
    everything = " ".join((*RESPOND, *CREATE))
    with_audience = " ".join((*(k.value for k in ResponseKind), *CREATE))
    audience = (
        Option("", t("compose.audience.default")),
        *(Option(label, label) for label in sorted(labels)),
    )
    groups = (
        Option("", t("compose.group.none")),
        *(Option(slug, g.title) for slug, g in community.groups.items()),
    )
    kinds = tuple(
        Option("" if k is PersonKind.EMPLOYEE else k.value, t(f"compose.member.{k.value}"))
        for k in PersonKind
    )
    rsvp = tuple(Option(v.value, t(f"compose.rsvp.{v.value}")) for v in RsvpValue)
    group_list = ", ".join(community.groups) or "-"

    def field(key: str, kinds: str, control: str = "text", **more: Any) -> FormField:
        ident = more.pop("id", key)
        return FormField(f"rse-compose-{ident}", key, t(f"compose.field.{ident}"), kinds, control, **more)

    return (
        field("note", " ".join(RESPOND), hint=t("compose.hint.note"), required_for=" ".join(RESPOND)),
        field("handle", everything, hint=t("compose.hint.handle"), required_for=everything),
        field("reply_to", "reply", hint=t("compose.hint.reply_to")),
        field("rsvp", "rsvp", "select", options=rsvp),
        # A profile
        field("name", "person", required_for="person"),
        field("role", "person"),
        field("team", "person"),
        field("site", "person", id="person-site"),
        field("organisation", "person", hint=t("compose.hint.organisation")),
        field("kind", "person", "select", id="member", options=kinds),
        field("emails", "person", "email", hint=t("compose.hint.emails"), listed=True),
        field("skills", "person", listed=True, hint=t("compose.hint.listed")),
        field("interests", "person", listed=True, hint=t("compose.hint.listed")),
        field("languages", "person", listed=True, placeholder="fr, en"),
        field("groups", "person", listed=True, hint=t("compose.hint.groups", groups=group_list)),
        # A note
        field("title", NOTES, required_for=NOTES),
        field("id", NOTES, hint=t("compose.hint.id"), required_for=NOTES),
        field("group", NOTES, "select", options=groups),
        field("tags", NOTES, listed=True, hint=t("compose.hint.listed")),
        field("summary", NOTES),
        field("start", "event", "datetime-local", required_for="event"),
        field("end", "event", "datetime-local"),
        field("timezone", "event", placeholder=timezone or "Europe/Paris", hint=t("compose.hint.timezone")),
        field("place", "event"),
        field("online", "event", "url", placeholder="https://"),
        field("site", "event", id="event-site"),
        field("capacity", "event", "number"),
        field("audience", with_audience, "select", options=audience, hint=t("compose.hint.audience")),
        field("body", RESPONSES, "textarea", id="body-response", required_for="reply answer",
              hint=t("compose.hint.body_response")),
        field("body", NOTES, "textarea", id="body-note", hint=t("compose.hint.markdown")),
        field("body", "person", "textarea", id="body-person", hint=t("compose.hint.markdown")),
    )  # fmt: skip


# A response's conventional file name: <yyyy-mm-dd>-<handle>[-n].
_CONVENTIONAL = re.compile(r"^\d{4}-\d{2}-\d{2}-(?P<handle>.+?)(?:-\d+)?$")


def _names_nobody_hidden(response_id: str, hidden: Collection[str]) -> bool:
    """Whether a response's file name names nobody this site hides."""
    match = _CONVENTIONAL.match(response_id)
    return match is None or (match["handle"] not in hidden and response_id[11:] not in hidden)


def _notes_table(
    refs: Refs, note_ids: Mapping[str, tuple[str, ...]], hidden: Collection[str]
) -> dict[str, list[Any]]:
    """Each note this site shows, as a response's folder names it: [type, title, path under
    content/, the names of its replies and answers]. Those are what `reply_to` may name and the
    names a new response must not take; thanks and RSVPs stay out (their file names hold
    handles, and a person who thanks is counted, not always named)."""
    community = refs.community
    table: dict[str, list[Any]] = {}
    threaded = (ResponseKind.REPLY, ResponseKind.ANSWER)
    for key, note in community.notes.items():
        # A file name holds its author's handle: only those this site may name are listed.
        taken = sorted(
            r.id
            for r in community.responses.get(key, ())
            if r.fields.kind in threaded
            and all(h in community.people for h in r.fields.authors)
            and _names_nobody_hidden(r.id, hidden)
        )
        table[response_folder(note_ids, note)] = [note.fields.type.value, note.title, note.path, taken]
    return table


def _messages(refs: Refs, host: str) -> dict[str, str]:
    """What the script says, in the community's language ({field}, {value}, {name}: its values)."""
    t = refs.t
    keys = (
        "required", "id", "unknown_note", "answer", "rsvp", "support", "unknown_person",
        "taken_person", "taken_note", "reply_to", "invalid", "unknown_group",
    )  # fmt: skip
    messages = {f"problem_{key}": t(f"compose.problem.{key}") for key in keys}
    messages.update(
        target=t("compose.target"),
        ready=t("compose.ready"),
        copied=t("compose.copied"),
        support=t("compose.support"),
        support_open=t("compose.support_open", host=host),
        prefilled=t("compose.prefilled"),
        too_long=t("compose.too_long"),
        invalid_file=t("compose.problem.file"),
        # {name} stays for the script to fill in.
        paste=t("compose.paste", host=host, name="{name}") if host else t("compose.no_repo"),
    )
    return messages


def _examples(
    refs: Refs, repo: RepoLinks | None, today: dt.date | None, note_ids: Mapping[str, tuple[str, ...]]
) -> tuple[Example, ...]:
    """A profile, a note and a response as one writes them by hand, each with where it goes."""
    t = refs.t
    community = refs.community
    group = next(iter(community.groups), None)
    newest = max(community.notes.values(), key=lambda n: (n.fields.date or dt.date.min, n.key), default=None)
    day = today.isoformat() if today else "yyyy-mm-dd"
    folder = response_folder(note_ids, newest) if newest else "note-id"
    person = front_matter_text(
        {"name": "Alex Martin", "skills": ["python"], "groups": [group] if group else []},
        f"{t('compose.example.bio')}\n",
    )
    note = front_matter_text(
        {"title": t("compose.example.title"), "authors": [EXAMPLE_HANDLE], "tags": ["python"]},
        f"{t('compose.example.note')}\n",
    )
    reply = front_matter_text(
        {"kind": "reply", "authors": [EXAMPLE_HANDLE]}, f"{t('compose.example.reply')}\n"
    )
    where_reply = (
        t("compose.manual.response_where", title=newest.title)
        if newest
        else t("compose.manual.response_where_any")
    )
    made = (
        (t("compose.manual.person"), t("compose.manual.person_where"), "people", EXAMPLE_HANDLE, person),
        (
            t("compose.manual.note"),
            t("compose.manual.note_where"),
            f"groups/{group}" if group else "notes",
            t("compose.example.id"),
            note,
        ),
        (
            t("compose.manual.response"),
            where_reply,
            f"{RESPONSES_DIR}/{folder}",
            f"{day}-{EXAMPLE_HANDLE}",
            reply,
        ),
    )
    prefix = repo.content_prefix if repo else CONTENT
    examples = []
    for title, explanation, where, name, text in made:
        path = f"{where}/{name}.md"
        create = (repo.new_file(path, text) or repo.new_file_in(where)) if repo else ""
        examples.append(
            Example(title, explanation, prefix + path, text, create, repo.folder(where) if repo else "")
        )
    return tuple(examples)


def compose_view(
    refs: Refs,
    repo: RepoLinks | None,
    labels: Collection[str],
    timezone: str | None = None,
    today: dt.date | None = None,
    note_ids: Mapping[str, tuple[str, ...]] | None = None,
    hidden_handles: Collection[str] = (),
) -> ComposeView:
    """The page of one audience's site: `labels` are the audience labels its readers may give a
    file (their own); `note_ids` each id's note keys in the whole community (default: this
    site's), so a response to a note whose id is shared goes in the folder of its path."""
    t = refs.t
    community = refs.community
    ids = note_ids if note_ids is not None else community.note_ids
    host = repo.host if repo else ""
    page = repo.new_file_page if repo else None
    data = {
        "schemas": {kind: schema(kind) for kind in ("person", "note", "response")},
        "order": ORDER,
        "notes": _notes_table(refs, ids, hidden_handles),
        "people": sorted(community.people),
        "groups": sorted(community.groups),
        "respond": list(RESPOND),
        "responses": RESPONSES_DIR,
        "prefix": repo.content_prefix if repo else CONTENT,
        "repo": None
        if repo is None
        else {
            "newFile": page and {"base": page.base, "path": page.path_param, "text": page.text_param},
            "newFileIn": repo.new_file_in(""),
            "edit": repo.edit(""),
        },
        "maxUrl": MAX_URL_LENGTH,
        "messages": _messages(refs, host),
    }  # fmt: skip
    return ComposeView(
        respond=tuple(Option(kind, t(f"compose.kind.{kind}")) for kind in RESPOND),
        create=(
            Option("person", t("compose.kind.person")),
            *(Option(kind, t(f"type.{kind}")) for kind in NOTE_KINDS),
        ),
        fields=_fields(refs, labels, timezone),
        examples=_examples(refs, repo, today, ids),
        host=host,
        open_label=t("compose.open", host=host) if page else t("compose.open_folder", host=host),
        data_json=_script_json(data),
    )
