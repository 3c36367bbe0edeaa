"""What responses cost: one generated community built without responses and with them.

The same notes (10,000 by default) are built by the floor (MkDocs + Material, no hooks), by rse
without responses, and by rse with `--responses` of them (30,000 by default: RSVPs to events,
answers to questions, thanks and replies with mentions and links), all in one run; `--sizes`
repeats it at several sizes to see that the time responses add grows with the responses (each
size keeps three responses a note), not with notes × responses.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from build_ratio import prepare, run


def measure(notes: int, responses: int, people: int, groups: int) -> dict[str, float]:
    found: dict[str, float] = {}
    for name, count in (("without", 0), ("with", responses)):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            prepare(root, notes, people, groups, responses=count)
            if name == "without":
                found["floor"], _, _ = run(
                    [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "floor.yml", "-d", "floor-site"],
                    root,
                )
            command = [sys.executable, "-m", "rse_build", "build", "--site-dir", "site"]
            found[name], found[f"{name}_mem"], _ = run(command, root)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000], help="Note counts.")
    parser.add_argument("--per-note", type=float, default=3.0, help="Responses per note.")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--groups", type=int, default=50)
    args = parser.parse_args()
    print(
        f"{'notes':>7} {'responses':>9} {'floor s':>8} {'without s':>9} {'with s':>7} {'added s':>8} "
        f"{'with/without':>12} {'with/floor':>10} {'MiB':>5}"
    )
    for notes in args.sizes:
        responses = int(notes * args.per_note)
        m = measure(notes, responses, args.people, args.groups)
        print(
            f"{notes:>7} {responses:>9} {m['floor']:>8.1f} {m['without']:>9.1f} {m['with']:>7.1f} "
            f"{m['with'] - m['without']:>8.1f} {m['with'] / m['without']:>12.2f} "
            f"{m['with'] / m['floor']:>10.2f} {m['with_mem']:>5.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
