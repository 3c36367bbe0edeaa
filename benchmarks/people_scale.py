"""Does the build's cost follow the pages built, or people × text?

One generated community of N notes is built with 500, 2,000 and 10,000 people (profiles with
addresses as varied as real ones, prose that quotes some of them). Each size is built by the
floor (MkDocs + Material, two-entry navigation, no hooks) and by `rse build` in the same run,
and, with `--before DIR`, by the rse of another checkout (DIR's `rse_build` first on
PYTHONPATH) on the same files: the ratios compare like with like on this machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from build_ratio import prepare, run


def measure(notes: int, people: int, groups: int, before: Path | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        prepare(root, notes, people, groups)
        found = {}
        found["floor"], _, _ = run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "floor.yml", "-d", "floor-site"], root
        )
        build = [sys.executable, "-m", "rse_build", "build", "--site-dir"]
        found["rse"], found["rse_mem"], _ = run([*build, "rse-site"], root)
        if before is not None:
            env = {**os.environ, "PYTHONPATH": str(before)}
            found["before"], _, _ = run([*build, "before-site"], root, env=env)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--people", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--before", type=Path, help="A checkout of an earlier rse to compare with.")
    args = parser.parse_args()
    header = f"{'people':>7} {'floor s':>8} {'rse s':>8} {'ratio':>6} {'rse MiB':>8}"
    print(header + (f" {'before s':>9} {'ratio':>6}" if args.before else ""))
    for people in args.people:
        m = measure(args.notes, people, args.groups, args.before)
        ratio = m["rse"] / m["floor"]
        line = f"{people:>7} {m['floor']:>8.1f} {m['rse']:>8.1f} {ratio:>6.2f} {m['rse_mem']:>8.0f}"
        if args.before:
            line += f" {m['before']:>9.1f} {m['before'] / m['floor']:>6.2f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
