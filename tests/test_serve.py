"""`rse serve` shows the same site on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@contextmanager
def serving(root: Path, log: Path, *options: str) -> Iterator[str]:
    """`rse serve` in `root`, its output in `log`; yields the base URL, stops it afterwards."""
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "rse_build", "serve", *options, "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_shows_profiles_and_notes(make_community, tmp_path):
    community = make_community()
    log = tmp_path / "serve.log"
    with serving(community.root, log) as base:
        deadline = time.monotonic() + 60
        profile = fetch(f"{base}/people/ada-lovelace/", deadline)
        assert "Ada Lovelace" in profile and "Data engineer" in profile
        note = fetch(f"{base}/groups/data-platform/kafka-tuning/", deadline)
        assert "Tuning Kafka consumers" in note
        assert "Secret draft" not in fetch(f"{base}/", deadline)
    assert "Traceback" not in log.read_text()


def test_serve_previews_one_audience(make_community, tmp_path):
    files = {
        "content/people/ada.md": "---\nname: Ada\nskills: [x]\naudience: public\n---\n",
        "content/people/bob.md": "---\nname: Bob Hidden\nskills: [x]\n---\n",
    }
    community = make_community(files)
    log = tmp_path / "serve.log"
    with serving(community.root, log, "--audience", "public") as base:
        deadline = time.monotonic() + 60
        assert "Ada" in fetch(f"{base}/people/", deadline)
        assert "Bob Hidden" not in fetch(f"{base}/people/", deadline)
        try:
            fetch(f"{base}/people/bob/", time.monotonic())
            raise AssertionError("a hidden profile was served")
        except urllib.error.HTTPError as error:
            assert error.code == 404
    assert "Traceback" not in log.read_text()


def test_a_body_edit_rebuilds_one_page_and_a_title_edit_the_site_from_the_cache(make_community, tmp_path):
    community = make_community()
    log = tmp_path / "serve.log"
    note = community.root / "content/notes/welcome-note.md"
    with serving(community.root, log) as base:
        deadline = time.monotonic() + 60
        url = f"{base}/notes/welcome-note/"
        assert "Welcome note" in fetch(url, deadline)
        community.write("content/notes/welcome-note.md", note.read_text() + "\nzqservedword\n")
        while "zqservedword" not in fetch(url, deadline):
            assert time.monotonic() < deadline, "the change was not rebuilt"
            time.sleep(0.3)
        community.write(
            "content/notes/welcome-note.md", note.read_text().replace("Welcome note", "Welcome, new title")
        )
        while "Welcome, new title" not in fetch(f"{base}/", deadline):
            assert time.monotonic() < deadline, "the title was not rebuilt"
            time.sleep(0.3)
    text = log.read_text()
    assert "rebuilt 1 page: notes/welcome-note.md" in text, text
    lines = [line for line in text.splitlines() if "rse: history of" in line]
    commits = len(list(community.repo.iter_commits()))
    assert commits == 1
    # The first build reads the history; the body edit reads nothing; the title edit rebuilds
    # the site, its commits and file facts from the cache (same HEAD).
    assert len(lines) == 2, text
    assert f"history of {commits} commit, {commits} read from git" in lines[0]
    assert lines[-1].endswith(f"history of {commits} commit, 0 read from git (the rest from .rse-cache)")
    assert "Traceback" not in text


def test_a_mistake_made_while_serving_is_told_where_it_is_and_the_preview_goes_on(make_community, tmp_path):
    community = make_community()
    log = tmp_path / "serve.log"
    note = community.root / "content/notes/welcome-note.md"
    good = note.read_text()
    with serving(community.root, log) as base:
        deadline = time.monotonic() + 60
        url = f"{base}/notes/welcome-note/"
        assert "Welcome note" in fetch(url, deadline)
        note.write_text(good.replace("title: Welcome note", "title: Welcome note\ntype: essay"))
        while "content/notes/welcome-note.md:" not in log.read_text():
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        note.write_text(good + "\nzqfixedword\n")
        while "zqfixedword" not in fetch(url, deadline):
            assert time.monotonic() < deadline, "the fix was not rebuilt"
            time.sleep(0.3)
    text = log.read_text()
    assert "content/notes/welcome-note.md:3:1: 'type'" in text, text
    assert "Traceback" not in text
