"""`rse serve`'s search index above the search threshold, made in the background: the browser
reloads as soon as the rebuilt pages are written, and Pagefind's index of the whole site (4 to
8 s at 10,000 notes) follows.

A new build stops an index still being made, since the pages it reads are about to change. The
new bundle is written beside the served one and renamed into its place, so a search never reads
half a bundle.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
from pathlib import Path

from rse_build.i18n import Translator
from rse_build.search import BUNDLE, SearchIndexFailed, finish_index, start_index

log = logging.getLogger("mkdocs.rse")

NEXT = ".pagefind-next"
PREVIOUS = ".pagefind-previous"


class BackgroundIndex:
    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False

    def start(self, site_dir: Path, language: str, t: Translator) -> None:
        """Pagefind on `site_dir` in the background; what fails is logged (the preview goes on)."""
        self.stop()
        shutil.rmtree(site_dir / NEXT, ignore_errors=True)
        try:
            process = start_index(site_dir, language, site_dir / NEXT)
        except SearchIndexFailed as error:
            log.error(error.said(t))
            return
        self._process, self._stopping = process, False
        self._thread = threading.Thread(target=self._finish, args=(process, site_dir, t), daemon=True)
        self._thread.start()

    def _finish(self, process: subprocess.Popen[str], site_dir: Path, t: Translator) -> None:
        try:
            finish_index(process)
            if not self._stopping:
                _swap(site_dir)
        except SearchIndexFailed as error:
            if not self._stopping:
                log.error(error.said(t))
        except OSError as error:  # the served folder went away, or cannot be written
            log.error(t("environment.search_index", output=str(error)))
        finally:
            shutil.rmtree(site_dir / NEXT, ignore_errors=True)

    def wait(self) -> None:
        """Until the index being made, if any, is in place."""
        if self._thread is not None:
            self._thread.join()
        self._thread = self._process = None

    def stop(self) -> None:
        """The index being made, if any, abandoned."""
        if self._process is not None and self._process.poll() is None:
            self._stopping = True
            self._process.kill()
        self.wait()


def _swap(site_dir: Path) -> None:
    """The new bundle in the served one's place (two renames: never half a bundle)."""
    bundle, previous = site_dir / BUNDLE, site_dir / PREVIOUS
    shutil.rmtree(previous, ignore_errors=True)
    if bundle.exists():
        bundle.rename(previous)
    (site_dir / NEXT).rename(bundle)
    shutil.rmtree(previous, ignore_errors=True)
