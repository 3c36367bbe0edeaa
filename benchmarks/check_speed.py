"""rse check on a generated community: the full check, and a merge request's check of a
one-file change (--changed-since). Targets at 10,000 notes on 2 cores: <= 10 s and <= 2 s."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_ratio import HOOK, RSE_YML, commit_all
from generate import generate


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    args = parser.parse_args()
    rse = [sys.executable, "-m", "rse_build"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.notes, args.people, args.groups)
        (root / "mkdocs.yml").write_text(RSE_YML)
        (root / "hooks").mkdir()
        (root / "hooks" / "rse.py").write_text(HOOK.read_text())
        commit_all(root)
        full = timed([*rse, "check"], root)
        note = next((root / "content" / "notes").rglob("*.md"))
        note.write_text(note.read_text() + "\nOne more line.\n")
        changed = timed([*rse, "check", "--changed-since", "HEAD"], root)
    print(f"{args.notes} notes, {args.people} people, {args.groups} groups")
    print(f"full check          {full:6.2f} s   (target <= 10 s)")
    print(f"one-file change     {changed:6.2f} s   (target <= 2 s)   {changed / full:.2f}x the full check")


if __name__ == "__main__":
    main()
