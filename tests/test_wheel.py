"""rse as a company installs it: the rse-build wheel alone, in a fresh virtual environment, away
from the source tree; then a new community of 200 imported people passes the commands of the CI
files `rse init` wrote, read from those files (one virtual environment per test session)."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import git
import pytest
import yaml

from rse_build import __version__
from tests.conftest import REPO_ROOT, Community

FIRST = [
    "Amélie", "Thomas", "Chloé", "Karim", "Sofía", "Nguyễn", "Zoë", "François", "Ingrid", "Mamadou",
    "Hélène", "Łukasz", "Priya", "Yusuf", "Ana", "Björn", "Léa", "Oğuz", "Marie-Claire", "Siobhán",
]  # fmt: skip
LAST = [
    "Dubois", "Martin", "Nguyen", "Benali", "García", "O'Brien", "Müller", "Lefèvre", "Kowalski", "Diallo",
    "Da Silva", "Rossi", "Zhang", "Haddad", "Moreau", "Ramanathan", "Petit", "Van der Berg", "Öztürk", "Roux",
]  # fmt: skip
ROLES = ["Data engineer", "Chef de projet", "Sales manager", "Technicienne de maintenance", "UX designer"]
TEAMS = ["Data Platform", "Ventes Sud-Est", "Finance", "Ressources humaines", "Usine Grenoble", "Support"]
SITES = ["Lyon", "Grenoble", "Toulouse", "Paris La Défense", "Saint-Étienne"]
DOMAINS = ["acme.example", "acme-group.example", "fr.acme.example", "acme-industrie.example"]
FOUNDER = ("Inès Garcia", "ines.garcia@acme.example")
WHERE = "import importlib.metadata as m, rse_build; print(rse_build.__file__, m.version('rse-build'))"


@dataclass(frozen=True, slots=True)
class Installed:
    """A virtual environment holding rse from its wheel only, and the folder that wheel is in."""

    venv: Path
    dist: Path

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a CI runner where this venv's `pip`, `python` and `rse` come first."""
        env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"}}
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        # The wheel's folder stands in for the company's package registry.
        env["PIP_FIND_LINKS"] = f"{self.dist} {env.get('PIP_FIND_LINKS', '')}".strip()
        return {**env, **extra}

    def run(self, command: list[str] | str, cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
        """A program, or a CI step's script (a string, run as GitHub and GitLab run it: `bash -e`)."""
        argv = ["bash", "-e", "-c", command] if isinstance(command, str) else command
        return subprocess.run(argv, cwd=cwd, env=self.env(**extra), capture_output=True, text=True)


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    dist, venv = base / "dist", base / "venv"
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO_ROOT)], check=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    (wheel,) = dist.glob("rse_build-*.whl")
    here = Installed(venv, dist)
    result = here.run(["pip", "install", "-q", str(wheel)], cwd=base)
    assert result.returncode == 0, result.stderr
    return here


def staff_csv(path: Path, count: int = 200) -> Path:
    """A directory export of `count` people with varied, accented names and several domains."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["name", "email", "role", "team", "site"])
        for i in range(count):
            first, last = FIRST[i % 20], LAST[(i // 20 + 3 * (i % 20)) % 20]
            local = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
            local = re.sub(r"[^a-z.-]", "", local.lower().replace(" ", "-"))
            email = f"{local}@{DOMAINS[i % len(DOMAINS)]}"
            writer.writerow([f"{first} {last}", email, ROLES[i % 5], TEAMS[i % 6], SITES[i % 5]])
    return path


@dataclass(frozen=True, slots=True)
class Started:
    """A community made with the installed rse: `main` on its origin, and a branch importing staff."""

    origin: Path
    branch: str
    imported: tuple[str, ...]


@pytest.fixture(scope="module")
def started(installed, tmp_path_factory) -> Started:
    base = tmp_path_factory.mktemp("company")
    root = base / "acme-network"
    name, email = FOUNDER
    made = installed.run(
        ["rse", "init", str(root), "--name", "Acme network", "--founder", name, "--email", email], cwd=base
    )
    assert made.returncode == 0, made.stdout + made.stderr
    community = Community(root, git.Repo.init(root, initial_branch="main"))
    community.commit("Start our community", author=f"{name} <{email}>")
    founder = {p.stem for p in (root / "content/people").glob("*.md")}
    origin = base / "origin.git"
    git.Repo.init(origin, bare=True, initial_branch="main")
    community.repo.create_remote("origin", str(origin)).push("main").raise_if_error()
    community.repo.git.switch("-c", "import-staff")
    imported = installed.run(["rse", "import", "people", str(staff_csv(base / "staff.csv"))], cwd=root)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    handles = tuple(sorted({p.stem for p in (root / "content/people").glob("*.md")} - founder))
    assert len(handles) == 200, imported.stdout
    community.commit("Import the staff directory", author=f"{name} <{email}>")
    community.repo.remote("origin").push("import-staff").raise_if_error()
    return Started(origin, "import-staff", handles)


def clone(started: Started, target: Path) -> Path:
    """What a CI runner checks out: the merge request's branch, whole history, origin/main known."""
    git.Repo.clone_from(str(started.origin), target, branch=started.branch)
    return target


def test_the_wheel_alone_carries_rse(installed, tmp_path):
    located = installed.run(["python", "-c", WHERE], cwd=tmp_path)
    assert located.returncode == 0, located.stderr
    module, version = located.stdout.split()
    assert Path(module).is_relative_to(installed.venv)
    assert not Path(module).is_relative_to(REPO_ROOT)
    assert version == __version__
    shown = installed.run(["rse", "--version"], cwd=tmp_path)
    assert shown.returncode == 0 and __version__ in shown.stdout
    (wheel,) = installed.dist.glob("*.whl")
    assert wheel.name == f"rse_build-{__version__}-py3-none-any.whl"
    packed = set(zipfile.ZipFile(wheel).namelist())
    tracked = git.Repo(REPO_ROOT).git.ls_files("rse_build").splitlines()
    shipped = {path for path in tracked if (REPO_ROOT / path).is_file()}
    assert {p for p in shipped if not p.endswith(".py")} >= {
        "rse_build/theme/rse/person.html",
        "rse_build/starter/common/dot-github/workflows/rse.yml",
        "rse_build/starter/fr/CONTRIBUTING.md",
    }
    assert shipped - packed == set()


def test_rse_init_pins_the_distribution_and_says_how_to_install_it(started, tmp_path):
    root = clone(started, tmp_path / "checkout")
    lines = (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == [f"rse-build=={__version__}"]
    comments = "\n".join(lines)
    assert "# --index-url https://" in comments
    assert re.search(rf"^# rse-build @ git\+https://\S+/rse\.git@v{re.escape(__version__)}$", comments, re.M)
    assert "rse==" not in comments
    assert "emails: [you@example.com]" in (root / "CONTRIBUTING.md").read_text(encoding="utf-8")


def expand(text: str, values: dict[str, str]) -> str:
    """GitHub's `${{ name }}` expressions, for the names the test plays; any other is a failure."""

    def value(match: re.Match[str]) -> str:
        assert match[1] in values, f"the test does not play the expression {match[0]}"
        return values[match[1]]

    return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", value, text)


def github_steps(workflow: dict, event: str) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(job, script, env) of every `run` step the event runs, each matrix value in turn."""
    for name, job in workflow["jobs"].items():
        condition = re.fullmatch(
            r"github\.event_name (==|!=) '(\w*)'", job.get("if", "github.event_name != ''")
        )
        assert condition, f"the test does not play the condition of job {name}: {job.get('if')}"
        if (event == condition[2]) != (condition[1] == "=="):
            continue
        matrix = job.get("strategy", {}).get("matrix", {"_": [""]})
        ((key, values),) = matrix.items()
        for value in values:
            context = {"github.base_ref": "main", f"matrix.{key}": str(value)}
            for step in job["steps"]:
                if "run" in step:
                    env = {
                        k: expand(str(v), context)
                        for k, v in {**workflow["env"], **step.get("env", {})}.items()
                    }
                    yield f"{name} {value}".strip(), expand(step["run"], context), env


def test_the_github_workflow_passes_after_importing_200_people(installed, started, tmp_path):
    root = clone(started, tmp_path / "github")
    workflow = yaml.safe_load((root / ".github/workflows/rse.yml").read_text(encoding="utf-8"))
    ran = []
    for event in ("pull_request", "push"):
        for job, script, env in github_steps(workflow, event):
            result = installed.run(script, cwd=root, CI="true", GITHUB_ACTIONS="true", **env)
            assert result.returncode == 0, f"{job}: {script}\n{result.stdout}\n{result.stderr}"
            ran.append(script)
    assert any(s.startswith("rse check --changed-since") for s in ran)
    assert "rse build --all-audiences --strict --site-dir out" in ran
    for audience in ("public", "internal"):
        assert_site(root / "out" / audience, audience, started)
    guide = (root / "out/internal/notes/how-to-contribute/index.html").read_text(encoding="utf-8")
    assert "you@example.com" in guide


def gitlab_jobs(pipeline: dict, variables: dict[str, str]) -> Iterator[tuple[str, list[str], dict[str, str]]]:
    """(job, script lines, variables) of every job the pipeline runs, stage by stage, matrix
    values in turn; `rules: - if:` comparisons of variables and strings are played."""
    jobs = {
        k: v for k, v in pipeline.items() if isinstance(v, dict) and "script" in v and not k.startswith(".")
    }
    for stage in pipeline["stages"]:
        for name, job in jobs.items():
            if job["stage"] != stage:
                continue
            if "rules" in job and not any(_rule_holds(r["if"], variables) for r in job["rules"]):
                continue
            template = pipeline.get(job.get("extends", ""), {})
            script = [*template.get("before_script", []), *job.get("before_script", []), *job["script"]]
            for matrix in job.get("parallel", {}).get("matrix", [{}]) or [{}]:
                ((key, values),) = matrix.items() if matrix else (("_", [""]),)
                for value in values:
                    yield f"{name} {value}".strip(), script, {**variables, key: str(value)}


def _rule_holds(condition: str, variables: dict[str, str]) -> bool:
    sides = condition.split(" == ")
    assert len(sides) == 2, f"the test does not play the rule {condition}"
    left, right = (variables.get(s[1:], "") if s.startswith("$") else s.strip("\"'") for s in sides)
    return left == right


def test_the_gitlab_pipeline_passes_after_importing_200_people(installed, started, tmp_path):
    root = clone(started, tmp_path / "gitlab")
    pipeline = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    ci = {"CI": "true", "GITLAB_CI": "true", "CI_PROJECT_DIR": str(root), "CI_DEFAULT_BRANCH": "main"}
    defined = {k: str(v).replace("$CI_PROJECT_DIR", str(root)) for k, v in pipeline["variables"].items()}
    events = (
        {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"},
        {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main"},
    )
    ran = []
    for event in events:
        for job, script, variables in gitlab_jobs(pipeline, {**ci, **defined, **event}):
            result = installed.run("\n".join(script), cwd=root, **variables)
            assert result.returncode == 0, f"{job}:\n{result.stdout}\n{result.stderr}"
            ran.append(job)
    assert ran == ["check", "site public", "site internal", "pages"]
    assert isinstance(json.loads((root / "gl-code-quality-report.json").read_text()), list)
    for audience in ("public", "internal"):
        assert_site(root / "out" / audience, audience, started)
    assert_site(root / "sites/public", "public", started)
    assert_site(root / "public", "internal", started)  # GitLab Pages serves the default audience


def assert_site(site: Path, audience: str, started: Started) -> None:
    """A built site: the internal one holds the 200 imported profiles, the public one none."""
    stats = json.loads((site / "stats.json").read_text(encoding="utf-8"))
    shown = {h for h in started.imported if (site / "people" / h / "index.html").is_file()}
    if audience == "internal":
        assert stats["community"]["people"] == 201
        assert shown == set(started.imported)
    else:
        assert shown == set()
    assert (site / "index.html").is_file()
