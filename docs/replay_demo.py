"""The demo community with a history that shows life: every file of content/ committed by the
person who wrote it, on the day it says (a profile on `joined`, or on the network's first day
for people who joined the company before it; a group on `created` by its first animator; a
note on its `date` by its first author, then finished by its second author a few days later).

`nox -s demo` replays content/ as it is now into build/demo/ and serves it; the README's
screenshots use it too. `python docs/replay_demo.py [DIR]` only writes the repository (the same
commits, byte for byte, for the same content), replacing a previous replay in DIR.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path

import git

from rse_build.load import load_content

ROOT = Path(__file__).resolve().parent.parent
START = dt.date(2024, 1, 8)
MARKER = "rse-demo-replay"  # in .git/: this folder holds a replay, which a new replay may replace


def _stamp(day: dt.date, hour: int = 10) -> str:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC).strftime("%Y-%m-%dT%H:%M:%S%z")


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
    every = {
        p.relative_to(source / "content").as_posix() for p in (source / "content").rglob("*") if p.is_file()
    }
    steps: list[tuple[dt.date, int, str, str, bool]] = []  # day, hour, path, handle, partial
    for person in loaded.people:
        steps.append((max(person.fields.joined or START, START), 9, person.path, person.handle, False))
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
    (target / ".git" / MARKER).write_text("written by docs/replay_demo.py\n", encoding="utf-8")
    admin = git.Actor("Inès Garcia", "ines.garcia@orlea.example")
    for path in rest:  # hand-written pages, photos
        destination = target / "content" / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / "content" / path, destination)
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
        text = (source / "content" / path).read_text(encoding="utf-8")
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
