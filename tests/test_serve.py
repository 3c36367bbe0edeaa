"""`rse serve` shows the same site on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


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


def test_serve_shows_profiles_and_notes(make_community):
    community = make_community()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "rse_build", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=community.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        base = f"http://127.0.0.1:{port}"
        profile = fetch(f"{base}/people/ada-lovelace/", deadline)
        assert "Ada Lovelace" in profile and "Data engineer" in profile
        note = fetch(f"{base}/groups/data-platform/kafka-tuning/", deadline)
        assert "Tuning Kafka consumers" in note
        assert "Secret draft" not in fetch(f"{base}/", deadline)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert b"Traceback" not in output


def test_serve_previews_one_audience(make_community):
    files = {
        "content/people/ada.md": "---\nname: Ada\nskills: [x]\naudience: public\n---\n",
        "content/people/bob.md": "---\nname: Bob Hidden\nskills: [x]\n---\n",
    }
    community = make_community(files)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "rse_build", "serve", "--audience", "public", "-a", f"127.0.0.1:{port}"],
        cwd=community.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        base = f"http://127.0.0.1:{port}"
        assert "Ada" in fetch(f"{base}/people/", deadline)
        assert "Bob Hidden" not in fetch(f"{base}/people/", deadline)
        try:
            fetch(f"{base}/people/bob/", time.monotonic())
            raise AssertionError("a hidden profile was served")
        except urllib.error.HTTPError as error:
            assert error.code == 404
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert b"Traceback" not in output


def test_a_one_note_change_rebuilds_without_reading_history_again(make_community, tmp_path):
    community = make_community()
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "rse_build", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=community.root,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        url = f"http://127.0.0.1:{port}/notes/welcome-note/"
        assert "Welcome note" in fetch(url, deadline)
        community.write(
            "content/notes/welcome-note.md",
            (community.root / "content/notes/welcome-note.md").read_text() + "\nzqservedword\n",
        )
        while "zqservedword" not in fetch(url, deadline):
            assert time.monotonic() < deadline, "the change was not rebuilt"
            time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(timeout=30)
    lines = [line for line in log.read_text().splitlines() if "rse: history of" in line]
    assert len(lines) >= 2, log.read_text()
    commits = len(list(community.repo.iter_commits()))
    assert commits == 1
    assert f"history of {commits} commit, {commits} read from git" in lines[0]
    # The rebuild after the edit (same HEAD) takes the commits and file facts from the cache.
    assert lines[-1].endswith(f"history of {commits} commit, 0 read from git (the rest from .rse-cache)")
    assert "Traceback" not in log.read_text()
