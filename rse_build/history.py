"""What the git history says about the community: one `git log` pass, cached by commit.

The MkDocs git plugins ask git once per page (`git log --follow`, `git blame`); rse reads the
whole history of content/ once, with renames, numstat and co-author trailers, and keeps the
result in `.rse-cache/` so the next build of a descendant commit only reads the new commits.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import hashlib
import marshal
import os
import queue
import threading
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import git

from rse_build.errors import EnvironmentProblem

CACHE_DIR = ".rse-cache"
CACHE_VERSION = 5
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
    """Files a change touches, relative to the community's root (posix), since `base`: the
    merge base it was computed from."""

    touched: frozenset[str]
    removed: frozenset[str]
    base: str = ""


class GitProblem(EnvironmentProblem):
    """Git cannot answer (unknown ref, not a repository): an environment error, exit 2."""


def changes_since(root: Path, ref: str) -> Changes:
    """What changed between the merge base of `ref` and HEAD, plus uncommitted and untracked work.

    Renames count as a removal of the old path and a touch of the new one.
    """
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitProblem("environment.changed_since_needs_git", path=str(root)) from None
    with repo:
        try:
            base = repo.git.merge_base(ref, "HEAD").strip()
        except git.GitCommandError:
            raise GitProblem("environment.unknown_revision", ref=ref) from None
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

    return Changes(under_root(touched), under_root(removed), base)


class HistoryUnavailable(EnvironmentProblem):
    """The history cannot be read as asked: the message says why and how to fix it (exit 2)."""


class Identity(NamedTuple):
    """A git identity after .mailmap; the address is lowercased and never published.

    Named tuples rather than dataclasses for the history's records: hashing and building
    50,000 of them is what a warm build costs.
    """

    name: str
    email: str


class FileChange(NamedTuple):
    path: str
    added: int
    removed: int
    old_path: str | None = None
    deleted: bool = False


class CommitRecord(NamedTuple):
    """One non-merge commit that touched content/: who, when, how many lines."""

    sha: str
    timestamp: int
    author: Identity
    coauthors: tuple[Identity, ...]
    added: int
    removed: int


@dataclass(slots=True)
class FileFacts:
    """A page's history under every name it had: its first and last commit, who changed it."""

    created: int
    updated: int
    first_author: Identity | None = None
    identities: dict[Identity, None] = field(default_factory=dict)
    commits: list[int] = field(default_factory=list)
    # Lines added and removed in this file by each of `commits`: what an audience's site counts.
    lines: list[tuple[int, int]] = field(default_factory=list)

    @property
    def revisions(self) -> int:
        return len(self.commits)


@dataclass(frozen=True, slots=True)
class History:
    """Every commit that touched content/ (oldest first) and every file's facts, as of `head`.

    `files` follows renames: a path is the file's name at `head`, its facts span all its names.
    """

    head: str
    commits: tuple[CommitRecord, ...]
    files: dict[str, FileFacts] = field(default_factory=dict)
    prefix: str = "content"
    scanned: int = 0
    from_cache: bool = False


def restricted(history: History, paths: Collection[str]) -> History:
    """The history as a site that publishes only `paths` (keys of `history.files`) sees it:
    the commits that changed one of them, renumbered, each counting only their lines."""
    kept = {p: history.files[p] for p in sorted(paths) if p in history.files}
    numbers = sorted({n for facts in kept.values() for n in facts.commits})
    renumber = {old: new for new, old in enumerate(numbers)}
    added: dict[int, int] = dict.fromkeys(numbers, 0)
    removed: dict[int, int] = dict.fromkeys(numbers, 0)
    for facts in kept.values():
        for number, (plus, minus) in zip(facts.commits, facts.lines, strict=True):
            added[number] += plus
            removed[number] += minus
    commits = tuple(history.commits[n]._replace(added=added[n], removed=removed[n]) for n in numbers)
    files = {
        path: dataclasses.replace(
            facts,
            identities=dict(facts.identities),
            commits=[renumber[n] for n in facts.commits],
            lines=list(facts.lines),
        )
        for path, facts in kept.items()
    }
    return dataclasses.replace(history, commits=commits, files=files)


def _apply(
    files: dict[str, FileFacts], first_number: int, entries: list[tuple[CommitRecord, tuple[FileChange, ...]]]
) -> None:
    """Fold commits (numbered from `first_number`) into per-file facts, following renames.

    Dates are the earliest and latest author dates, whatever order git lists commits in (a
    rebased commit keeps its old date), so a cached and a fresh pass agree. A deleted file's
    history ends with it: a new file at the same path starts afresh.
    """
    for number, (commit, changes) in enumerate(entries, start=first_number):
        people = (commit.author, *commit.coauthors)
        when = commit.timestamp
        for change in changes:
            if change.deleted:
                files.pop(change.path, None)
                continue
            facts = files.pop(change.old_path, None) if change.old_path else None
            facts = facts or files.get(change.path)
            if facts is None:
                facts = FileFacts(created=when, updated=when, first_author=commit.author)
            files[change.path] = facts
            if when < facts.created:
                facts.created, facts.first_author = when, commit.author
            facts.updated = max(facts.updated, when)
            if not facts.commits or facts.commits[-1] != number:
                facts.commits.append(number)
                facts.lines.append((change.added, change.removed))
            else:
                added, removed = facts.lines[-1]
                facts.lines[-1] = (added + change.added, removed + change.removed)
            for identity in people:
                facts.identities.setdefault(identity)


def _parse_identity(text: str) -> Identity | None:
    text = text.strip()
    if "<" not in text or not text.endswith(">"):
        return None
    name, email = text[:-1].split("<", 1)
    return Identity(name.strip(), email.strip().lower())


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0


def _unquote(path: str) -> str:
    """git C-quotes unusual paths in --summary lines ("a\\tb.md"); numstat -z never does."""
    if len(path) > 1 and path[0] == path[-1] == '"':
        raw = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return raw.encode("latin-1", "replace").decode("utf-8", "replace")
    return path


def _parse_changes(text: str) -> tuple[FileChange, ...]:
    """`--numstat --summary -z` output: numstat entries ('added\\tremoved\\tpath', or
    '…\\t\\0old\\0new' for a rename) give the lines, summary lines (' delete mode 100644 path')
    the deletions."""
    tokens = text.split("\0")
    deleted: set[str] = set()
    changes = []
    position = 0
    while position < len(tokens):
        token = tokens[position].lstrip("\n")
        position += 1
        if not token:
            continue
        if token.startswith(" "):
            for line in token.split("\n"):
                if line.startswith(" delete mode "):
                    deleted.add(_unquote(line.split(" ", 4)[4]))
            continue
        added, removed, path = token.split("\t", 2)
        if path:
            changes.append(FileChange(path, _int(added), _int(removed)))
        else:
            old, new = tokens[position], tokens[position + 1]
            position += 2
            changes.append(FileChange(new, _int(added), _int(removed), old))
    if deleted:
        changes = [c._replace(deleted=True) if c.path in deleted and not c.old_path else c for c in changes]
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


# The one history pass's options (benchmarks/history_bench.py times the same command raw).
# Newest first, as git walks: with --reverse git would hold every commit until the walk ends, and
# rse could not parse while git walks (the list is turned round after).
LOG_OPTIONS = ("--no-merges", "--numstat", "--summary", "-z", "-M", _FORMAT)

# Called with the commits read so far while a long pass runs. No total: counting the commits
# that touch a folder costs git a walk of the history of its own before the pass.
Progress = Callable[[int], None]


def _start_log(repo: git.Repo, revisions: list[str], pathspec: str) -> Any:
    return repo.git(c="core.quotePath=false").log(*LOG_OPTIONS, *revisions, "--", pathspec, as_process=True)


class EarlyLog:
    """The whole history's `git log`, started before rse reads and checks the files
    (`early_log`): git walks the history on another core meanwhile, and a thread keeps what it
    writes until `read_history` reads it. Closed unread (a content error), git is stopped."""

    def __init__(self, repo: git.Repo, head: str, pathspec: str) -> None:
        self.head, self.pathspec = head, pathspec
        self.process = _start_log(repo, [head], pathspec)
        self.blocks: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._keep, daemon=True)
        self.thread.start()

    def _keep(self) -> None:
        stdout = self.process.proc.stdout
        while block := stdout.read(1 << 16):
            self.blocks.put(block)
        self.blocks.put(b"")

    def read(self) -> Iterator[bytes]:
        while block := self.blocks.get():
            yield block
        self.thread.join()

    def close(self) -> None:
        if self.process.proc.poll() is None:
            self.process.proc.kill()
        self.process.proc.wait()
        self.thread.join()


def early_log(root: Path, content_dir: Path) -> EarlyLog | None:
    """The history pass started now, when `read_history` will read the whole history (no
    cache yet); None otherwise, or when there is no history to read (read_history tells why)."""
    try:
        repo = open_repository(root)
    except HistoryUnavailable:
        return None
    with repo:
        try:
            head = repo.head.commit.hexsha
        except ValueError:
            return None
        top = Path(repo.working_tree_dir or root).resolve()
        pathspec = content_dir.resolve().relative_to(top).as_posix()
        if (root / CACHE_DIR / f"history-{_cache_key(repo, root, pathspec)}.bin").is_file():
            return None
        return EarlyLog(repo, head, pathspec)


@contextlib.contextmanager
def log_started_early(root: Path, content_dir: Path, enabled: bool = True) -> Iterator[EarlyLog | None]:
    """`early_log` for the time of a `with` block, stopped at its end if it was not read."""
    early = early_log(root, content_dir) if enabled else None
    try:
        yield early
    finally:
        if early is not None:
            early.close()


def _read_log(
    repo: git.Repo,
    revisions: list[str],
    pathspec: str,
    progress: Progress | None = None,
    early: EarlyLog | None = None,
) -> list[tuple[CommitRecord, tuple[FileChange, ...]]]:
    """One streamed `git log` over `pathspec`, oldest first (`early`'s, when it was started)."""
    if early is not None:
        process, blocks = early.process, early.read()
    else:
        process = _start_log(repo, revisions, pathspec)
        stdout = process.proc.stdout
        blocks = iter(lambda: stdout.read(1 << 16), b"")

    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def chunks() -> Iterator[str]:
        for block in blocks:
            yield decoder.decode(block)
        yield decoder.decode(b"", final=True)

    raw = []
    for record in _records(chunks()):
        raw.append(record)
        if progress is not None and len(raw) % 500 == 0:
            progress(len(raw))
    stderr = process.proc.stderr.read().decode("utf-8", errors="replace")
    if process.proc.wait() != 0:
        raise _unreadable(stderr)
    raw.reverse()
    coauthor_texts = sorted({t for *_, trailers, _ in raw for t in trailers})
    mapped = _mailmap(repo, coauthor_texts)
    commits = []
    for sha, timestamp, name, email, trailers, numstat in raw:
        author = Identity(name.strip(), email.strip().lower())
        coauthors = tuple(
            dict.fromkeys(i for i in (mapped.get(t) for t in trailers) if i is not None and i != author)
        )
        changes = _parse_changes(numstat)
        added, removed = sum(c.added for c in changes), sum(c.removed for c in changes)
        commits.append((CommitRecord(sha, int(timestamp), author, coauthors, added, removed), changes))
    return commits


def _mailmap(repo: git.Repo, identities: list[str]) -> dict[str, Identity]:
    """Co-authors go through .mailmap too, in one `git check-mailmap` call."""
    parsed = {text: _parse_identity(text) for text in identities}
    valid = [t for t, i in parsed.items() if i is not None]
    if not valid:
        return {}
    try:
        # In slices: one command line holds only so many arguments.
        output = "\n".join(repo.git.check_mailmap(*valid[i : i + 200]) for i in range(0, len(valid), 200))
    except git.GitCommandError:
        return {t: i for t, i in parsed.items() if i is not None}
    result = {}
    for text, line in zip(valid, output.splitlines(), strict=False):
        result[text] = _parse_identity(line) or parsed[text]
    return result


def _unreadable(stderr: str) -> HistoryUnavailable:
    """Why `git log` failed, with what git said: missing objects have a fix of their own."""
    lowered = stderr.lower()
    if (
        "bad object" in lowered
        or "missing" in lowered
        or "promisor" in lowered
        or "unable to read" in lowered
    ):
        return HistoryUnavailable("environment.missing_objects", stderr=stderr.strip())
    return HistoryUnavailable("environment.history_unreadable", stderr=stderr.strip())


def open_repository(root: Path) -> git.Repo:
    """The repository holding `root`, refused when it cannot give a whole history."""
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise HistoryUnavailable("environment.not_in_repository", path=str(root)) from None
    if (Path(repo.common_dir) / "shallow").exists():
        repo.close()
        raise HistoryUnavailable("environment.shallow_clone")
    return repo


def _cache_key(repo: git.Repo, root: Path, pathspec: str) -> str:
    mailmap = Path(repo.working_tree_dir or root) / ".mailmap"
    digest = hashlib.sha256(mailmap.read_bytes() if mailmap.is_file() else b"")
    digest.update(f"{CACHE_VERSION}\0{pathspec}".encode())
    return digest.hexdigest()[:16]


def read_history(
    root: Path,
    content_dir: Path,
    *,
    use_cache: bool = True,
    progress: Progress | None = None,
    early: EarlyLog | None = None,
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
        cache_file = root / CACHE_DIR / f"history-{key}.bin"
        facts_file = cache_file.with_suffix(".facts")
        cached = _load_cache(cache_file) if use_cache else None
        files = _load_facts(facts_file, cached.head) if cached is not None else None
        if cached is not None and files is not None:
            if cached.head == head:
                return History(head, cached.commits, files, pathspec, 0, from_cache=True)
            if _is_ancestor(repo, cached.head, head):
                entries = _read_log(repo, [f"{cached.head}..{head}"], pathspec, progress)
                _apply(files, len(cached.commits), entries)
                new = [commit for commit, _ in entries]
                if use_cache:
                    _append_cache(cache_file, cached.head, head, new)
                    _save_facts(facts_file, head, files)
                return History(head, (*cached.commits, *new), files, pathspec, len(new), from_cache=True)
        if early is not None and (early.head, early.pathspec) != (head, pathspec):
            early.close()
            early = None
        entries = _read_log(repo, [head], pathspec, progress, early)
        files = {}
        _apply(files, 0, entries)
        history = History(head, tuple(c for c, _ in entries), files, pathspec, len(entries))
    if use_cache:
        _save_cache(cache_file, history)
        _save_facts(facts_file, head, files)
    return history


def _is_ancestor(repo: git.Repo, old: str, new: str) -> bool:
    try:
        repo.git.merge_base("--is-ancestor", old, new)
    except git.GitCommandError:
        return False
    return True


def _encode(commits: tuple[CommitRecord, ...] | list[CommitRecord]) -> tuple:
    """Commits as plain tuples with an identity table: what marshal stores fastest."""
    table: dict[Identity, int] = {}

    def number(identity: Identity) -> int:
        return table.setdefault(identity, len(table))

    rows = tuple(
        (
            c.sha,
            c.timestamp,
            number(c.author),
            tuple(number(i) for i in c.coauthors),
            c.added,
            c.removed,
        )
        for c in commits
    )
    return tuple((i.name, i.email) for i in table), rows


def _decode(identities: tuple, rows: tuple) -> list[CommitRecord]:
    people = [Identity(name, email) for name, email in identities]
    return [
        CommitRecord(
            sha,
            timestamp,
            people[author],
            tuple(people[i] for i in coauthors),
            added,
            removed,
        )
        for sha, timestamp, author, coauthors, added, removed in rows
    ]


def _load_cache(path: Path) -> History | None:
    """The cache is a chain of segments (base head, head, commits): the first scan, then one per
    incremental scan, appended. A segment whose base is not the previous head is left out."""
    try:
        with path.open("rb") as file:
            if marshal.load(file) != CACHE_VERSION:
                return None
            head, commits = "", []
            while True:
                try:
                    base, new_head, identities, rows = marshal.load(file)
                except EOFError:
                    break
                if base == head:
                    commits.extend(_decode(identities, rows))
                    head = new_head
    except Exception:  # any unreadable cache is a cache miss, never a failure
        return None
    return History(head, tuple(commits)) if head else None


def _ensure_cache_dir(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# rse's history cache: safe to delete\n*\n", encoding="utf-8")


def _save_cache(path: Path, history: History) -> None:
    """A whole new cache, written beside and renamed: a reader never sees half a file."""
    try:
        _ensure_cache_dir(path)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as file:
            marshal.dump(CACHE_VERSION, file)
            marshal.dump(("", history.head, *_encode(history.commits)), file)
        os.replace(temporary, path)
    except OSError:
        pass


def _append_cache(path: Path, base: str, head: str, commits: list[CommitRecord]) -> None:
    """An incremental scan costs what it read: its segment is appended, nothing rewritten."""
    try:
        with path.open("ab") as file:
            file.write(marshal.dumps((base, head, *_encode(commits))))
    except OSError:
        pass


def _save_facts(path: Path, head: str, files: dict[str, FileFacts]) -> None:
    """Per-file facts at `head`, so a later build only folds in the commits it did not see."""
    table: dict[Identity, int] = {}

    def number(identity: Identity | None) -> int:
        return -1 if identity is None else table.setdefault(identity, len(table))

    rows = {
        p: (
            f.created,
            f.updated,
            number(f.first_author),
            tuple(number(i) for i in f.identities),
            tuple(f.commits),
            tuple(f.lines),
        )
        for p, f in files.items()
    }
    try:
        _ensure_cache_dir(path)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(
            marshal.dumps((CACHE_VERSION, head, tuple((i.name, i.email) for i in table), rows))
        )
        os.replace(temporary, path)
    except OSError:
        pass


def _load_facts(path: Path, head: str) -> dict[str, FileFacts] | None:
    """The facts snapshot, only if it was taken at `head` (the cache's last commit)."""
    try:
        version, facts_head, identities, rows = marshal.loads(path.read_bytes())
        if version != CACHE_VERSION or facts_head != head:
            return None
        people = [Identity(name, email) for name, email in identities]
        return _facts_from_rows(people, rows)
    except Exception:  # any unreadable cache is a cache miss, never a failure
        return None


def _facts_from_rows(people: list[Identity], rows: dict) -> dict[str, FileFacts]:
    return {
        p: FileFacts(
            created,
            updated,
            people[first] if first >= 0 else None,
            dict.fromkeys(people[i] for i in who),
            list(numbers),
            list(lines),
        )
        for p, (created, updated, first, who, numbers, lines) in rows.items()
    }
