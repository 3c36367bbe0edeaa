"""Screenshots of the demo site for the README: home, a profile, a group, a note and the
dashboard, at 1280 and 390 pixels wide, in Debian's Chromium driven by Playwright
(`nox -s screenshots`). The demo is built from a replayed history (replay_demo.py), so pages
show the activity a living community has."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from replay_demo import replay

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "",
    "profile": "people/camille-roux/",
    "group": "groups/data-platform/",
    "note": "groups/data-platform/kafka-consumer-tuning/",
    "dashboard": "stats/",
}
WIDTHS = {1280: 900, 390: 844}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Debian's chromium is needed: apt-get install chromium")
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        demo = replay(Path(tmp) / "demo")
        site = demo / "site"
        subprocess.run([sys.executable, "-m", "rse_build", "build"], cwd=demo, check=True)
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for width, height in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    target = out / f"{name}-{width}.png"
                    page.screenshot(path=str(target))
                    print(f"wrote {target.relative_to(ROOT)}")
                page.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
