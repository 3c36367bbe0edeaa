"""`rse stats --json` on a cold cache against raw `git log --numstat -M -- content`, in one run on
one repository: a generated one (generate_history.py, default 7,000 commits) or `--repo PATH`.

Each side runs in a fresh process, best of `--runs`; rse's history cache is removed before each
of its runs, so every run pays the whole command: start-up, the check, the history pass and
the figures. `--before DIR` also times another checkout's rse (e.g. `git archive <commit> | tar
-x -C DIR`) in the same run. Target: rse / raw <= 1.5.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_ratio import run
from scale import prepare


def best(
    command: list[str], root: Path, runs: int, cold: bool = False, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """The best wall time of `runs` runs and the peak memory (MiB) of the largest."""
    times, peak = [], 0.0
    for _ in range(runs):
        if cold:
            shutil.rmtree(root / ".rse-cache", ignore_errors=True)
        seconds, memory, _ = run(command, root, env=env)
        times.append(seconds)
        peak = max(peak, memory)
    return min(times), peak


def measure(root: Path, runs: int, before: Path | None) -> None:
    commits = subprocess.run(
        ["git", "rev-list", "--count", "HEAD"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()
    raw, raw_mem = best(["git", "log", "--numstat", "-M", "--", "content"], root, runs)
    command = [sys.executable, "-m", "rse_build", "stats", "--json"]
    ours, ours_mem = best(command, root, runs, cold=True)
    print(f"{int(commits):,} commits, best of {runs}")
    print(f"raw git log --numstat -M -- content  {raw:7.2f} s  peak {raw_mem:5.0f} MiB")
    print(f"rse stats --json (cold)              {ours:7.2f} s  peak {ours_mem:5.0f} MiB  {ours / raw:.2f}x")
    if before is not None:
        env = {**os.environ, "PYTHONPATH": str(before.resolve())}
        theirs, theirs_mem = best(command, root, runs, cold=True, env=env)
        print(
            f"before: rse stats --json (cold)      {theirs:7.2f} s  peak {theirs_mem:5.0f} MiB  "
            f"{theirs / raw:.2f}x"
        )
    print(f"rse / raw = {ours / raw:.2f} (target <= 1.5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repo", type=Path, help="an rse community with its history (default: generated)")
    parser.add_argument("--commits", type=int, default=7_000)
    parser.add_argument("--notes", type=int, default=2_000)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout of rse, timed in the same run")
    parser.add_argument("--workdir", help="where the community is generated (e.g. /dev/shm)")
    args = parser.parse_args()
    if args.repo is not None:
        measure(args.repo.resolve(), args.runs, args.before)
        return
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        root = Path(tmp) / "community"
        prepare(root, args.notes, args.people, args.groups, args.commits, None)
        measure(root, args.runs, args.before)


if __name__ == "__main__":
    main()
