"""The demo community with a history that shows life: every file of content/ committed by the
person who wrote it, on the day it says (a profile on `joined`, a group on `created` by its
first animator, a note on its `date` by its first author, then finished by its second author
a few days later). Used for the README's screenshots; `python docs/replay_demo.py DIR` leaves
the repository in DIR for `rse serve`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import git

from rse_build.load import load_content

ROOT = Path(__file__).resolve().parent.parent
START = dt.date(2024, 1, 8)


def _stamp(day: dt.date, hour: int = 10) -> str:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC).strftime("%Y-%m-%dT%H:%M:%S%z")


def replay(target: Path) -> Path:
    """A git repository at `target` holding the demo, committed as its people would have."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", ".gitignore"):
        shutil.copy(ROOT / name, target / name)
    for name in ("hooks", "theme"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    loaded = load_content(ROOT / "content")
    people = {p.handle: p for p in loaded.people}
    every = {p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*") if p.is_file()}
    steps: list[tuple[dt.date, int, str, str, bool]] = []  # day, hour, path, handle, partial
    for person in loaded.people:
        steps.append((person.fields.joined or START, 9, person.path, person.handle, False))
    for group in loaded.groups:
        first = group.fields.animators[0] if group.fields.animators else ""
        steps.append((group.fields.created or START, 11, group.path, first, False))
    for note in loaded.notes:
        authors = note.fields.authors or ("",)
        day = note.fields.date or START
        if len(authors) > 1:
            steps.append((day, 14, note.path, authors[0], True))
            steps.append((day + dt.timedelta(days=3), 16, note.path, authors[1], False))
        else:
            steps.append((day, 14, note.path, authors[0], False))
    named = {step[2] for step in steps}
    rest = sorted(every - named)
    repo = git.Repo.init(target, initial_branch="main")
    admin = git.Actor("Inès Garcia", "ines.garcia@orlea.example")
    for path in rest:  # hand-written pages, photos
        destination = target / "content" / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "content" / path, destination)
    repo.git.add(A=True)
    repo.index.commit(
        "Start the community",
        author=admin,
        committer=admin,
        author_date=_stamp(START, 8),
        commit_date=_stamp(START, 8),
    )
    for day, hour, path, handle, partial in sorted(steps):
        person = people.get(handle)
        actor = git.Actor(person.name, person.fields.emails[0]) if person and person.fields.emails else admin
        text = (ROOT / "content" / path).read_text(encoding="utf-8")
        if partial:
            text = text[: max(text.rfind("\n\n"), len(text) // 2)] + "\n"
        destination = target / "content" / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
        repo.index.add([f"content/{path}"])
        verb = "Draft" if partial else "Add"
        repo.index.commit(
            f"{verb} {path}",
            author=actor,
            committer=actor,
            author_date=_stamp(day, hour),
            commit_date=_stamp(day, hour),
        )
    return target


if __name__ == "__main__":
    print(replay(Path(sys.argv[1])))
