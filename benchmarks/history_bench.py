"""The history pass against raw git, in one run, on a generated history (default: 50,000
commits, 10,000 notes, 2,000 people): cold, warm (cached) and incremental (100 new commits)
passes, peak memory, and the ratios. With --plugins, a smaller community is also built with
mkdocs-git-revision-date-localized-plugin + mkdocs-git-authors-plugin and with rse.

Targets: cold <= 1.5x raw git log, warm <= 0.1x, incremental <= 0.05x cold, memory <= 1 GB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_ratio import HOOK, RSE_YML, run
from generate_history import generate

from rse_build.history import LOG_OPTIONS

PASS = """
import json, sys, time
from pathlib import Path
from rse_build.history import read_history
root = Path(sys.argv[1])
start = time.perf_counter()
history = read_history(root, root / "content")
facts = history.files
print(json.dumps({"seconds": time.perf_counter() - start, "commits": len(history.commits),
                  "scanned": history.scanned, "files": len(facts)}))
"""


def our_pass(root: Path) -> tuple[dict, float]:
    _, memory, out = run([sys.executable, "-c", PASS, str(root)], root, capture=True)
    return json.loads(out), memory


def history_figures(args: argparse.Namespace, root: Path) -> None:
    started = time.perf_counter()
    generate(root, args.commits, args.notes, args.people, args.groups)
    print(
        f"generated {args.commits:,} commits, {args.notes:,} notes, {args.people:,} people "
        f"in {time.perf_counter() - started:.1f} s"
    )
    raw, _, _ = run(["git", "log", "--numstat", "--", "content"], root)
    raw_ours, _, _ = run(["git", "-c", "core.quotePath=false", "log", *LOG_OPTIONS, "--", "content"], root)
    shutil.rmtree(root / ".rse-cache", ignore_errors=True)
    cold, cold_mem = our_pass(root)
    warm, warm_mem = our_pass(root)
    generate(root, 100, args.notes, args.people, args.groups, start_at=args.commits)
    incremental, inc_mem = our_pass(root)
    print(f"raw git log --numstat -- content        {raw:7.2f} s")
    print(f"raw git log with rse's flags (-M -z ...) {raw_ours:7.2f} s")
    print(
        f"rse cold pass  {cold['seconds']:7.2f} s  {cold['commits']:,} commits  peak {cold_mem:5.0f} MiB  "
        f"{cold['seconds'] / raw:.2f}x raw (target <= 1.5)  {cold['seconds'] / raw_ours:.2f}x same flags"
    )
    print(
        f"rse warm pass  {warm['seconds']:7.2f} s  peak {warm_mem:5.0f} MiB  "
        f"{warm['seconds'] / raw:.3f}x raw (target <= 0.1)"
    )
    print(
        f"rse +100 commits {incremental['seconds']:5.2f} s  scanned {incremental['scanned']}  "
        f"peak {inc_mem:5.0f} MiB  {incremental['seconds'] / cold['seconds']:.3f}x cold (target <= 0.05)"
    )


PLUGINS_YML = """\
site_name: Plugins
docs_dir: content
theme:
  name: material
  font: false
nav:
  - Home: index.md
plugins:
  - search
  - git-revision-date-localized
  - git-authors
"""


def plugin_figures(args: argparse.Namespace, root: Path) -> None:
    generate(root, args.plugin_commits, args.plugin_notes, max(args.plugin_notes // 5, 10), 20)
    (root / "content" / "index.md").write_text("# Home\n")
    (root / "plugins.yml").write_text(PLUGINS_YML)
    (root / "mkdocs.yml").write_text(RSE_YML)
    (root / "hooks").mkdir(exist_ok=True)
    (root / "hooks" / "rse.py").write_text(HOOK.read_text())
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(
        ["git", "-c", "user.name=b", "-c", "user.email=b@x.example", "commit", "-qm", "config"],
        cwd=root,
        check=True,
    )
    theirs, theirs_mem, _ = run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "plugins.yml", "-d", "plugins-site"], root
    )
    ours, ours_mem, _ = run([sys.executable, "-m", "rse_build", "build", "--site-dir", "rse-site"], root)
    print(
        f"{args.plugin_notes:,} notes, {args.plugin_commits:,} commits: git plugins build {theirs:.1f} s "
        f"(peak {theirs_mem:.0f} MiB), rse build {ours:.1f} s (peak {ours_mem:.0f} MiB): "
        f"ours / theirs = {ours / theirs:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commits", type=int, default=50_000)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument(
        "--plugins", action="store_true", help="Also compare full builds with the git plugins."
    )
    parser.add_argument("--plugin-notes", type=int, default=1_000)
    parser.add_argument("--plugin-commits", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        history_figures(args, Path(tmp) / "history")
        if args.plugins:
            plugin_figures(args, Path(tmp) / "plugins")


if __name__ == "__main__":
    main()
