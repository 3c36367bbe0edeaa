"""rse build over the floor (MkDocs + Material on the same Markdown, two-entry nav, no hooks).

Both builds run in one invocation on one generated community, so the ratio compares like with
like on this machine. Prints wall time, peak memory (max RSS) and the ratio for each size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate

FLOOR_YML = """\
site_name: Floor
docs_dir: content
theme:
  name: material
  font: false
nav:
  - Home: index.md
  - About: about.md
plugins:
  - search
"""

RSE_YML = """\
site_name: Synthetic community
docs_dir: content
theme:
  name: material
hooks:
  - hooks/rse.py
plugins:
  - search
"""

# The two default audiences, written out: what `generate(public_every=...)` labels for.
AUDIENCES_YML = """\
extra:
  rse:
    audiences:
      public: [public]
      internal: [public, internal]
"""

HOOK = Path(__file__).resolve().parent.parent / "hooks" / "rse.py"


def run(
    command: list[str], cwd: Path, *, capture: bool = False, env: dict[str, str] | None = None
) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and standard output of one command in a fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    out = process.stdout.read().decode() if capture else ""
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024, out


def commit_all(root: Path) -> None:
    """One commit of the generated files: rse dates pages and counts from git."""
    for command in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=b", "-c", "user.email=b@x.example", "commit", "-qm", "generated"],
    ):
        subprocess.run(["git", *command], cwd=root, check=True)


def prepare(
    root: Path, notes: int, people: int, groups: int, *, public_every: int = 0, responses: int = 0
) -> None:
    """A generated community at `root`, committed, with the floor's and rse's configurations;
    with `public_every`, some of it labelled public and the audiences in mkdocs.yml; with
    `responses`, that many replies, answers, thanks and RSVPs."""
    generate(root, notes, people, groups, public_every=public_every, responses=responses)
    (root / "floor.yml").write_text(FLOOR_YML)
    (root / "mkdocs.yml").write_text(RSE_YML + (AUDIENCES_YML if public_every else ""))
    (root / "hooks").mkdir()
    (root / "hooks" / "rse.py").write_text(HOOK.read_text())
    commit_all(root)


def measure(notes: int, people: int, groups: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        prepare(root, notes, people, groups)
        floor, floor_mem, _ = run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "floor.yml", "-d", "floor-site"], root
        )
        ours, ours_mem, _ = run([sys.executable, "-m", "rse_build", "build", "--site-dir", "rse-site"], root)
    return {"floor": floor, "floor_mem": floor_mem, "rse": ours, "rse_mem": ours_mem}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, nargs="+", default=[300, 1000])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--groups", type=int, default=20)
    args = parser.parse_args()
    print(f"{'notes':>7} {'floor s':>8} {'rse s':>8} {'ratio':>6} {'floor MiB':>10} {'rse MiB':>8}")
    for notes in args.notes:
        m = measure(notes, args.people, args.groups)
        print(
            f"{notes:>7} {m['floor']:>8.1f} {m['rse']:>8.1f} {m['rse'] / m['floor']:>6.2f} "
            f"{m['floor_mem']:>10.0f} {m['rse_mem']:>8.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
