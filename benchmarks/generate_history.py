"""A deterministic synthetic community WITH its git history, written through git fast-import.

People with several identities each (some mapped by .mailmap, some only in profiles), groups,
notes created and edited over N commits, renames, Co-authored-by trailers and merge commits.
Fast-import writes 50,000 commits in seconds; the same arguments always give the same
repository, commit ids included (fixed dates, fixed identities).
"""

from __future__ import annotations

import argparse
import random
import subprocess
from pathlib import Path

from generate import WORDS

EPOCH = 1_577_836_800  # 2020-01-01T00:00:00Z


def _data(text: str) -> bytes:
    raw = text.encode("utf-8")
    return b"data %d\n" % len(raw) + raw + b"\n"


class Stream:
    """Builds a fast-import stream on one branch, with side branches for merges."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.mark = 0
        self.head: int | None = None

    def commit(
        self,
        author: tuple[str, str],
        when: int,
        message: str,
        changes: list[bytes],
        parent: int | None = None,
        merge: int | None = None,
        ref: str = "refs/heads/main",
    ) -> int:
        self.mark += 1
        name, email = author
        self.parts.append(f"commit {ref}\nmark :{self.mark}\n".encode())
        self.parts.append(f"author {name} <{email}> {when} +0000\n".encode())
        self.parts.append(f"committer {name} <{email}> {when} +0000\n".encode())
        self.parts.append(_data(message))
        base = parent if parent is not None else self.head
        if base is not None:
            self.parts.append(f"from :{base}\n".encode())
        if merge is not None:
            self.parts.append(f"merge :{merge}\n".encode())
        self.parts.extend(changes)
        if ref == "refs/heads/main":
            self.head = self.mark
        return self.mark

    @staticmethod
    def modify(path: str, text: str) -> bytes:
        return f"M 100644 inline {path}\n".encode() + _data(text)

    @staticmethod
    def rename(old: str, new: str) -> bytes:
        return f'R "{old}" "{new}"\n'.encode()

    def bytes(self) -> bytes:
        return b"".join(self.parts) + b"done\n"


def generate(
    root: Path, commits: int, notes: int, people: int, groups: int, seed: int = 11, start_at: int = 0
) -> None:
    """A new repository at `root` (or, with `start_at`, `commits` more commits on it)."""
    rng = random.Random(seed + start_at)
    handles = [f"person-{i:05d}" for i in range(people)]
    slugs = [f"group-{i:04d}" for i in range(groups)]
    identities = {
        h: [
            (f"Person {i}", f"{h}@corp.example"),
            (f"P. {i}", f"{h}@home.example"),
            (f"person{i}", f"{h}.alt@corp.example"),
        ][: 1 + i % 3]
        for i, h in enumerate(handles)
    }
    stream = Stream()
    if start_at == 0:
        root.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
        mailmap = "".join(
            f"Person {i} <{h}@corp.example> P. {i} <{h}@home.example>\n"
            for i, h in enumerate(handles)
            if i % 3 >= 1
        )
        setup = [Stream.modify(".mailmap", mailmap), Stream.modify("mkdocs.yml", "site_name: Bench\n")]
        for i, handle in enumerate(handles):
            emails = ", ".join(e for _, e in identities[handle] if "alt" in e or "corp" in e)
            setup.append(
                Stream.modify(
                    f"content/people/{handle}.md",
                    f"---\nname: Person {i}\nemails: [{emails}]\nskills: [{rng.choice(WORDS)}]\n"
                    f"groups: [{rng.choice(slugs)}]\n---\nBio.\n",
                )
            )
        for i, slug in enumerate(slugs):
            setup.append(
                Stream.modify(
                    f"content/groups/{slug}/index.md",
                    f"---\ntitle: Group {i}\nanimators: [{handles[i % people]}]\n---\n",
                )
            )
        stream.commit(("Setup", "setup@corp.example"), EPOCH, "Set up the community\n", setup)
    else:
        stream.head = None
        stream.parts.append(b"reset refs/heads/main\nfrom refs/heads/main^0\n\n")
    paths: list[str] = _existing_notes(root) if start_at else []
    created = len(paths)
    when = EPOCH + 3600 + start_at * 600
    for number in range(commits):
        when += 600 + rng.randint(0, 3000)
        handle = rng.choice(handles)
        author = rng.choice(identities[handle])
        if rng.random() < 0.02:
            author = (f"Visitor {number % 97}", f"visitor{number % 97}@elsewhere.example")
        trailer = ""
        if rng.random() < 0.1:
            co = rng.choice(handles)
            trailer = f"\n\nCo-authored-by: {identities[co][0][0]} <{identities[co][0][1]}>"
        changes = []
        if created < notes and (not paths or rng.random() < notes / max(commits, 1) * 1.2):
            path = (
                f"content/groups/{rng.choice(slugs)}/note-{created:06d}.md"
                if created % 2
                else f"content/notes/{2020 + created % 6}/note-{created:06d}.md"
            )
            created += 1
            paths.append(path)
            changes.append(Stream.modify(path, _note(rng, created, handle)))
        elif paths and rng.random() < 0.03:
            index = rng.randrange(len(paths))
            old = paths[index]
            new = old.rsplit("/", 1)[0] + f"/renamed-{number:06d}.md"
            paths[index] = new
            changes.append(Stream.rename(old, new))
        else:
            for _ in range(rng.randint(1, 2)):
                path = rng.choice(paths)
                changes.append(Stream.modify(path, _note(rng, number, handle)))
        if number % 100 == 99 and stream.head is not None:
            side = stream.commit(
                author, when, f"Side change {number}{trailer}\n", changes, ref="refs/heads/side"
            )
            when += 60
            # fast-import takes a merge's tree from its first parent plus its own changes: the
            # side branch's changes are repeated, or main would never see them.
            merger = ("Merger", "merger@corp.example")
            stream.commit(merger, when, f"Merge side {number}\n", changes, merge=side)
        else:
            stream.commit(author, when, f"Change {number}{trailer}\n", changes)
    subprocess.run(["git", "fast-import", "--quiet", "--force"], cwd=root, input=stream.bytes(), check=True)
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=root, check=True)
    if start_at == 0:
        # An established repository is packed and has a commit-graph (git gc writes both);
        # fast-import's raw pack makes every git command walk the objects slowly.
        subprocess.run(["git", "gc", "--quiet"], cwd=root, check=True)


def _note(rng: random.Random, number: int, handle: str) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120)))
    return f"---\ntitle: Note {number}\nauthors: [{handle}]\ntags: [{rng.choice(WORDS)}]\n---\n{body}\n"


def _existing_notes(root: Path) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "content/notes", "content/groups"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [p for p in listed if not p.endswith("/index.md")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--commits", type=int, default=50_000)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    args = parser.parse_args()
    generate(args.root, args.commits, args.notes, args.people, args.groups)


if __name__ == "__main__":
    main()
