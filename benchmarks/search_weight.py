"""What a reader downloads for a first search, at 10,000 notes: Material's single index
against Pagefind's chunks, measured in Debian's Chromium (Playwright with executable_path).

One generated community (generate.py, no history needed) is built twice in one run: with
Material's search (threshold above the note count) and with Pagefind (the default threshold).
For each, the bytes of every search request the first query makes are summed.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from build_ratio import HOOK, RSE_YML
from generate import generate
from playwright.sync_api import sync_playwright

WORD = "kafka"  # generate.py's vocabulary: found in many notes


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def first_query_bytes(site: Path, chromium: str) -> tuple[int, int]:
    """Bytes fetched for search by a first query (index, worker or wasm, chunks, results),
    and the number of results shown."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: list[int] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()

        def record(request) -> None:
            if "/pagefind/" in request.url or "/search/" in request.url or "/workers/" in request.url:
                fetched.append(request.sizes()["responseBodySize"])

        if (site / "pagefind").is_dir():
            page.goto(base + "search/")
            page.on("requestfinished", record)
            page.locator(".pagefind-ui__search-input").fill(WORD)
            page.locator(".pagefind-ui__result").first.wait_for(timeout=120_000)
            page.wait_for_load_state("networkidle")
            shown = page.locator(".pagefind-ui__result").count()
        else:
            page.on("requestfinished", record)
            page.goto(base)
            field = page.locator("input.md-search__input")
            field.click()
            for _attempt in range(120):
                field.fill("")
                field.press_sequentially(WORD)
                if page.locator(".md-search-result__item").count():
                    break
                page.wait_for_timeout(1_000)
            shown = page.locator(".md-search-result__item").count()
        browser.close()
    server.shutdown()
    return sum(fetched), shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Debian's chromium is needed: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.notes, args.people, args.groups)
        (root / "hooks").mkdir()
        shutil.copy(HOOK, root / "hooks" / "rse.py")
        print(f"{'search':>9} {'index on disk':>14} {'first query':>12} {'results':>8}")
        for name, threshold in (("material", args.notes + 1), ("pagefind", 0)):
            (root / "mkdocs.yml").write_text(RSE_YML + f"extra:\n  rse:\n    search_threshold: {threshold}\n")
            site = root / f"site-{name}"
            subprocess.run(
                [sys.executable, "-m", "rse_build", "build", "--no-history", "--site-dir", str(site)],
                cwd=root,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            folder = site / ("pagefind" if name == "pagefind" else "search")
            on_disk = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
            downloaded, shown = first_query_bytes(site, chromium)
            print(
                f"{name:>9} {on_disk / 1024 / 1024:>11.1f} MB {downloaded / 1024:>9.0f} KB {shown:>8}",
                flush=True,
            )


if __name__ == "__main__":
    main()
