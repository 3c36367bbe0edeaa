"""A site directory replaced in one step: built beside the target, swapped in on success.

A failed build leaves the previous site as it was, byte for byte; two builds at once each
write their own staging folder, and the swaps take turns under a lock on the parent folder.
The previous site is removed by a detached process once the new one is in place: deleting
12,000 pages took seconds, and nobody needs to wait for it.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rse_build.errors import EnvironmentProblem


class OutputProblem(EnvironmentProblem):
    """The site directory cannot be written (permissions, a file in the way)."""


def _sibling(target: Path, kind: str) -> Path:
    return target.parent / f".{target.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def _remove_in_background(folders: list[Path]) -> None:
    """Delete `folders` in a process of its own that outlives this one; a folder left by a
    killed deleter is swept by the next build."""
    if not folders:
        return
    # The shell starts rm in the background and exits at once: rm is nobody's child to wait for.
    subprocess.run(
        ["sh", "-c", 'rm -rf -- "$@" </dev/null >/dev/null 2>&1 &', "rse-cleanup", *map(str, folders)],
        check=False,
        start_new_session=True,
    )


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


@contextmanager
def replaced_atomically(target: Path) -> Iterator[Path]:
    """Yield an empty staging folder beside `target`; when the block succeeds, the staging
    folder becomes `target` and the previous site is removed (in the background). When it fails, the staging
    folder is removed and `target` is untouched."""
    target = target.absolute()
    if target.exists() and not target.is_dir():
        raise OutputProblem("environment.output_is_a_file", path=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = _sibling(target, "building")
        staging.mkdir()  # mkdir, not mkdtemp: the site keeps the umask's permissions
    except OSError as error:
        raise OutputProblem(
            "environment.output_cannot_write", path=str(target), reason=error.strerror or str(error)
        ) from None
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = _sibling(target, "previous")
    with _locked(target.parent):
        try:
            if target.exists():
                os.rename(target, previous)
            os.rename(staging, target)
        except OSError as error:
            if previous.exists() and not target.exists():
                os.rename(previous, target)
            shutil.rmtree(staging, ignore_errors=True)
            raise OutputProblem(
                "environment.output_cannot_replace", path=str(target), reason=error.strerror or str(error)
            ) from None
    _remove_in_background(sorted(target.parent.glob(f".{target.name}.previous-*")))
