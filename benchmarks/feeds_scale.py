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

    from rse_build import site
    from rse_build.cli import main
    from rse_build.views import foryou

    site._feeds = timed("all feeds", site._feeds)
    foryou.ForYou.of = classmethod(timed("for-you indexes", foryou.ForYou.of.__func__))
    foryou.ForYou.feed = timed("person feeds", foryou.ForYou.feed)
    start = time.perf_counter()
    os.chdir(root)
    result = CliRunner().invoke(main, ["build", "--site-dir", "site"])
    if result.exit_code != 0:
        sys.exit(result.output)
    return time.perf_counter() - start


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
        os.chdir(HERE)
    mib = 1024 * 1024
    print(f"{args.people} people, {args.notes} notes, {args.groups} groups, {args.responses} responses")
    print(f"build: {seconds:.1f} s")
    for name in ("all feeds", "for-you indexes", "person feeds"):
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


if __name__ == "__main__":
    main()
