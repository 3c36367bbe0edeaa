"""Did a refactor change any byte of any site, and did it make the build slower?

Two communities, each a real git repository: the demo (this repository's content/ replayed
with its people's history by docs/replay_demo.py; three audiences) and a generated community
of N notes with some of it labelled public (two audiences). Each is built with
`rse build --all-audiences` by the rse of another checkout (`--before DIR`, its `rse_build`
first on PYTHONPATH) and then by this checkout's (or `--after DIR`'s), with the same Python
and the same MkDocs; the communities are always this checkout's.
Every site of both is compared byte for byte; the script exits 1 on any difference and prints
the time ratio after / before of each community (one run, one machine: compare ratios).

Each build starts from a fresh copy of the prepared community at the same path: no build
reads a history cache (`.rse-cache/`) written by the other side's rse, both pay the same cold
history pass, and an absolute path that reached a page would be the same on both sides.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from build_ratio import prepare, run

ROOT = Path(__file__).resolve().parent.parent
SHOWN = 20  # differing files listed per audience
EXCERPT = 40  # lines of the first text diff
WIDTH = 160  # characters kept of each diff line (minified JSON is one line)


@dataclass(frozen=True, slots=True)
class Build:
    """One `rse build --all-audiences` of one side: where its sites are and what it cost."""

    site: Path
    seconds: float
    peak_mib: float


@dataclass(frozen=True, slots=True)
class Comparison:
    """One audience's site of both sides, file by file (paths relative to the audience's folder)."""

    audience: str
    files: int
    size: int
    only_before: tuple[str, ...]
    only_after: tuple[str, ...]
    differing: tuple[str, ...]

    @property
    def same(self) -> bool:
        return not (self.only_before or self.only_after or self.differing)


def _files(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def compare(audience: str, before: Path, after: Path) -> Comparison:
    """Both sides' sites of one audience: which files each has, and which differ in a byte."""
    old, new = _files(before), _files(after)
    common = sorted(old.keys() & new.keys())
    return Comparison(
        audience=audience,
        files=len(common),
        size=sum(new[name].stat().st_size for name in common),
        only_before=tuple(sorted(old.keys() - new.keys())),
        only_after=tuple(sorted(new.keys() - old.keys())),
        differing=tuple(name for name in common if old[name].read_bytes() != new[name].read_bytes()),
    )


def _first_difference(old: bytes, new: bytes) -> int:
    return next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new))
    )


def excerpt(name: str, before: Path, after: Path) -> list[str] | None:
    """The start of a unified diff of one differing file, or None when it is not UTF-8 text."""
    try:
        old = before.read_text(encoding="utf-8").splitlines()
        new = after.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return None
    lines = difflib.unified_diff(old, new, f"before/{name}", f"after/{name}", n=2, lineterm="")
    shown = []
    for line in lines:
        if len(shown) == EXCERPT:
            shown.append("...")
            break
        shown.append(line if len(line) <= WIDTH else line[:WIDTH] + " [...]")
    return shown


def report(community: str, comparison: Comparison, before: Path, after: Path) -> None:
    """Print what differs in one audience's site: missing files, differing files with the
    offset of their first differing byte, and a diff excerpt of the first text file."""
    listed = [
        *(f"only before: {name}" for name in comparison.only_before),
        *(f"only after:  {name}" for name in comparison.only_after),
    ]
    for name in comparison.differing:
        old, new = (before / name).read_bytes(), (after / name).read_bytes()
        offset = _first_difference(old, new)
        listed.append(f"differs:     {name} (from byte {offset}; {len(old)} -> {len(new)} bytes)")
    total = len(listed)
    print(f"\n{community} / {comparison.audience}: {total} file(s) differ or are missing")
    for line in listed[:SHOWN]:
        print(f"  {line}")
    if total > SHOWN:
        print(f"  ... and {total - SHOWN} more")
    for name in comparison.differing:
        shown = excerpt(name, before / name, after / name)
        if shown is not None:
            print(f"\n  first differing text file, {name}:")
            print("\n".join(f"    {line}" for line in shown))
            break


def _environment(checkout: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(checkout)}


def _check_imports(checkout: Path) -> None:
    """Stop unless `checkout`'s own rse_build is the one its builds import: a side that fell back
    on the installed rse would compare the wrong code and still report identical sites."""
    found = subprocess.run(
        [sys.executable, "-c", "import rse_build; print(rse_build.__file__)"],
        env=_environment(checkout),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if Path(found).resolve().parent.parent != checkout.resolve():
        sys.exit(f"with PYTHONPATH={checkout}, Python imports rse_build from {found}, not from {checkout}")


def build(checkout: Path, prepared: Path, work: Path, site: Path) -> Build:
    """Build every audience of a fresh copy of `prepared` at `work` with `checkout`'s rse."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(prepared, work, symlinks=True)
    command = [sys.executable, "-m", "rse_build", "build", "--all-audiences", "--site-dir", str(site)]
    seconds, peak, _ = run(command, work, capture=True, env=_environment(checkout))
    return Build(site, seconds, peak)


def prepare_demo(target: Path, checkout: Path) -> None:
    """This repository's demo replayed into `target`, reading content/ with `checkout`'s rse."""
    subprocess.run(
        [sys.executable, str(ROOT / "docs" / "replay_demo.py"), str(target)],
        env=_environment(checkout),
        stdout=subprocess.DEVNULL,
        check=True,
    )


def audiences(*sites: Path) -> list[str]:
    return sorted({child.name for site in sites if site.is_dir() for child in site.iterdir()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="A checkout of the rse to compare with.")
    parser.add_argument(
        "--after", type=Path, default=ROOT, help="The rse to compare (default: this checkout)."
    )
    parser.add_argument("--notes", type=int, default=1000, help="Notes of the generated community.")
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("--public-every", type=int, default=4, help="Label every n-th page public.")
    parser.add_argument("--workdir", type=Path, help="Where to build (e.g. /dev/shm; default: temp).")
    parser.add_argument("--keep", action="store_true", help="Keep the communities and sites.")
    args = parser.parse_args()
    before_root, after_root = args.before.resolve(), args.after.resolve()
    for checkout in (before_root, after_root):
        _check_imports(checkout)
    tmp = Path(tempfile.mkdtemp(prefix="same-site-", dir=args.workdir))
    communities = {
        "demo": lambda target: prepare_demo(target, after_root),
        f"generated-{args.notes}": lambda target: prepare(
            target, args.notes, args.people, args.groups, public_every=args.public_every
        ),
    }
    timings: list[tuple[str, Build, Build]] = []
    results: list[tuple[str, Comparison]] = []
    try:
        print(f"before: {before_root}\nafter:  {after_root}\nin:     {tmp}", flush=True)
        for name, make in communities.items():
            folder = tmp / name
            make(folder / "prepared")
            old = build(before_root, folder / "prepared", folder / "community", folder / "site-before")
            new = build(after_root, folder / "prepared", folder / "community", folder / "site-after")
            timings.append((name, old, new))
            for audience in audiences(old.site, new.site):
                comparison = compare(audience, old.site / audience, new.site / audience)
                results.append((name, comparison))
                if not comparison.same:
                    report(name, comparison, old.site / audience, new.site / audience)
        print(f"\n{'community':<16} {'audience':<10} {'files':>7} {'bytes':>12}  result")
        for name, c in results:
            print(
                f"{name:<16} {c.audience:<10} {c.files:>7} {c.size:>12,}  {'same' if c.same else 'DIFFERENT'}"
            )
        print(f"\n{'community':<16} {'before s':>9} {'after s':>8} {'after/before':>13}", end="")
        print(f" {'MiB before':>11} {'after':>6}")
        for name, old, new in timings:
            print(
                f"{name:<16} {old.seconds:>9.1f} {new.seconds:>8.1f} {new.seconds / old.seconds:>13.2f} "
                f"{old.peak_mib:>11.0f} {new.peak_mib:>6.0f}"
            )
    finally:
        if args.keep:
            print(f"\nkept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if not results or not all(c.same for _, c in results):
        sys.exit(1)
    print("\nevery site is byte-identical")


if __name__ == "__main__":
    main()
