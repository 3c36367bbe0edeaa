"""`rse init DIR`: a new community repository that builds, checks and publishes out of the box.

The files come from `rse_build/starter/` (`common/` plus one language folder); names that
start with `dot-` are written with a leading dot (package data keeps no dotfiles). Templates
use `<< >>` for values, so GitHub's `${{ }}` expressions pass through untouched. The new
community holds no copy of rse's templates or hooks: it pins `rse-build==<this version>` in
requirements.txt, and upgrading rse is changing that pin.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from rse_build import __version__
from rse_build.codeowners import codeowners_block
from rse_build.errors import EnvironmentProblem
from rse_build.ids import suggest_id
from rse_build.model import Group, GroupFields, Person, PersonFields, Source
from rse_build.scaffold import front_matter_text

LABELS = {
    "en": {
        "dark_mode": "Switch to dark mode",
        "light_mode": "Switch to light mode",
        "role": "Community animator",
        "bio": "I started this community network: ask me anything about it.\n",
        "team_name": "Community team",
        "first_group": "community",
        "skill": "community-management",
    },
    "fr": {
        "dark_mode": "Passer en mode sombre",
        "light_mode": "Passer en mode clair",
        "role": "Animation de la communauté",
        "bio": "J'ai lancé ce réseau : n'hésitez pas à me poser vos questions.\n",
        "team_name": "Équipe communauté",
        "first_group": "communaute",
        "skill": "animation-de-communauté",
    },
}


class StarterProblem(EnvironmentProblem):
    """The folder cannot receive a new community (not empty, not writable)."""


@dataclass(frozen=True, slots=True)
class Founder:
    """The first profile: the person running `rse init`, animator of the first group."""

    handle: str
    name: str
    email: str | None = None


def founder_from(name: str | None, email: str | None, language: str) -> Founder:
    """From git's user.name and user.email when known, else a team profile to rename."""
    if name and suggest_id(name):
        return Founder(suggest_id(name), name, email or None)
    team = LABELS[language]["team_name"]
    return Founder(suggest_id(team), team, email or None)


def first_group(language: str) -> str:
    """The first group's id, in the community's language: its URL and every `groups:` show it."""
    return LABELS[language]["first_group"]


def _files(folder: resources.abc.Traversable, prefix: str = "") -> list[tuple[str, str]]:
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        name = "." + entry.name.removeprefix("dot-") if entry.name.startswith("dot-") else entry.name
        if entry.is_dir():
            found += _files(entry, f"{prefix}{name}/")
        else:
            found.append((f"{prefix}{name}", entry.read_text(encoding="utf-8")))
    return found


def starter_files(name: str, language: str, founder: Founder) -> dict[str, str]:
    """Every file of the new community, by path."""
    root = resources.files("rse_build") / "starter"
    env = Environment(
        variable_start_string="<<",
        variable_end_string=">>",
        block_start_string="<%",
        block_end_string="%>",
        comment_start_string="<#",
        comment_end_string="#>",
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        autoescape=False,
    )
    values = {
        "name": name,
        "language": language,
        "handle": founder.handle,
        "version": __version__,
        "branch": "main",
        "default_audience": "internal",
        "audiences": ["public", "internal"],
        **LABELS[language],
    }
    files = {}
    for path, text in (*_files(root / "common"), *_files(root / language)):
        files[path] = env.from_string(text).render(values)
    profile = {
        "name": founder.name,
        "role": LABELS[language]["role"],
        "emails": [founder.email] if founder.email else [],
        "skills": [LABELS[language]["skill"]],
        "groups": [first_group(language)],
        "languages": [language],
    }
    person_path = f"content/people/{founder.handle}.md"
    files[person_path] = front_matter_text(profile, LABELS[language]["bio"])
    person = Person(founder.handle, PersonFields.model_validate(profile), "", Source(person_path))
    slug = first_group(language)
    group = Group(slug, GroupFields(title=slug), "", Source(""))
    files["CODEOWNERS"] = codeowners_block(
        [group], {slug: (founder.handle,)}, {founder.handle: person}, "content/"
    )
    return dict(sorted(files.items()))


def create(target: Path, files: dict[str, str]) -> list[Path]:
    """Write the files into `target`, which must be empty or not exist yet."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StarterProblem("init.not_empty", path=str(target))
    written = []
    try:
        for path, text in files.items():
            destination = target / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(text, encoding="utf-8")
            written.append(destination)
    except OSError as error:
        raise StarterProblem(
            "environment.starter_cannot_write", path=str(target), reason=error.strerror or str(error)
        ) from None
    return written
