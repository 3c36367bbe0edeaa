"""The `rse` command: the only place that prints and chooses exit codes.

Exit codes: 0 fine, 1 content errors, 2 usage or environment errors.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click

from rse_build import __version__
from rse_build.check import check_changes, check_community
from rse_build.errors import ContentError, Problem
from rse_build.history import GitProblem, HistoryUnavailable, changes_since
from rse_build.i18n import Translator
from rse_build.model import GroupKind, NoteType, PersonKind
from rse_build.report import FORMATS, render
from rse_build.settings import Settings, load_settings
from rse_build.validate import Rules

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


def _shown(path: Path) -> str:
    """A path as the user would type it: relative below the working folder, else absolute."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


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
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", "community_name", help="The community's name (asked for at a terminal).")
@click.option("--language", type=click.Choice(["en", "fr"]), default="en", show_default=True)
@click.option("--founder", help="Your full name, for the first profile (default: git's user.name).")
@click.option("--email", help="Your commit address, never published (default: git's user.email).")
def init(
    directory: Path, community_name: str | None, language: str, founder: str | None, email: str | None
) -> None:
    """Create a new community repository in DIRECTORY (empty or new).

    It builds as it is: mkdocs.yml, hooks/, theme/, content/ (a welcome page, a first group,
    your profile, a how-to-contribute note), CONTRIBUTING.md, .gitignore, an example .mailmap,
    CI for GitHub and GitLab, and CODEOWNERS. rse's templates stay in the installed package.
    """
    import git

    from rse_build.starter import StarterProblem, create, founder_from, starter_files

    name = community_name or (
        click.prompt("Community name", default=directory.name) if sys.stdin.isatty() else directory.name
    )
    config = git.Git()

    def git_config(key: str) -> str | None:
        try:
            return config.config("--get", key).strip() or None
        except git.GitCommandError:
            return None

    person = founder_from(founder or git_config("user.name"), email or git_config("user.email"), language)
    try:
        written = create(directory, starter_files(name, language, person))
    except StarterProblem as error:
        raise EnvironmentFailure(str(error)) from None
    shown = _shown(directory.resolve())
    click.echo(f"Created the community '{name}' in {shown}{os.sep} ({len(written)} files).")
    click.echo(f"Your profile is content/people/{person.handle}.md; you animate the 'community' group.")
    click.echo("Next:")
    click.echo(f"  cd {shown}")
    click.echo('  git init -b main && git add -A && git commit -m "Start our community"')
    click.echo("  rse serve")
    click.echo("Then push it to GitHub or GitLab: CI checks merge requests and publishes on merge.")


@main.command()
@config_option
@click.option("--write", is_flag=True, help="Update the generated lines in CODEOWNERS (created if missing).")
def codeowners(config_file: str, write: bool) -> None:
    """Print CODEOWNERS lines from the groups' animators, so they review their groups' changes.

    An animator is named by their git host user (a github or gitlab link in their profile),
    else by their first e-mail. With --write, only the lines between rse's markers change.
    """
    from rse_build import codeowners as owners
    from rse_build.check import owners_block

    context = _community_context(config_file)
    checked = check_community(context.config_path, context.docs_dir, context.extra, context.language)
    if checked.errors:
        _print_problems(checked.errors)
        sys.exit(1)
    block = owners_block(context.config_path, context.docs_dir, checked.community, checked.settings)
    if not write:
        click.echo(block, nl=False)
        return
    root = context.config_path.parent
    path = owners.find(root) or root / "CODEOWNERS"
    existing = path.read_text(encoding="utf-8") if path.is_file() else None
    text = owners.updated(existing, block)
    if text == existing:
        click.echo(f"{_shown(path)} is up to date")
        return
    path.write_text(text, encoding="utf-8")
    click.echo(f"wrote {_shown(path)}")


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
@click.option(
    "--audience",
    metavar="NAME",
    help="Build the site of this audience of extra.rse.audiences (default: default_audience).",
)
@click.option(
    "--all-audiences",
    is_flag=True,
    help="Build one site per audience, into SITE_DIR/<audience>/.",
)
@click.option("--drafts", is_flag=True, help="Also build notes with status: draft.")
@click.option("--no-history", is_flag=True, help="Build without git: pages get no git dates, no statistics.")
@click.option("--strict", is_flag=True, help="Warnings (content's and MkDocs') fail the build.")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress.")
def build(
    config_file: str,
    site_dir: Path | None,
    audience: str | None,
    all_audiences: bool,
    drafts: bool,
    no_history: bool,
    strict: bool,
    verbose: bool,
) -> None:
    """Check the content, then build the static site.

    The site is written beside its folder and swapped in once complete: a failed build
    leaves the previous site as it was.
    """
    from rse_build.audience import UnknownAudience
    from rse_build.mkdocs_adapter import BuildFailed, build_all_audiences, build_site
    from rse_build.output import OutputProblem

    if audience and all_audiences:
        raise click.UsageError("--audience and --all-audiences cannot be used together")
    context = _community_context(config_file)
    config_path = context.config_path
    _setup_logging(verbose)
    target = site_dir.resolve() if site_dir else None
    try:
        if all_audiences:
            names = list(context.settings.audiences)
            click.echo(f"Building {len(names)} sites: {', '.join(names)}", err=True)
            sites = build_all_audiences(
                config_path, target, names, strict=strict, drafts=drafts, no_history=no_history
            )
        else:
            sites = [
                build_site(
                    config_path,
                    target,
                    strict=strict,
                    drafts=drafts,
                    no_history=no_history,
                    audience=audience,
                )
            ]
    except ContentError as error:
        _report(error, strict)
    except (HistoryUnavailable, UnknownAudience, OutputProblem) as error:
        raise EnvironmentFailure(str(error)) from None
    except BuildFailed as error:
        raise EnvironmentFailure(f"the build failed: {error}; the previous site is unchanged") from None
    for built in sites:
        community = built.community
        click.echo(
            f"Built {len(community.people)} people, {len(community.groups)} groups and "
            f"{len(community.notes)} notes for '{built.audience}' into {_shown(built.site_dir)}{os.sep}"
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
@click.option(
    "--audience", metavar="NAME", help="Preview the site of this audience (default: default_audience)."
)
@click.option("--drafts", is_flag=True, help="Also show notes with status: draft.")
@click.option("--no-history", is_flag=True, help="Serve without git: pages get no git dates, no statistics.")
@click.option("-o", "--open", "open_browser", is_flag=True, help="Open the site in a browser.")
def serve(
    config_file: str, dev_addr: str, audience: str | None, drafts: bool, no_history: bool, open_browser: bool
) -> None:
    """Preview the site live on 127.0.0.1; pages rebuild when files change."""
    from rse_build.audience import UnknownAudience, audience_named
    from rse_build.mkdocs_adapter import BuildFailed, serve_site

    context = _community_context(config_file)
    try:
        audience_named(context.settings, audience)
    except UnknownAudience as error:
        raise EnvironmentFailure(str(error)) from None
    _setup_logging(verbose=False)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        serve_site(
            context.config_path,
            dev_addr,
            drafts=drafts,
            no_history=no_history,
            open_browser=open_browser,
            audience=audience,
        )
    except ContentError as error:
        _report(error, strict=False)
    except HistoryUnavailable as error:
        raise EnvironmentFailure(str(error)) from None
    except BuildFailed as error:
        raise EnvironmentFailure(f"cannot serve: {error}") from None


@main.command()
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Where to write person, group and note .schema.json files.",
)
@click.option("--check", "check_only", is_flag=True, help="Exit 1 if the files differ from the models.")
def schemas(directory: Path, check_only: bool) -> None:
    """Write the JSON Schemas of people's, groups' and notes' front matter."""
    from rse_build.schemas import KINDS, schema_text

    stale = []
    for kind in KINDS:
        target = directory / f"{kind}.schema.json"
        text = schema_text(kind)
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(target)
        if not check_only:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            click.echo(f"wrote {target}")
    if check_only and stale:
        for target in stale:
            click.echo(f"{target}:1:1: out of date: run 'rse schemas'", err=True)
        sys.exit(1)


@dataclass(frozen=True, slots=True)
class _Context:
    config_path: Path
    docs_dir: Path
    extra: dict
    language: str | None

    @property
    def settings(self) -> Settings:
        return load_settings(self.extra, self.config_path, self.language)[0]

    @property
    def rules(self) -> Rules:
        return Rules(self.settings.audiences)


def _community_context(config_file: str) -> _Context:
    """mkdocs.yml read the way MkDocs reads it (docs_dir, extra, theme language)."""
    from rse_build.mkdocs_adapter import BuildFailed, config_summary

    config_path = _config_file(config_file)
    try:
        docs_dir, _site_dir, extra, language = config_summary(config_path)
    except BuildFailed as error:
        raise EnvironmentFailure(f"{config_path.name}: {error}") from None
    return _Context(config_path, docs_dir, extra, language)


def _ask(value: str | None, prompt: str, option: str) -> str:
    """A required value: from its flag, else asked for when someone is at the terminal."""
    if value:
        return value
    if sys.stdin.isatty():
        return click.prompt(prompt)
    raise click.UsageError(f"missing {option}")


def _write_new(kind: str, ident: str, data: dict, config_file: str, folder: str | None = None) -> None:
    from rse_build.scaffold import draft_file

    context = _community_context(config_file)
    config_path, docs_dir = context.config_path, context.docs_dir
    draft = draft_file(docs_dir, kind, ident, data, context.rules, folder)
    shown = os.path.relpath(draft.path)
    if draft.path.exists():
        raise EnvironmentFailure(f"{shown} already exists: edit it instead (rse new never overwrites)")
    if draft.problems:
        prefix = os.path.relpath(docs_dir, config_path.parent)
        for problem in draft.problems:
            click.echo(f"{prefix}/{problem}", err=True)
        click.echo("nothing was written.", err=True)
        sys.exit(1)
    draft.path.parent.mkdir(parents=True, exist_ok=True)
    with draft.path.open("x", encoding="utf-8") as file:
        file.write(draft.text)
    click.echo(f"created {shown}")


@main.group()
def new() -> None:
    """Create a profile, a group or a note with valid front matter (never overwrites)."""


@new.command("person")
@click.argument("handle")
@click.option("--name", help="Full name (asked for when missing and interactive).")
@click.option("--role")
@click.option("--team")
@click.option("--site")
@click.option("--organisation", help="For partners, suppliers and clients.")
@click.option(
    "--kind", type=click.Choice([k.value for k in PersonKind]), default="employee", show_default=True
)
@click.option("--email", "emails", multiple=True, help="A git identity of this person (repeatable).")
@click.option("--skill", "skills", multiple=True, help="Repeatable.")
@click.option("--group", "groups", multiple=True, help="A group slug to join (repeatable).")
@config_option
def new_person(
    handle: str,
    name: str | None,
    role,
    team,
    site,
    organisation,
    kind,
    emails,
    skills,
    groups,
    config_file: str,
) -> None:
    """Create content/people/HANDLE.md."""
    data = {
        "name": _ask(name, "Full name", "--name"),
        "role": role,
        "team": team,
        "site": site,
        "organisation": organisation,
        "kind": None if kind == "employee" else kind,
        "emails": list(emails),
        "skills": list(skills),
        "interests": [],
        "groups": list(groups),
    }
    _write_new("person", handle, data, config_file)


@new.command("group")
@click.argument("slug")
@click.option("--title", help="The group's name (asked for when missing and interactive).")
@click.option(
    "--kind", type=click.Choice([k.value for k in GroupKind]), default="practice", show_default=True
)
@click.option("--description")
@click.option("--animator", "animators", multiple=True, help="Handle of an animator (repeatable).")
@click.option("--tag", "tags", multiple=True, help="Repeatable.")
@config_option
def new_group(
    slug: str, title: str | None, kind: str, description, animators, tags, config_file: str
) -> None:
    """Create content/groups/SLUG/index.md."""
    data = {
        "title": _ask(title, "Title", "--title"),
        "kind": kind,
        "description": description,
        "animators": list(animators),
        "tags": list(tags),
    }
    _write_new("group", slug, data, config_file)


@new.command("note")
@click.argument("note_id", metavar="ID")
@click.option("--title", help="The note's title (asked for when missing and interactive).")
@click.option(
    "--type", "note_type", type=click.Choice([t.value for t in NoteType]), default="note", show_default=True
)
@click.option(
    "--author", "authors", multiple=True, help="Handle (repeatable; default: the first commit's author)."
)
@click.option(
    "--group",
    "groups",
    multiple=True,
    help="Group slug (repeatable); the note is filed in the first group's folder.",
)
@click.option("--tag", "tags", multiple=True, help="Repeatable.")
@click.option("--folder", help="A folder under content/notes/ (when the note is not filed in a group).")
@config_option
def new_note(
    note_id: str, title: str | None, note_type: str, authors, groups, tags, folder, config_file: str
) -> None:
    """Create a note: content/groups/GROUP/ID.md, or content/notes/[FOLDER/]ID.md."""
    data = {
        "title": _ask(title, "Title", "--title"),
        "type": None if note_type == "note" else note_type,
        "authors": list(authors),
        "groups": list(groups),
        "tags": list(tags),
    }
    if note_type == "idea":
        data["state"] = "proposed"
    _write_new("note", note_id, data, config_file, folder)


@main.group("import")
def import_() -> None:
    """Bring people in from another system."""


@import_.command("people")
@click.argument("csv_file", metavar="FILE.csv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@config_option
def import_people_command(csv_file: Path, config_file: str) -> None:
    """Create or update profiles from a directory export.

    Columns: name and email (required), handle, role, team, site, organisation, kind (common
    export names such as 'title', 'department' or 'location' are understood). The directory
    owns name, role, team, site, organisation and kind; people own everything else (bio,
    skills, interests, groups, links), which an import never changes. Running it twice changes
    nothing the second time.
    """
    from rse_build.importer import import_people

    docs_dir = _community_context(config_file).docs_dir
    try:
        text = csv_file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise EnvironmentFailure(f"{csv_file}:1:1: not UTF-8 text: export the file as UTF-8 CSV") from None
    result = import_people(docs_dir, text, str(csv_file))
    people = os.path.relpath(docs_dir / "people")
    for handle in result.created:
        click.echo(f"created   {people}/{handle}.md")
    for handle, keys in result.updated:
        click.echo(f"updated   {people}/{handle}.md ({', '.join(keys)})")
    for problem in result.skipped:
        click.echo(f"skipped   {problem}", err=True)
    click.echo(
        f"{len(result.created)} created, {len(result.updated)} updated, {len(result.unchanged)} unchanged, "
        f"{len(result.skipped)} skipped"
    )
    if result.skipped:
        sys.exit(1)


@main.command()
@config_option
@click.option(
    "--json", "as_json", is_flag=True, help="Print stats.json (the same figures the site publishes)."
)
@click.option(
    "--audience", metavar="NAME", help="The figures of this audience's site (default: default_audience)."
)
def stats(config_file: str, as_json: bool, audience: str | None) -> None:
    """The community's statistics in the terminal: totals, months, groups, sites.

    Aggregates only: no ranking of individuals. People with stats: false count in totals.
    The figures are those of one audience's site, as its stats.json publishes them.
    """
    import json
    import time

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.table import Table

    from rse_build.audience import UnknownAudience, audience_named, share_for
    from rse_build.enrich import enrich

    context = _community_context(config_file)
    config_path, docs_dir = context.config_path, context.docs_dir
    checked = check_community(config_path, docs_dir, context.extra, context.language)
    try:
        chosen = audience_named(checked.settings, audience)
    except UnknownAudience as error:
        raise EnvironmentFailure(str(error)) from None
    if checked.errors:
        for problem in checked.errors:
            click.echo(str(problem), err=True)
        sys.exit(1)
    started = time.monotonic()
    bar: Progress | None = None
    task = None

    def progress(done: int, total: int) -> None:
        """A bar, shown only once the history pass has taken more than a second."""
        nonlocal bar, task
        if bar is None and time.monotonic() - started > 1:
            bar = Progress(
                TextColumn("Reading the history"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            bar.start()
            task = bar.add_task("history", total=total or None)
        if bar is not None and task is not None:
            bar.update(task, completed=done)

    try:
        enriched = enrich(
            config_path.parent, docs_dir, checked.community, checked.settings, progress=progress
        )
    except HistoryUnavailable as error:
        raise EnvironmentFailure(str(error)) from None
    finally:
        if bar is not None:
            bar.stop()
    from rse_build.mkdocs_adapter import site_files

    share = share_for(enriched.community, checked.pages, chosen)
    every, pages = site_files(config_path)
    seen = enriched.for_audience(share.community, share.published(every - checked.drafts))
    figures = seen.stats({p for p in pages - checked.drafts if not share.hides(p)})
    insight = seen.insights(checked.settings.privacy.min_group)
    assert figures is not None and insight is not None
    if as_json:
        click.echo(json.dumps(figures.to_json(), indent=2, ensure_ascii=False))
        return
    out = Console()
    t = Translator(checked.settings.language)
    c = figures.community
    totals = Table(title=t("community_at", commit=figures.commit[:10]), show_header=False)
    for label, value in (
        (t.people, c.people),
        (t.groups, c.groups),
        (t.notes, c.notes),
        (t.contributors, c.contributors),
        (t.commits, c.commits),
        (t.unmatched_identities, figures.unmatched_identities),
    ):
        totals.add_row(label, str(value))
    out.print(totals)
    months = Table(title=t.last_12_months)
    for column in (t.month, t.active, t.new, t.notes_created_short, t.commits):
        months.add_column(column, justify="right")
    for m in c.monthly[-12:]:
        months.add_row(
            m.month, str(m.active_contributors), str(m.new_contributors), str(m.notes_created), str(m.commits)
        )
    out.print(months)
    health = Table(title=t.health, show_header=False)
    share = insight.top_decile_share
    health.add_row(
        t.top_decile,
        t("share_of", share=f"{share * 100:.0f}", n=insight.top_decile_people)
        if share is not None
        else t("too_few_to_show", n=10),
    )
    health.add_row(t.core_group, str(insight.core_group))
    health.add_row(t.cross_site, f"{insight.cross_site_notes} / {insight.notes_with_contributors}")
    out.print(health)
    groups = Table(title=t.groups)
    for index, column in enumerate((t.groups, t.members, t.notes, t.contributors, t.commits)):
        groups.add_column(column, justify="left" if index == 0 else "right")
    for slug, g in figures.groups.items():
        groups.add_row(slug, str(g.members), str(g.notes), str(g.contributors), str(g.commits))
    out.print(groups)
    if insight.by_site:
        sites = Table(title=t.by_site)
        for index, column in enumerate((t.site, t.commits, t.contributors)):
            sites.add_column(column, justify="left" if index == 0 else "right")
        min_group = checked.settings.privacy.min_group
        for row in insight.by_site:
            sites.add_row(row.label or t("other_sites", n=min_group), str(row.commits), str(row.contributors))
        out.print(sites)
