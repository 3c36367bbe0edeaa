"""What the feeds cost: one generated community (2,000 people and 10,000 notes by default) built
once, with the time spent making every feed and, within it, the "for you" indexes and each
person's feed; then the site's size beside the size of people/*/feed.xml and of the other feeds.

The build runs in this process so the feeds' functions can be timed where they are called;
nothing in rse is switched off or changed. With `--before DIR` (an earlier checkout, e.g. from
`git archive HEAD`), DIR's rse builds the same files too, and the two sites' sizes are compared.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from build_ratio import prepare, run

SPENT: dict[str, float] = defaultdict(float)
HERE = Path(__file__).resolve().parent


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] += time.perf_counter() - start

    return wrapper


def build(root: Path) -> float:
    from click.testing import CliRunner

    from rse_build import enrich, site
    from rse_build.cli import main
    from rse_build.views import foryou

    enrich.last_state_changes = timed("ideas' states", enrich.last_state_changes)
    site._feeds = timed("all feeds", site._feeds)
    foryou.ForYou.of = classmethod(timed("for-you indexes", foryou.ForYou.of.__func__))
    foryou.ForYou.feed = timed("person feeds", foryou.ForYou.feed)
    start = time.perf_counter()
    os.chdir(root)
    result = CliRunner().invoke(main, ["build", "--site-dir", "site"])
    if result.exit_code != 0:
        sys.exit(result.output)
    return time.perf_counter() - start


def accept_every_idea(root: Path) -> int:
    """A second commit that accepts every idea: their supporters hear of it, and the build reads
    each idea as both commits left it."""
    ideas = [p for p in (root / "content").rglob("*.md") if "\ntype: idea\n" in p.read_text(encoding="utf-8")]
    for path in ideas:
        path.write_text(
            path.read_text(encoding="utf-8").replace("\ntype: idea\n", "\ntype: idea\nstate: accepted\n", 1)
        )
    author = ["-c", "user.name=b", "-c", "user.email=b@x.example"]
    subprocess.run(["git", *author, "commit", "-qam", "accept every idea"], cwd=root, check=True)
    return len(ideas)


def _category(path: Path) -> str:
    """people/person-00042/feed.xml → people/*/feed.xml: the kind of file, not the file."""
    parts = path.parts
    if len(parts) > 2:
        return "/".join((parts[0], "*", *(parts[2:3] if len(parts) == 3 else ("…", parts[-1]))))
    return "/".join(parts)


def growth(before: Path, after: Path) -> list[tuple[str, int]]:
    """Bytes each kind of file adds from `before` to `after`, the largest first."""
    added: dict[str, int] = defaultdict(int)
    for file in after.rglob("*"):
        if file.is_file():
            old = before / file.relative_to(after)
            added[_category(file.relative_to(after))] += file.stat().st_size - (
                old.stat().st_size if old.is_file() else 0
            )
    for file in before.rglob("*"):
        if file.is_file() and not (after / file.relative_to(before)).is_file():
            added[_category(file.relative_to(before))] -= file.stat().st_size
    return sorted(added.items(), key=lambda item: -abs(item[1]))


def size(files: list[Path] | set[Path]) -> int:
    return sum(f.stat().st_size for f in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--before", type=Path, help="A checkout of an earlier rse to compare with.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        prepare(root, args.notes, args.people, args.groups, responses=args.responses)
        changed = accept_every_idea(root)
        seconds = build(root)
        out = root / "site"
        every = [f for f in out.rglob("*") if f.is_file()]
        people_feeds = set(out.glob("people/*/feed.xml"))
        other_feeds = [f for f in every if f.name == "feed.xml" and f not in people_feeds]
        total, people, others = size(every), size(people_feeds), size(other_feeds)
        if args.before is not None:
            env = {**os.environ, "PYTHONPATH": str(args.before.resolve())}
            command = [sys.executable, "-m", "rse_build", "build", "--site-dir", "before-site"]
            before_seconds, _, _ = run(command, root, env=env)
            before = size([f for f in (root / "before-site").rglob("*") if f.is_file()])
            grown = growth(root / "before-site", out)
        os.chdir(HERE)
    mib = 1024 * 1024
    print(
        f"{args.people} people, {args.notes} notes, {args.groups} groups, {args.responses} responses, "
        f"{changed} ideas accepted in a second commit"
    )
    print(f"build: {seconds:.1f} s")
    for name in ("ideas' states", "all feeds", "for-you indexes", "person feeds"):
        print(f"  {name}: {SPENT[name]:.1f} s ({SPENT[name] / seconds:.1%} of the build)")
    print(f"site: {total / mib:.1f} MiB in {len(every)} files")
    print(
        f"people/*/feed.xml: {people / mib:.1f} MiB in {len(people_feeds)} files "
        f"({people / total:.1%} of the site; +{people / (total - people):.1%} over the site without them)"
    )
    print(f"other feeds: {others / mib:.1f} MiB in {len(other_feeds)} files")
    if args.before is not None:
        print(
            f"before: {before / mib:.1f} MiB, built in {before_seconds:.1f} s (a fresh process); "
            f"the site grew by {(total - before) / before:.1%}"
        )
        for category, added in grown[:10]:
            print(f"  {category}: {added / mib:+.2f} MiB ({added / before:+.2%})")


if __name__ == "__main__":
    main()
