"""The people directory's filter in a real browser (Debian's Chromium, headless)."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading

import pytest

from tests.conftest import SMALL
from tests.test_build import rse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--virtual-time-budget=3000",
]


@pytest.fixture
def served(make_community, tmp_path):
    community = make_community(SMALL)
    assert rse(community, "build").exit_code == 0
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(community.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", tmp_path
    server.shutdown()


def dom(url: str, profile) -> str:
    assert CHROMIUM, "Debian's chromium is needed: apt-get install chromium (.ci/run installs it)"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_directory_filter_narrows_by_skill_and_lists_everyone_without_it(served):
    base, tmp = served
    everyone = dom(f"{base}/people/", tmp / "p1")
    assert everyone.count('class="rse-card rse-person"') == 3
    assert " hidden" not in everyone.split("rse-directory")[1]  # nobody hidden without a filter
    kafka = dom(f"{base}/people/?skill=kafka", tmp / "p2")
    cards = kafka.split("rse-directory")[1].split("<li ")[1:]
    shown = [c for c in cards if "hidden" not in c.split(">")[0]]
    assert len(shown) == 1 and "Ada Lovelace" in shown[0]
    assert "1 of 3 people" in kafka
