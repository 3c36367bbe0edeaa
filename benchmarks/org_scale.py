"""What the org chart costs: generated communities of growing size (10,000 people by default,
spans of seven, five levels), each built once in this process, with the time spent making the
reporting lines (`Org.of`) and the chart's view (the fastest of five runs of each), per thousand
people (linear when it stays flat);
then the largest site's org/index.html: its size, and how long Debian's Chromium takes to load it
and to answer a query in its find box.

Figures are ratios and sizes from one run, never limits: tests do not assert on time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import feeds_scale
from build_ratio import prepare

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.sitecheck import served  # noqa: E402


def fastest(name: str, function: Callable[..., Any], repeat: int = 5) -> Callable[..., Any]:
    """`function`, run `repeat` times a call, its fastest run added to SPENT[name]: one run of a
    few milliseconds inside a build of a minute is mostly whichever garbage collection it met."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            result = function(*args, **kwargs)
            best = min(best, time.perf_counter() - start)
        feeds_scale.SPENT[name] += best
        return result

    return wrapper


def build(root: Path, spent: dict[str, float]) -> float:
    from click.testing import CliRunner

    from rse_build import site
    from rse_build.cli import main
    from rse_build.org import Org

    feeds_scale.SPENT.clear()
    original_of, original_chart = Org.of.__func__, site.org_chart
    Org.of = classmethod(fastest("reporting lines", original_of))
    site.org_chart = fastest("chart view", original_chart)
    try:
        start = time.perf_counter()
        os.chdir(root)
        result = CliRunner().invoke(main, ["build", "--site-dir", "site"])
        if result.exit_code != 0:
            sys.exit(result.output)
        seconds = time.perf_counter() - start
    finally:
        Org.of, site.org_chart = classmethod(original_of), original_chart
        os.chdir(HERE)
    spent.update(feeds_scale.SPENT)
    return seconds


def in_chromium(site: Path) -> tuple[float, float, int]:
    """Seconds to load the chart (to the load event) and to answer a query; rows it holds."""
    import shutil

    from playwright.sync_api import sync_playwright

    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(f"{base}org/", wait_until="load")
        loaded = time.perf_counter() - start
        rows = page.locator(".rse-org li").count()
        box = page.locator("[data-rse-org-tools] input[name=who]")
        box.wait_for()
        start = time.perf_counter()
        box.fill("person 9999")
        page.wait_for_function("document.querySelector('[data-rse-org-count]').textContent !== ''")
        found = time.perf_counter() - start
        browser.close()
    return loaded, found, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, nargs="+", default=[2_500, 5_000, 10_000])
    parser.add_argument("--notes", type=int, default=1_000)
    args = parser.parse_args()
    print(f"{'people':>7} {'build s':>8} {'lines ms/1k':>12} {'chart ms/1k':>12}")
    last: tuple[float, float, int, int] | None = None
    for people in args.people:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            prepare(root, args.notes, people, max(10, people // 100))
            spent: dict[str, float] = defaultdict(float)
            seconds = build(root, spent)
            thousands = people / 1000
            print(
                f"{people:>7} {seconds:>8.1f} {spent['reporting lines'] * 1000 / thousands:>12.1f} "
                f"{spent['chart view'] * 1000 / thousands:>12.1f}",
                flush=True,
            )
            if people == max(args.people):
                chart = root / "site/org/index.html"
                last = (*in_chromium(root / "site"), chart.stat().st_size)
    if last is not None:
        loaded, found, rows, size = last
        print(
            f"org/index.html at {max(args.people)} people: {size / 1024 / 1024:.2f} MiB, {rows} rows; "
            f"Chromium loads it in {loaded:.2f} s and answers a query in {found:.2f} s"
        )


if __name__ == "__main__":
    main()
