"""Search that stays light: above a number of notes, a chunked Pagefind index replaces
Material's single `search_index.json` (about 7 KB a page, downloaded whole at the first query).

Pagefind reads the built site, so it indexes exactly the pages of this audience's site, and a
reader's first query downloads only the index chunks it needs. The binary ships in the
`pagefind[bin]` wheel: nothing is fetched at build time.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from rse_build.errors import EnvironmentProblem

BUNDLE = "pagefind"
# The element Material wraps a page's content in: navigation, header and footer stay out.
ROOT_SELECTOR = "article.md-content__inner"


class SearchIndexFailed(EnvironmentProblem):
    """Pagefind could not index the site (or could not start); the message holds what it printed."""


@dataclass(frozen=True, slots=True)
class SearchChoice:
    chunked: bool
    notes: int
    threshold: int


def choose(notes: int, threshold: int) -> SearchChoice:
    """Material's search up to `threshold` notes (inclusive), Pagefind above it."""
    return SearchChoice(notes > threshold, notes, threshold)


def _executable() -> Path:
    from pagefind_bin import get_executable

    return Path(get_executable())


def index_site(site_dir: Path, language: str) -> None:
    """Write `site_dir/pagefind/`: the index chunks, the wasm search and the UI script. An
    earlier index there goes first: Pagefind adds to a bundle, and a fragment of a page since
    removed would still be found."""
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
    finish_index(start_index(site_dir, language, site_dir / BUNDLE))


def start_index(site_dir: Path, language: str, output: Path) -> subprocess.Popen[str]:
    """Pagefind started on `site_dir`, writing its bundle into `output` (a new folder)."""
    try:
        return subprocess.Popen(
            _command(site_dir, language, output), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    except OSError as error:  # the binary is missing or cannot run
        raise SearchIndexFailed("environment.search_index", output=str(error)) from None


def finish_index(process: subprocess.Popen[str]) -> None:
    """Waits for Pagefind; what it printed when it failed."""
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        if output := (stderr or stdout).strip():
            raise SearchIndexFailed("environment.search_index", output=output)
        raise SearchIndexFailed("environment.search_index_exit", code=process.returncode)


def _command(site_dir: Path, language: str, output: Path) -> list[str]:
    return [
        str(_executable()),
        "--site",
        str(site_dir),
        "--output-path",
        str(output),
        "--root-selector",
        ROOT_SELECTOR,
        "--force-language",
        language,
        "--silent",
    ]
