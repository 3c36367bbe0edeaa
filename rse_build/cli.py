"""The `rse` command: the only place that prints and chooses exit codes.

Exit codes: 0 fine, 1 content errors, 2 usage or environment errors.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from rse_build import __version__
from rse_build.check import Checked, check_community
from rse_build.errors import ContentError, Problem

CONFIG_FILE = "mkdocs.yml"


class EnvironmentFailure(click.ClickException):
    """Something around the content is wrong: no mkdocs.yml, a broken configuration."""

    exit_code = 2


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


class _Formatter(logging.Formatter):
    """rse's own messages are already `path:line:column: ...`; MkDocs' get its level prefix."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        return message if record.name == "mkdocs.rse" else f"{record.levelname:<7} -  {message}"


def _setup_logging(verbose: bool) -> None:
    """Show MkDocs' warnings (and its progress with --verbose) the way `mkdocs` itself does."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logger.propagate = False


def _config_file(config_file: str) -> Path:
    path = Path(config_file)
    if not path.is_file():
        raise EnvironmentFailure(
            f"no {config_file} here: run rse from the community's root (the folder that holds "
            "mkdocs.yml), or create a community with 'rse init DIR'"
        )
    return path.resolve()


def _checked(config_path: Path, drafts: bool) -> Checked:
    from rse_build.mkdocs_adapter import BuildFailed, config_summary

    try:
        docs_dir, _site_dir, extra, language = config_summary(config_path)
    except BuildFailed as error:
        raise EnvironmentFailure(f"{config_path.name}: {error}") from None
    return check_community(config_path, docs_dir, extra, language, drafts=drafts)


def _report(error: ContentError, strict: bool) -> NoReturn:
    _print_problems(error.problems)
    failing = error.problems if strict else [p for p in error.problems if p.is_error]
    what = ("problem" if strict else "error") + ("" if len(failing) == 1 else "s")
    click.echo(f"{len(failing)} {what} in the content: nothing was built.", err=True)
    sys.exit(1)


config_option = click.option(
    "-f",
    "--config-file",
    default=CONFIG_FILE,
    show_default=True,
    help="The community's MkDocs configuration.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rse")
def main() -> None:
    """rse: a git-backed enterprise social network, published as a static site.

    People, groups and notes are Markdown files under content/; run these commands from the
    community's root, where mkdocs.yml is.
    """


@main.command()
@config_option
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
def check(config_file: str, strict: bool) -> None:
    """Validate every profile, group and note; print problems as path:line:column: message."""
    checked = _checked(_config_file(config_file), drafts=True)
    _print_problems(checked.problems)
    failing = checked.problems if strict else checked.errors
    if failing:
        sys.exit(1)
    people, groups, notes = (
        len(checked.community.people),
        len(checked.community.groups),
        len(checked.community.notes),
    )
    click.echo(f"ok: {people} people, {groups} groups, {notes} notes")


@main.command()
@config_option
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site (default: site_dir of mkdocs.yml, 'site').",
)
@click.option("--drafts", is_flag=True, help="Also build notes with status: draft.")
@click.option("--strict", is_flag=True, help="Warnings (content's and MkDocs') fail the build.")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress.")
def build(config_file: str, site_dir: Path | None, drafts: bool, strict: bool, verbose: bool) -> None:
    """Check the content, then build the static site."""
    from rse_build.mkdocs_adapter import BuildFailed, build_site

    config_path = _config_file(config_file)
    _setup_logging(verbose)
    target = site_dir.resolve() if site_dir else None
    try:
        built = build_site(config_path, target, strict=strict, drafts=drafts)
    except ContentError as error:
        _report(error, strict)
    except BuildFailed as error:
        raise EnvironmentFailure(f"the build failed: {error}") from None
    community = built.community
    click.echo(
        f"Built {len(community.people)} people, {len(community.groups)} groups and "
        f"{len(community.notes)} notes into {os.path.relpath(built.site_dir)}{os.sep}"
    )


@main.command()
@config_option
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    help="Address and port to serve on (keep 127.0.0.1 to stay private).",
)
@click.option("--drafts", is_flag=True, help="Also show notes with status: draft.")
@click.option("-o", "--open", "open_browser", is_flag=True, help="Open the site in a browser.")
def serve(config_file: str, dev_addr: str, drafts: bool, open_browser: bool) -> None:
    """Preview the site live on 127.0.0.1; pages rebuild when files change."""
    from rse_build.mkdocs_adapter import BuildFailed, serve_site

    config_path = _config_file(config_file)
    _setup_logging(verbose=False)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        serve_site(config_path, dev_addr, drafts=drafts, open_browser=open_browser)
    except ContentError as error:
        _report(error, strict=False)
    except BuildFailed as error:
        raise EnvironmentFailure(f"cannot serve: {error}") from None
