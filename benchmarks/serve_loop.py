"""`rse serve`'s edit loop: from a saved edit to the rebuilt page on disk, to the rebuild's end
(feeds written: the browser reloads) and to Pagefind's index in place (made in the background
above the search threshold), for a body edit (the note's page alone), a title edit and a new
note (the pages whose inputs changed), with how many pages each rebuilt, on generated
communities of 1,000, 5,000 and 10,000 notes (2,000 people, 200 groups), built in this process
as `rse serve` builds them (tests/test_preview.py checks the site is what a clean build makes).

Figures are from one run on this machine, never limits: tests do not assert on time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from build_ratio import prepare

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

SERVE_URL = "http://127.0.0.1:8000/"
EDITS = ("body edit", "title edit", "new note")


def loop(root: Path) -> dict[str, float]:
    from mkdocs.config import load_config

    from rse_build.mkdocs_adapter import parallel as parallel_module
    from rse_build.mkdocs_adapter import preview as preview_module
    from rse_build.mkdocs_adapter.preview import Preview
    from rse_build.mkdocs_adapter.run import _serve_environment, _source_date
    from rse_build.site import BuildOptions

    def get_config():
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "served"))
        config.site_url = SERVE_URL
        return config

    figures: dict[str, float] = {}
    # When a body edit's pages are on disk: the search index (Pagefind's, above the search
    # threshold) is made after them, before the browser reloads.
    written: list[float] = []
    set_entries = preview_module.set_search_entries

    def pages_written(site):
        written.append(time.perf_counter())
        set_entries(site)

    preview_module.set_search_entries = parallel_module.set_search_entries = pages_written
    os.chdir(root)
    try:
        with _serve_environment(BuildOptions(from_rse=True)), _source_date(root / "mkdocs.yml"):
            preview = Preview(get_config, SERVE_URL)
            start = time.perf_counter()
            preview()
            preview.settle()
            figures["first"] = time.perf_counter() - start
            note = sorted((root / "content" / "notes").rglob("*.md"))[0]
            page = root / "served" / note.relative_to(root / "content").with_suffix("") / "index.html"
            edits = {
                "body edit": lambda: note.write_text(note.read_text() + "\nzqbody\n"),
                "title edit": lambda: note.write_text(
                    note.read_text().replace("title: ", "title: Retitled ", 1)
                ),
                "new note": lambda: (root / "content/notes/brand-new.md").write_text(
                    "---\ntitle: Brand new\ntags: [kafka]\n---\nNew.\n"
                ),
            }
            for name, edit in edits.items():
                edit()
                written.clear()
                start = time.perf_counter()
                preview()
                figures[name] = time.perf_counter() - start
                preview.settle()
                figures[f"{name} indexed"] = time.perf_counter() - start
                figures[f"{name} on disk"] = written[0] - start
                figures[f"{name} pages"] = len(preview.rebuilt or ())
            figures["pages"] = len(preview.served.site.doc_files)
            assert "zqbody" in page.read_text()
    finally:
        preview_module.set_search_entries = parallel_module.set_search_entries = set_entries
        os.chdir(HERE)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, nargs="+", default=[1_000, 5_000, 10_000])
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--workdir", help="where to generate the communities (e.g. /dev/shm)")
    args = parser.parse_args()
    print(
        f"{'notes':>6} {'pages':>6} {'first s':>8} "
        + " ".join(f"{edit + ' on disk / reload / indexed s':>36} {'pages':>6}" for edit in EDITS),
        flush=True,
    )
    for notes in args.notes:
        with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
            root = Path(tmp)
            prepare(root, notes, args.people, args.groups)
            m = loop(root)
        print(
            f"{notes:>6} {m['pages']:>6} {m['first']:>8.1f} "
            + " ".join(
                f"{m[edit + ' on disk']:>14.2f} {m[edit]:>10.2f} {m[edit + ' indexed']:>10.2f} "
                f"{m[edit + ' pages']:>6}"
                for edit in EDITS
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
