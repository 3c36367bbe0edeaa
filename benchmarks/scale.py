"""rse at scale: 1,000, 5,000 and 10,000 notes with 2,000 people, 200 groups and 50,000 commits.

For each size, in one run on one generated repository (generate_history.py):

- the floor: MkDocs + Material over the same Markdown, two-entry navigation, no hooks;
- `rse build` cold (no history cache), then warm (same commit, cache kept) with each of
  `--jobs` (default 1 and 2: one process, then every core of this machine);
- `rse build` after a one-note change (a new commit: the cache folds in one commit);
- peak memory (max RSS of the largest process: forked workers share the parent's pages until
  they write them) of each.

It prints each figure, the ratios to the floor, and the growth from the smallest size to the
largest (a linear build grows by the ratio of the sizes). Wall times vary between runs on a
shared machine; the ratios, taken within one run, are what to compare.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_ratio import FLOOR_YML, HOOK, RSE_YML, run
from generate_history import generate


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Bench", "-c", "user.email=bench@corp.example", *args], cwd=root, check=True
    )


def prepare(root: Path, notes: int, people: int, groups: int, commits: int, search: str | None) -> None:
    generate(root, commits, notes, people, groups)
    (root / "content" / "index.md").write_text("---\ntitle: Synthetic community\n---\nHello.\n")
    (root / "content" / "about.md").write_text("# About\n\nA generated community.\n")
    (root / "floor.yml").write_text(FLOOR_YML)
    config = RSE_YML if search is None else RSE_YML + f"extra:\n  rse:\n    search_threshold: {search}\n"
    (root / "mkdocs.yml").write_text(config)
    (root / "hooks").mkdir(exist_ok=True)
    shutil.copy(HOOK, root / "hooks" / "rse.py")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Site configuration")


def one_note_change(root: Path) -> None:
    note = sorted((root / "content" / "notes").rglob("*.md"))[0]
    note.write_text(note.read_text() + "\nOne more line.\n")
    _git(root, "commit", "-qam", "Edit one note")


def measure(
    notes: int,
    people: int,
    groups: int,
    commits: int,
    search: str | None,
    workdir: str | None,
    jobs: list[int],
) -> dict[str, float]:
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        root = Path(tmp) / "community"
        prepare(root, notes, people, groups, commits, search)
        rse = [sys.executable, "-m", "rse_build", "build", "--site-dir", "rse-site"]
        figures: dict[str, float] = {}
        figures["floor"], figures["floor_mem"], _ = run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "floor.yml", "-d", "floor-site"], root
        )
        shutil.rmtree(root / ".rse-cache", ignore_errors=True)
        figures["cold"], figures["cold_mem"], _ = run(rse, root)
        figures["warm"], figures["warm_mem"], _ = run(rse, root)
        for count in jobs:
            figures[f"warm{count}"], figures[f"warm{count}_mem"], _ = run([*rse, "--jobs", str(count)], root)
        one_note_change(root)
        figures["change"], figures["change_mem"], _ = run(rse, root)
        index = root / "rse-site" / "search" / "search_index.json"
        figures["search_kb"] = index.stat().st_size / 1024 if index.exists() else 0.0
        pagefind = root / "rse-site" / "pagefind"
        figures["pagefind_files"] = float(len(list(pagefind.rglob("*")))) if pagefind.exists() else 0.0
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, nargs="+", default=[1_000, 5_000, 10_000])
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--commits", type=int, default=50_000)
    parser.add_argument("--search-threshold", help="extra.rse.search_threshold for the rse builds")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="warm builds with these --jobs")
    parser.add_argument(
        "--workdir",
        help="where the communities are generated and built (e.g. /dev/shm: a memory file system "
        "takes the disk's noise out of the figures)",
    )
    args = parser.parse_args()
    print(
        f"{'notes':>6} {'floor s':>8} {'cold s':>7} {'warm s':>7} {'1-note s':>8} "
        f"{'cold/fl':>7} {'warm/fl':>7} {'1-note/fl':>9} {'floor MiB':>9} {'rse MiB':>8}",
        flush=True,
    )
    results = {}
    for notes in args.notes:
        m = measure(
            notes, args.people, args.groups, args.commits, args.search_threshold, args.workdir, args.jobs
        )
        results[notes] = m
        peak = max(m["cold_mem"], m["warm_mem"], m["change_mem"])
        print(
            f"{notes:>6} {m['floor']:>8.1f} {m['cold']:>7.1f} {m['warm']:>7.1f} {m['change']:>8.1f} "
            f"{m['cold'] / m['floor']:>7.2f} {m['warm'] / m['floor']:>7.2f} {m['change'] / m['floor']:>9.2f} "
            f"{m['floor_mem']:>9.0f} {peak:>8.0f}",
            flush=True,
        )
        for count in args.jobs:
            print(
                f"{'':>6} warm with --jobs {count}: {m[f'warm{count}']:.1f} s, "
                f"{m[f'warm{count}'] / m['floor']:.2f} of the floor, peak {m[f'warm{count}_mem']:.0f} MiB",
                flush=True,
            )
    if len(results) > 1:
        small, large = min(results), max(results)
        print(f"growth from {small} to {large} notes (linear: {large / small:.1f}x):")
        for key in ("floor", "cold", "warm", "change"):
            print(f"  {key:>7}: {results[large][key] / results[small][key]:.1f}x")
        print(f"  peak memory: {results[large]['cold_mem'] / results[small]['cold_mem']:.1f}x")


if __name__ == "__main__":
    main()
