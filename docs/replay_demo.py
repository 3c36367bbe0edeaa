"""The demo community with a history that shows life: every file of content/ committed by the
person who wrote it, on the day it says (a profile on `joined`, or on the network's first day
for people who joined the company before it; a group on `created` by its first animator; a
note on its `date` by its first author, then finished by its second author a few days later;
a response on the day its file name says, by the person it names, after its note and after
the response it replies to; a question's `accepted:` by the question's author once the
accepted answer's thread has had its say).

`nox -s demo` replays content/ as it is now into build/demo/ and serves it; the README's
screenshots use it too. `python docs/replay_demo.py [DIR]` only writes the repository (the same
commits, byte for byte, for the same content), replacing a previous replay in DIR.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import git

from rse_build.load import Loaded, load_content
from rse_build.model import Note, Person, Response, ResponseKind

ROOT = Path(__file__).resolve().parent.parent
START = dt.date(2024, 1, 8)
MARKER = "rse-demo-replay"  # in .git/: this folder holds a replay, which a new replay may replace
AFTER = dt.timedelta(minutes=10)  # a response follows what it responds to by at least this much
VERBS = {
    ResponseKind.REPLY: "Reply to",
    ResponseKind.ANSWER: "Answer",
    ResponseKind.KUDOS: "Thank for",
    ResponseKind.RSVP: "RSVP to",
}


def _whole(text: str) -> str:
    return text


def _begun(text: str) -> str:
    """A first draft: the text up to its last paragraph break (or its first half)."""
    return text[: max(text.rfind("\n\n"), len(text) // 2)] + "\n"


def _unaccepted(text: str) -> str:
    """A question as asked, before its author accepted an answer."""
    return re.sub(r"(?m)^accepted:.*\n", "", text, count=1)


@dataclass(frozen=True, slots=True)
class Step:
    """One commit: the file at `path` (under content/) as `edit` makes it, by `handle`, at
    `when` (UTC)."""

    when: dt.datetime
    path: str
    handle: str
    message: str
    edit: Callable[[str], str] = _whole


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC)


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S%z")


def _note_steps(note: Note) -> list[Step]:
    """Its first author writes it; a second author finishes it three days later. A question
    is asked without its `accepted:`, which its author adds later (_accept_step)."""
    authors = note.fields.authors or ("",)
    day = note.fields.date or START
    asked = _unaccepted if note.fields.accepted else _whole
    if len(authors) == 1:
        return [Step(_at(day, 14), note.path, authors[0], f"Add {note.path}", asked)]
    return [
        Step(_at(day, 14), note.path, authors[0], f"Draft {note.path}", lambda text: _begun(asked(text))),
        Step(_at(day + dt.timedelta(days=3), 16), note.path, authors[1], f"Add {note.path}", asked),
    ]


def _handle_of(response: Response, people: dict[str, Person]) -> str:
    """`authors:` when written, else the handle in the file name `<yyyy-mm-dd>-<handle>[-n]`."""
    if response.fields.authors:
        return response.fields.authors[0]
    named = response.id[11:]
    if named not in people and (numbered := re.fullmatch(r"(.+)-\d+", named)):
        return numbered[1]
    return named


def _written_at(response: Response) -> dt.datetime:
    """`date:` when written, else the file name's day at a time of the working day that the
    file's path decides (the same path, the same time, every replay)."""
    written = response.fields.date
    if isinstance(written, dt.datetime):
        return written.replace(tzinfo=dt.UTC) if written.tzinfo is None else written.astimezone(dt.UTC)
    day = written or dt.date.fromisoformat(response.id[:10])
    spread = zlib.crc32(response.path.encode("utf-8"))
    return _at(day, 9 + spread % 9, spread // 9 % 60)


def _response_times(responses: list[Response], asked: dict[str, dt.datetime]) -> dict[str, dt.datetime]:
    """When each response (by path) is committed: on its own time, but after its note's first
    commit (`asked`, by the response's folder) and after the response it replies to."""
    times: dict[str, dt.datetime] = {}
    by_id: dict[tuple[str, str], str] = {(r.note, r.id): r.path for r in responses}
    for response in sorted(responses, key=lambda r: (r.fields.reply_to is not None, r.path)):
        after = [asked[response.note]] if response.note in asked else []
        parent = by_id.get((response.note, response.fields.reply_to or ""))
        if parent in times:
            after.append(times[parent])
        times[response.path] = max([_written_at(response), *(moment + AFTER for moment in after)])
    return times


def _accept_step(question: Note, thread: list[Response], times: dict[str, dt.datetime]) -> Step | None:
    """The question's author accepts an answer once it, and the replies under it, are in."""
    accepted = question.fields.accepted
    if accepted is None:
        return None
    settled = [times[r.path] for r in thread if accepted in (r.id, r.fields.reply_to)]
    if not settled:
        return None
    author = question.fields.authors[0] if question.fields.authors else ""
    return Step(max(settled) + AFTER, question.path, author, f"Accept an answer on {question.path}")


def _steps(loaded: Loaded, people: dict[str, Person]) -> list[Step]:
    """Every commit of the replay but the first, oldest first."""
    steps = [
        Step(_at(max(p.fields.joined or START, START), 9), p.path, p.handle, f"Add {p.path}")
        for p in loaded.people
    ]
    for group in loaded.groups:
        first = group.fields.animators[0] if group.fields.animators else ""
        steps.append(Step(_at(group.fields.created or START, 11), group.path, first, f"Add {group.path}"))
    folders = {n.id: n for n in loaded.notes} | {n.key: n for n in loaded.notes}
    threads: dict[str, list[Response]] = {}
    for response in loaded.responses:
        if note := folders.get(response.note):
            threads.setdefault(note.path, []).append(response)
    asked: dict[str, dt.datetime] = {}
    for note in loaded.notes:
        written = _note_steps(note)
        steps += written
        asked.update((name, written[0].when) for name in (note.id, note.key))
    times = _response_times(loaded.responses, asked)
    for response in loaded.responses:
        note = folders.get(response.note)
        message = f"{VERBS[response.fields.kind]} {note.path if note else response.note}"
        steps.append(Step(times[response.path], response.path, _handle_of(response, people), message))
    for note in loaded.notes:
        if accepting := _accept_step(note, threads.get(note.path, []), times):
            steps.append(accepting)
    return sorted(steps, key=lambda step: (step.when, step.path, step.message))


def replay(target: Path, source: Path = ROOT) -> Path:
    """A git repository at `target` holding the community of `source` (this repository: the demo),
    committed as its people would have."""
    if target.exists() and any(target.iterdir()) and not (target / ".git" / MARKER).is_file():
        raise FileExistsError(f"{target} is not empty and holds no replayed demo: choose another folder")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", ".gitignore"):
        shutil.copy(source / name, target / name)
    for name in ("hooks", "theme"):
        shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    loaded = load_content(source / "content")
    people = {p.handle: p for p in loaded.people}
    steps = _steps(loaded, people)
    every = {
        p.relative_to(source / "content").as_posix() for p in (source / "content").rglob("*") if p.is_file()
    }
    rest = sorted(every - {step.path for step in steps})
    repo = git.Repo.init(target, initial_branch="main")
    (target / ".git" / MARKER).write_text("written by docs/replay_demo.py\n", encoding="utf-8")
    admin = git.Actor("Inès Garcia", "ines.garcia@orlea.example")
    for path in rest:  # hand-written pages, photos
        destination = target / "content" / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / "content" / path, destination)
    repo.git.add(A=True)
    first = _stamp(_at(START, 8))
    repo.index.commit(
        "Start the community", author=admin, committer=admin, author_date=first, commit_date=first
    )
    for step in steps:
        person = people.get(step.handle)
        actor = git.Actor(person.name, person.fields.emails[0]) if person and person.fields.emails else admin
        destination = target / "content" / step.path
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = (source / "content" / step.path).read_text(encoding="utf-8")
        destination.write_text(step.edit(text), encoding="utf-8")
        repo.index.add([f"content/{step.path}"])
        when = _stamp(step.when)
        repo.index.commit(step.message, author=actor, committer=actor, author_date=when, commit_date=when)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "target", nargs="?", type=Path, default=ROOT / "build" / "demo", help="default: build/demo"
    )
    try:
        print(replay(parser.parse_args().target))
    except FileExistsError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
