"""What the git history says about the community: one `git log` pass, cached by commit.

The MkDocs git plugins ask git once per page (`git log --follow`, `git blame`); rse reads the
whole history of content/ once, with renames, numstat and co-author trailers, and keeps the
result in `.rse-cache/` so the next build of a descendant commit only reads the new commits.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import git

CACHE_DIR = ".rse-cache"
CACHE_VERSION = 1
_RECORD, _FIELD, _TRAILER = "\x1e", "\x1f", "\x1d"
_FORMAT = (
    f"--format={_RECORD}%H{_FIELD}%at{_FIELD}%aN{_FIELD}%aE{_FIELD}"
    f"%(trailers:key=Co-authored-by,valueonly,separator={_TRAILER}){_FIELD}"
)


@dataclass(frozen=True, slots=True)
class Head:
    sha: str
    timestamp: int


def head_commit(root: Path) -> Head | None:
    """The commit checked out at `root`, or None outside a repository or before any commit."""
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    with repo:
        try:
            commit = repo.head.commit
            return Head(sha=commit.hexsha, timestamp=commit.committed_date)
        except (ValueError, git.GitError):
            return None


@dataclass(frozen=True, slots=True)
class Changes:
    """Files a change touches, relative to the community's root (posix)."""

    touched: frozenset[str]
    removed: frozenset[str]


class GitProblem(Exception):
    """Git cannot answer (unknown ref, not a repository): an environment error, exit 2."""


def changes_since(root: Path, ref: str) -> Changes:
    """What changed between the merge base of `ref` and HEAD, plus uncommitted and untracked work.

    Renames count as a removal of the old path and a touch of the new one.
    """
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitProblem(f"{root} is not a git repository: --changed-since needs one") from None
    with repo:
        try:
            base = repo.git.merge_base(ref, "HEAD").strip()
        except git.GitCommandError:
            raise GitProblem(
                f"unknown revision '{ref}': fetch it first (e.g. git fetch origin main) or name another"
            ) from None
        status = repo.git.diff("--name-status", "-z", "-M", base, "--")
        untracked = repo.git.ls_files("--others", "--exclude-standard", "-z", "--full-name")
        top = Path(repo.working_tree_dir or root).resolve()
    touched: set[str] = set()
    removed: set[str] = set()
    fields = status.split("\0")
    position = 0
    while position < len(fields) and fields[position]:
        kind = fields[position][0]
        if kind in "RC":
            old, new = fields[position + 1], fields[position + 2]
            if kind == "R":
                removed.add(old)
            touched.add(new)
            position += 3
            continue
        path = fields[position + 1]
        (removed if kind == "D" else touched).add(path)
        position += 2
    touched.update(p for p in untracked.split("\0") if p)
    prefix = Path(root).resolve().relative_to(top).as_posix()
    prefix = "" if prefix == "." else prefix + "/"

    def under_root(paths: set[str]) -> frozenset[str]:
        return frozenset(p.removeprefix(prefix) for p in paths if p.startswith(prefix))

    return Changes(under_root(touched), under_root(removed))


class HistoryUnavailable(Exception):
    """The history cannot be read as asked: the message says why and how to fix it (exit 2)."""


@dataclass(frozen=True, slots=True, order=True)
class Identity:
    """A git identity after .mailmap; the address is lowercased and never published."""

    name: str
    email: str


@dataclass(frozen=True, slots=True)
class FileChange:
    path: str
    added: int
    removed: int
    old_path: str | None = None


@dataclass(frozen=True, slots=True)
class CommitRecord:
    """One non-merge commit that touched content/, as the history pass saw it."""

    sha: str
    timestamp: int
    author: Identity
    coauthors: tuple[Identity, ...]
    changes: tuple[FileChange, ...]

    def to_json(self) -> list:
        return [
            self.sha,
            self.timestamp,
            [self.author.name, self.author.email],
            [[c.name, c.email] for c in self.coauthors],
            [[c.path, c.added, c.removed, c.old_path] for c in self.changes],
        ]

    @classmethod
    def from_json(cls, data: list) -> CommitRecord:
        sha, timestamp, author, coauthors, changes = data
        return cls(
            sha,
            timestamp,
            Identity(*author),
            tuple(Identity(*c) for c in coauthors),
            tuple(FileChange(*c) for c in changes),
        )


@dataclass(frozen=True, slots=True)
class History:
    """Every commit that touched content/, oldest first, and the commit it was read at."""

    head: str
    commits: tuple[CommitRecord, ...]
    prefix: str = "content"
    scanned: int = 0
    from_cache: bool = False


@dataclass(slots=True)
class FileFacts:
    """A page's history under every name it had: its first and last commit, who changed it."""

    created: int
    updated: int
    first_author: Identity | None = None
    identities: list[Identity] = field(default_factory=list)
    commits: list[int] = field(default_factory=list)

    @property
    def revisions(self) -> int:
        return len(self.commits)


def _parse_identity(text: str) -> Identity | None:
    text = text.strip()
    if "<" not in text or not text.endswith(">"):
        return None
    name, email = text[:-1].split("<", 1)
    return Identity(name.strip(), email.strip().lower())


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0


def _parse_numstat(text: str) -> tuple[FileChange, ...]:
    tokens = text.split("\0")
    changes = []
    position = 0
    while position < len(tokens):
        token = tokens[position].lstrip("\n")
        position += 1
        if not token:
            continue
        added, removed, path = token.split("\t", 2)
        if path:
            changes.append(FileChange(path, _int(added), _int(removed)))
        else:
            old, new = tokens[position], tokens[position + 1]
            position += 2
            changes.append(FileChange(new, _int(added), _int(removed), old))
    return tuple(changes)


def _records(stream: Iterator[str]) -> Iterator[tuple[str, str, str, str, list[str], str]]:
    buffer = ""
    for chunk in stream:
        buffer += chunk
        *complete, buffer = buffer.split(_RECORD)
        for record in complete:
            if record:
                yield _split_record(record)
    if buffer:
        yield _split_record(buffer)


def _split_record(record: str):
    header, _, numstat = record.partition(f"{_FIELD}\0")
    sha, timestamp, name, email, trailers = header.split(_FIELD)[:5]
    return sha, timestamp, name, email, [t for t in trailers.split(_TRAILER) if t.strip()], numstat


Progress = Callable[[int], None]


def _read_log(
    repo: git.Repo, revisions: list[str], pathspec: str, progress: Progress | None = None
) -> list[CommitRecord]:
    """One streamed `git log` over `pathspec`, oldest first."""
    process = repo.git.log(
        "--reverse",
        "--no-merges",
        "--numstat",
        "-z",
        "-M",
        _FORMAT,
        *revisions,
        "--",
        pathspec,
        as_process=True,
    )
    stdout = process.proc.stdout

    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def chunks() -> Iterator[str]:
        while block := stdout.read(1 << 16):
            yield decoder.decode(block)
        yield decoder.decode(b"", final=True)

    raw = []
    for record in _records(chunks()):
        raw.append(record)
        if progress is not None and len(raw) % 500 == 0:
            progress(len(raw))
    stderr = process.proc.stderr.read().decode("utf-8", errors="replace")
    if process.proc.wait() != 0:
        raise HistoryUnavailable(_explain(stderr))
    coauthor_texts = sorted({t for *_, trailers, _ in raw for t in trailers})
    mapped = _mailmap(repo, coauthor_texts)
    commits = []
    for sha, timestamp, name, email, trailers, numstat in raw:
        author = Identity(name.strip(), email.strip().lower())
        coauthors = tuple(
            dict.fromkeys(i for i in (mapped.get(t) for t in trailers) if i is not None and i != author)
        )
        commits.append(CommitRecord(sha, int(timestamp), author, coauthors, _parse_numstat(numstat)))
    return commits


def _mailmap(repo: git.Repo, identities: list[str]) -> dict[str, Identity]:
    """Co-authors go through .mailmap too, in one `git check-mailmap` call."""
    parsed = {text: _parse_identity(text) for text in identities}
    valid = [t for t, i in parsed.items() if i is not None]
    if not valid:
        return {}
    try:
        output = repo.git.check_mailmap(*valid)
    except git.GitCommandError:
        return {t: i for t, i in parsed.items() if i is not None}
    result = {}
    for text, line in zip(valid, output.splitlines(), strict=False):
        result[text] = _parse_identity(line) or parsed[text]
    return result


def _explain(stderr: str) -> str:
    lowered = stderr.lower()
    if (
        "bad object" in lowered
        or "missing" in lowered
        or "promisor" in lowered
        or "unable to read" in lowered
    ):
        return (
            "the git history has missing objects (a partial clone or a damaged copy): clone the "
            f"repository in full (git clone without --filter) and build again. git said: {stderr.strip()}"
        )
    return f"git could not read the history: {stderr.strip()}"


def open_repository(root: Path) -> git.Repo:
    """The repository holding `root`, refused when it cannot give a whole history."""
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise HistoryUnavailable(
            f"{root} is not in a git repository: rse dates pages and counts contributions from git. "
            "Run it in a clone, or pass --no-history to build without git dates."
        ) from None
    try:
        shallow = repo.git.rev_parse("--is-shallow-repository").strip() == "true"
    except git.GitCommandError:
        shallow = False
    if shallow:
        repo.close()
        raise HistoryUnavailable(
            "this is a shallow clone: statistics and page dates need the whole history. Fetch it "
            "with 'git fetch --unshallow' (in CI: actions/checkout with fetch-depth: 0, or "
            "GIT_DEPTH: 0 on GitLab)."
        )
    return repo


def _cache_key(repo: git.Repo, root: Path, pathspec: str) -> str:
    mailmap = Path(repo.working_tree_dir or root) / ".mailmap"
    digest = hashlib.sha256(mailmap.read_bytes() if mailmap.is_file() else b"")
    digest.update(f"{CACHE_VERSION}\0{pathspec}".encode())
    return digest.hexdigest()[:16]


def read_history(
    root: Path, content_dir: Path, *, use_cache: bool = True, progress: Progress | None = None
) -> History:
    """Every commit that touched `content_dir`, from the cache when it is still good.

    The cache (`.rse-cache/` beside mkdocs.yml) is keyed by HEAD, .mailmap and the folder:
    the same HEAD reads it; a HEAD that descends from the cached one reads only the new
    commits; anything else (a rewritten history) reads everything again.
    """
    repo = open_repository(root)
    with repo:
        try:
            head = repo.head.commit.hexsha
        except ValueError:
            return History(head="", commits=(), prefix=content_dir.name)
        top = Path(repo.working_tree_dir or root).resolve()
        pathspec = content_dir.resolve().relative_to(top).as_posix()
        key = _cache_key(repo, root, pathspec)
        cache_file = root / CACHE_DIR / f"history-{key}.json"
        cached = _load_cache(cache_file) if use_cache else None
        if cached is not None and cached.head == head:
            return History(head, cached.commits, pathspec, 0, from_cache=True)
        if cached is not None and _is_ancestor(repo, cached.head, head):
            new = _read_log(repo, [f"{cached.head}..{head}"], pathspec, progress)
            history = History(head, (*cached.commits, *new), pathspec, len(new), from_cache=True)
        else:
            commits = _read_log(repo, [head], pathspec, progress)
            history = History(head, tuple(commits), pathspec, len(commits))
    if use_cache:
        _save_cache(cache_file, history)
    return history


def _is_ancestor(repo: git.Repo, old: str, new: str) -> bool:
    try:
        repo.git.merge_base("--is-ancestor", old, new)
    except git.GitCommandError:
        return False
    return True


def _load_cache(path: Path) -> History | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != CACHE_VERSION:
            return None
        return History(data["head"], tuple(CommitRecord.from_json(c) for c in data["commits"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save_cache(path: Path, history: History) -> None:
    """Written beside, then renamed: two builds at once never read half a cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore = path.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# rse's history cache: safe to delete\n*\n", encoding="utf-8")
        data = {
            "version": CACHE_VERSION,
            "head": history.head,
            "commits": [c.to_json() for c in history.commits],
        }
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass


def file_facts(history: History) -> dict[str, FileFacts]:
    """Per path at the end of history (renames followed): created, updated, revisions, who."""
    files: dict[str, FileFacts] = {}
    for number, commit in enumerate(history.commits):
        people = (commit.author, *commit.coauthors)
        for change in commit.changes:
            facts = files.pop(change.old_path, None) if change.old_path else None
            facts = facts or files.get(change.path)
            if facts is None:
                facts = FileFacts(
                    created=commit.timestamp, updated=commit.timestamp, first_author=commit.author
                )
            files[change.path] = facts
            facts.updated = commit.timestamp
            if not facts.commits or facts.commits[-1] != number:
                facts.commits.append(number)
            for identity in people:
                if identity not in facts.identities:
                    facts.identities.append(identity)
    return files
