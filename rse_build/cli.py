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
from rse_build.check import check_changes, check_community
from rse_build.errors import ContentError, Problem
from rse_build.history import GitProblem, changes_since
from rse_build.report import FORMATS, render

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
@click.option(
    "--changed-since",
    "ref",
    metavar="REF",
    help="Only what a change touches since its merge base with REF (e.g. origin/main), "
    "plus what it breaks elsewhere; uncommitted work counts.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people; github for workflow annotations; gitlab for a Code Quality "
    "report; json for tools.",
)
def check(config_file: str, strict: bool, ref: str | None, fmt: str) -> None:
    """Validate profiles, groups and notes; print problems as path:line:column: message.

    Exits 1 when there are errors (with --strict, warnings too), 0 otherwise.
    """
    from rse_build.mkdocs_adapter import BuildFailed, config_summary

    config_path = _config_file(config_file)
    try:
        docs_dir, _site_dir, extra, language = config_summary(config_path)
    except BuildFailed as error:
        raise EnvironmentFailure(f"{config_path.name}: {error}") from None
    if ref is None:
        checked = check_community(config_path, docs_dir, extra, language, drafts=True)
        problems = checked.problems
        c = checked.community
        summary = f"{len(c.people)} people, {len(c.groups)} groups, {len(c.notes)} notes"
    else:
        try:
            changes = changes_since(config_path.parent, ref)
        except GitProblem as error:
            raise EnvironmentFailure(str(error)) from None
        report = check_changes(config_path, docs_dir, extra, language, changes)
        problems = report.problems
        summary = f"{report.files_checked} files touched or affected since {ref}"
    click.echo(render(problems, fmt), nl=False)
    errors = sum(p.is_error for p in problems)
    failing = len(problems) if strict else errors
    if fmt == "text":
        warnings = len(problems) - errors
        verdict = "ok" if not failing else "failed"
        click.echo(f"{verdict}: {summary}; {errors} errors, {warnings} warnings", err=True)
    if failing:
        sys.exit(1)


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
