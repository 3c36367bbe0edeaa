"""The `rse` command: the only place that prints and chooses exit codes.

Exit codes: 0 fine, 1 content errors, 2 usage or environment errors.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click

from rse_build import __version__
from rse_build.check import check_changes, check_config
from rse_build.digest import FORMATS as DIGEST_FORMATS
from rse_build.errors import ContentError, EnvironmentProblem, Problem, Severity
from rse_build.history import EarlyLog, changes_since, log_started_early
from rse_build.i18n import Translator
from rse_build.model import GroupKind, IdeaState, NoteType, PersonKind, ResponseKind, RsvpValue
from rse_build.report import FORMATS, relocated, render
from rse_build.scaffold import (
    EVENT_INPUTS,
    NAME,
    TEXT,
    TITLE,
    Draft,
    FieldInput,
    Refusal,
    author_of,
    author_refusal,
    draft_file,
    draft_response,
    folder_refusal,
    group_refusal,
    id_refusal,
    known_groups,
    note_refusal,
    read_thread,
    relative_path,
    response_name,
    responses_in,
)
from rse_build.settings import CommunityConfig, docs_dir_named
from rse_build.validate import Rules

if TYPE_CHECKING:
    from rich.progress import Progress

    from rse_build.site import Prepared, SitePlan
    from rse_build.views.digest import Week

CONFIG_FILE = "mkdocs.yml"


class EnvironmentFailure(click.ClickException):
    """Something around the content is wrong: no mkdocs.yml, a broken configuration."""

    exit_code = 2


class _LocatedFailure(EnvironmentFailure):
    """A broken mkdocs.yml said as `path:line:column: message`, like content problems."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.format_message(), file=file, err=file is None)


# What the edge needs to say a failure in the community's words, kept in click's context
# (shared by every nested command) by the command once it has read mkdocs.yml.
COMMUNITY = "rse.community"
VERBOSE = "rse.verbose"


def _print_problems(problems: list[Problem], root: Path, t: Translator, *, verbose: bool = False) -> None:
    """Problems as people read them: from the working folder, crowds told once."""
    shown = relocated(problems, root, Path.cwd())
    click.echo(render(shown, "text", t, verbose=verbose), err=True, nl=False)


class _Edge(click.Group):
    """Where failures become exit codes, once for every command: an environment problem
    exits 2 with its message, content problems exit 1 after every problem is printed."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EnvironmentProblem as error:
            raise EnvironmentFailure(error.said(_translator(ctx))) from None
        except ContentError as error:
            _report(error, ctx)


def _translator(ctx: click.Context) -> Translator:
    community: CommunityConfig | None = ctx.meta.get(COMMUNITY)
    return Translator(community.settings.language if community else "en")


class _Formatter(logging.Formatter):
    """rse's own messages are already `path:line:column: ...`; MkDocs' get its level prefix."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        return message if record.name == "mkdocs.rse" else f"{record.levelname:<7} -  {message}"


def _setup_logging(verbose: bool) -> None:
    """Show MkDocs' warnings (and its progress with --verbose) the way `mkdocs` itself does,
    and rse's own information (advice, the history read) always: advice never fails a build,
    so it is logged below MkDocs' warnings."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logger.propagate = False
    logging.getLogger("mkdocs.rse").setLevel(logging.DEBUG if verbose else logging.INFO)


def _config_file(config_file: str | None) -> Path:
    """The community's mkdocs.yml: the one given with -f, else the nearest one in the working
    folder or a folder above it, up to the git repository's root."""
    if config_file is not None:
        path = Path(config_file)
        if not path.is_file():
            raise EnvironmentFailure(f"no {config_file} here: give the path of the community's mkdocs.yml")
        return path.resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
        if (folder / ".git").exists():
            break
    raise EnvironmentFailure(
        f"no {CONFIG_FILE} here nor in a folder above (up to the repository's root): run rse inside "
        "a community (the folder that holds mkdocs.yml and the folders below it), or create one "
        "with 'rse init DIR'"
    )


def _config_failure(config_path: Path, error: Exception) -> EnvironmentFailure:
    """mkdocs.yml that MkDocs refuses: located when a tab is the cause, else in MkDocs' words."""
    from rse_build.frontmatter import tab_error

    try:
        tab = tab_error(config_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        tab = None
    if tab is not None:
        shown = os.path.relpath(config_path)
        return _LocatedFailure(f"{shown}:{tab.line}:{tab.column}: {tab.message}")
    return EnvironmentFailure(f"{config_path.name}: {error}")


def _shown(path: Path) -> str:
    """A path as the user would type it: relative below the working folder, else absolute."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _report(error: ContentError, ctx: click.Context) -> NoReturn:
    """Content problems stopped a command: every one (crowds told once), then what was not done
    because of how many."""
    community: CommunityConfig | None = ctx.meta.get(COMMUNITY)
    t = _translator(ctx)
    root = community.root if community else Path.cwd()
    _print_problems(error.problems, root, t, verbose=ctx.meta.get(VERBOSE, False))
    if error.outcome is not None:
        failing = sum(p.fails(error.strict) for p in error.problems)
        what = t.plural(failing, "check.problem" if error.strict else "check.error")
        click.echo(t(error.outcome, failing=what), err=True)
    sys.exit(1)


config_option = click.option(
    "-f",
    "--config-file",
    default=None,
    help="The community's MkDocs configuration (default: mkdocs.yml in this folder or the "
    "nearest folder above it).",
)


@click.group(cls=_Edge, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rse")
def main() -> None:
    """rse: a git-backed enterprise social network, published as a static site.

    People, groups and notes are Markdown files under content/; run these commands anywhere
    in the community: they find its root, the nearest folder above that holds mkdocs.yml.
    """


prompt_option = click.option(
    "--prompt/--no-prompt",
    "interactive",
    default=None,
    help="Ask for what is missing (default: ask only when run at a terminal).",
)


def _interactive(flag: bool | None) -> bool:
    """Ask only when someone can answer: at a terminal, unless --prompt or --no-prompt says so."""
    return sys.stdin.isatty() if flag is None else flag


class _Refused(click.ClickException):
    """What `rse init` or `rse new` will not do, said in the community's language (exit 2)."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.format_message(), file=file, err=file is None)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", "community_name", help="The community's name (asked for at a terminal).")
@click.option("--language", type=click.Choice(["en", "fr"]), default="en", show_default=True)
@click.option("--founder", help="Your full name, for the first profile (default: git's user.name).")
@click.option("--email", help="Your commit address, never published (default: git's user.email).")
@prompt_option
def init(
    directory: Path,
    community_name: str | None,
    language: str,
    founder: str | None,
    email: str | None,
    interactive: bool | None,
) -> None:
    """Create a new community repository in DIRECTORY (empty or new).

    It builds as it is: mkdocs.yml, hooks/, theme/, content/ (a welcome page, a first group,
    your profile, a how-to-contribute note), CONTRIBUTING.md, .gitignore, an example .mailmap,
    CI for GitHub and GitLab, and CODEOWNERS. rse's templates stay in the installed package.
    Its messages are in the community's --language.
    """
    import git

    from rse_build.starter import create, first_group, founder_from, starter_files

    t = Translator(language)
    shown = _shown(directory.resolve())
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise _Refused(t("init.not_empty", path=shown))
    # `rse init .` names the community after the folder it is in, not after "." (an empty name).
    folder = directory.resolve().name
    name = community_name or (
        click.prompt(t("init.ask_name"), default=folder) if _interactive(interactive) else folder
    )
    config = git.Git()

    def git_config(key: str) -> str | None:
        try:
            return config.config("--get", key).strip() or None
        except git.GitCommandError:
            return None

    person = founder_from(founder or git_config("user.name"), email or git_config("user.email"), language)
    written = create(directory, starter_files(name, language, person))
    files = t.plural(len(written), "init.files")
    click.echo(t("init.created", name=name, path=f"{shown}{os.sep}", files=files))
    click.echo(t("init.profile", path=f"content/people/{person.handle}.md", group=first_group(language)))
    click.echo(t("init.next"))
    click.echo(f"  cd {shown}")
    click.echo(f'  git init -b main && git add -A && git commit -m "{t("init.first_commit")}"')
    click.echo("  rse serve")
    click.echo(t("init.publish"))


@main.command()
@config_option
@click.option("--write", is_flag=True, help="Update the generated lines in CODEOWNERS (created if missing).")
def codeowners(config_file: str | None, write: bool) -> None:
    """Print CODEOWNERS lines from the groups' animators, so they review their groups' changes.

    An animator is named by their git host user (a github or gitlab link in their profile),
    else by their first e-mail. With --write, only the lines between rse's markers change.
    """
    from rse_build import codeowners as owners
    from rse_build.check import owners_block

    community = _community_config(config_file)
    t = _community_translator(community)
    checked = check_config(community)
    if checked.errors:
        raise ContentError(checked.errors, outcome=None)
    block = owners_block(community.config_file, community.docs_dir, checked.community, checked.settings)
    if not write:
        click.echo(block, nl=False)
        return
    root = community.root
    path = owners.find(root) or root / "CODEOWNERS"
    existing = path.read_text(encoding="utf-8") if path.is_file() else None
    text = owners.updated(existing, block)
    if text == existing:
        click.echo(t("codeowners.up_to_date", path=_shown(path)))
        return
    path.write_text(text, encoding="utf-8")
    click.echo(t("codeowners.wrote", path=_shown(path)))


@main.command()
@config_option
@click.option("--strict", is_flag=True, help="Warnings fail the check too (advice never does).")
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
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="List every warning and piece of advice file by file (else more than 5 of one kind "
    "are told once, with a count and examples).",
)
def check(config_file: str | None, strict: bool, ref: str | None, fmt: str, verbose: bool) -> None:
    """Validate profiles, groups and notes; print problems as path:line:column: message.

    Exits 1 when there are errors (with --strict, warnings too; advice never), 0 otherwise.
    Run it anywhere in the community: paths are shown from where you are.
    """
    community = _community_config(config_file)
    config_path, t = community.config_file, _community_translator(community)
    if ref is None:
        checked = check_config(community, drafts=True)
        problems = checked.problems
        c = checked.community
        what = t(
            "check.community",
            people=t.plural(len(c.people), "person"),
            groups=t.plural(len(c.groups), "check.group"),
            notes=t.plural(len(c.notes), "note"),
        )
    else:
        changes = changes_since(community.root, ref)
        report = check_changes(
            config_path, community.docs_dir, community.extra, community.theme_language, changes
        )
        problems = report.problems
        what = t("check.changed", n=report.files_checked, ref=ref)
    shown = relocated(problems, community.root, Path.cwd())
    click.echo(render(shown, fmt, t, verbose=verbose), nl=False)
    failing = any(p.fails(strict) for p in problems)
    if fmt == "text":
        counts = {s: sum(p.severity is s for p in problems) for s in Severity}
        verdict = t(
            "check.failed" if failing else "check.ok",
            what=what,
            errors=t.plural(counts[Severity.ERROR], "check.error"),
            warnings=t.plural(counts[Severity.WARNING], "check.warning"),
            advice=t.plural(counts[Severity.ADVICE], "check.advice"),
        )
        click.echo(verdict, err=True)
    if failing:
        # Every problem is printed above, in the format asked for.
        raise ContentError([], outcome=None)


@main.command()
@config_option
@click.option(
    "--changed-since",
    "ref",
    metavar="REF",
    required=True,
    help="The change since its merge base with REF (e.g. origin/main); uncommitted work counts.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text for people; markdown for one merge request comment that notifies them; json for tools.",
)
def mentions(config_file: str | None, ref: str, fmt: str) -> None:
    """List the people a change mentions, responds to or adds to a group, with their git host user.

    Only what the change adds counts (a mention already there is not told again). Exits 0.
    """
    import json

    from rse_build.logins import repository_host
    from rse_build.pings import as_json, as_markdown, as_text, pings_since

    community = _community_config(config_file)
    settings, t = community.settings, _community_translator(community)
    pinged = pings_since(community.root, community.docs_dir, ref, settings.max_file_bytes)
    if fmt == "json":
        click.echo(json.dumps(as_json(pinged, ref), indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        click.echo(as_markdown(pinged, t, repository_host(settings.repo_url)), nl=False)
    else:
        click.echo(as_text(pinged, t), nl=False)


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
@click.option(
    "--strict", is_flag=True, help="Warnings (content's and MkDocs') fail the build; advice never does."
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that render pages (default: the cores available); the site is the same bytes.",
)
@click.option(
    "-v", "--verbose", is_flag=True, help="Show MkDocs' progress, and every warning and advice file by file."
)
def build(
    config_file: str | None,
    site_dir: Path | None,
    audience: str | None,
    all_audiences: bool,
    drafts: bool,
    no_history: bool,
    strict: bool,
    jobs: int | None,
    verbose: bool,
) -> None:
    """Check the content, then build the static site.

    The site is written beside its folder and swapped in once complete: a failed build
    leaves the previous site as it was.
    """
    from rse_build.mkdocs_adapter.parallel import available_cores
    from rse_build.mkdocs_adapter.run import build_all_audiences, build_site

    if audience and all_audiences:
        raise click.UsageError("--audience and --all-audiences cannot be used together")
    community = _community_config(config_file)
    config_path, t = community.config_file, _community_translator(community)
    click.get_current_context().meta[VERBOSE] = verbose
    _setup_logging(verbose)
    target = site_dir.resolve() if site_dir else None
    jobs = jobs or available_cores()
    if all_audiences:
        names = list(community.settings.audiences)
        click.echo(t("build.building", n=len(names), names=", ".join(names)), err=True)
        sites = build_all_audiences(
            config_path, target, names, strict=strict, drafts=drafts, no_history=no_history, jobs=jobs
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
                jobs=jobs,
            )
        ]
    for built in sites:
        community = built.community
        built_line = t(
            "build.built",
            people=t.plural(len(community.people), "person"),
            groups=t.plural(len(community.groups), "check.group"),
            notes=t.plural(len(community.notes), "note"),
            audience=built.audience,
            path=f"{_shown(built.site_dir)}{os.sep}",
        )
        click.echo(built_line)


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
    config_file: str | None,
    dev_addr: str,
    audience: str | None,
    drafts: bool,
    no_history: bool,
    open_browser: bool,
) -> None:
    """Preview the site live on 127.0.0.1; pages rebuild when files change."""
    from rse_build.audience import audience_named
    from rse_build.mkdocs_adapter.run import serve_site

    community = _community_config(config_file)
    audience_named(community.settings, audience)
    _setup_logging(verbose=False)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    serve_site(
        community.config_file,
        dev_addr,
        drafts=drafts,
        no_history=no_history,
        open_browser=open_browser,
        audience=audience,
    )


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
        raise ContentError(
            [Problem(str(target), 1, 1, "out of date: run 'rse schemas'") for target in stale], outcome=None
        )


def _community_config(config_file: str | None) -> CommunityConfig:
    """mkdocs.yml read the way MkDocs reads it; from here on, failures are said in the
    community's language."""
    from rse_build.mkdocs_adapter.run import ConfigRefused, config_summary

    config_path = _config_file(config_file)
    try:
        community = config_summary(config_path)
    except ConfigRefused as error:
        raise _config_failure(config_path, error) from None
    click.get_current_context().meta[COMMUNITY] = community
    return community


def _community_translator(community: CommunityConfig) -> Translator:
    """Messages in the community's language, known once mkdocs.yml is read."""
    return Translator(community.settings.language)


@dataclass(frozen=True, slots=True)
class _NewRun:
    """One `rse new`: refuses what cannot be written before asking anything, asks for what is
    missing (only when someone can answer), writes the file; in the community's language."""

    community: CommunityConfig
    t: Translator
    interactive: bool

    @classmethod
    def start(cls, config_file: str, interactive: bool | None) -> _NewRun:
        community = _community_config(config_file)
        t = _community_translator(community)
        return cls(community, t, _interactive(interactive))

    def groups(self) -> frozenset[str]:
        """The groups there are (from folder names: a scan of content/, done when needed)."""
        return known_groups(self.community.docs_dir)

    def refuse(self, refusal: Refusal | None) -> None:
        if refusal is not None:
            raise _Refused(self.t(refusal.key, **refusal.values))

    def absent(self, relative: str) -> None:
        """Never overwrite: said before anything is asked."""
        path = self.community.docs_dir / relative
        if path.exists():
            raise _Refused(self.t("new.exists", path=os.path.relpath(path)))

    def answer(self, spec: FieldInput) -> Any:
        """Ask until an answer reads; an empty answer skips what is optional."""
        while True:
            text = click.prompt(self.t(f"new.ask.{spec.key}"), default="", show_default=False).strip()
            if not text:
                if spec.required:
                    continue
                return None
            value = spec.read(text)
            if value is not None:
                return value
            refused = spec.refusal(text)
            click.echo(self.t(refused.key, **refused.values), err=True)

    def text(self, value: str | None, spec: FieldInput) -> str:
        """A required text: from its flag, else asked for."""
        if value:
            return value
        if not self.interactive:
            raise _Refused(self.t("new.missing", option=spec.option))
        return self.answer(spec)

    def event(self, given: dict[str, str | None]) -> dict[str, Any]:
        """The event's fields, in the SPEC's order: flags are checked, the rest asked for."""
        fields: dict[str, Any] = {}
        for spec in EVENT_INPUTS:
            text = given.get(spec.key)
            value = None
            if text is not None:
                value = spec.read(text.strip())
                if value is None:
                    self.refuse(spec.refusal(text))
            elif spec.asked and self.interactive:
                value = self.answer(spec)
            elif spec.required:
                raise _Refused(self.t("new.missing", option=spec.option))
            fields[spec.key] = value
        return fields

    def write(self, kind: str, ident: str, data: dict[str, Any], folder: str | None = None) -> None:
        community = self.community
        rules = Rules(community.settings.audiences)
        self.save(draft_file(community.docs_dir, kind, ident, data, rules, folder, self.t.language))

    def stop(self, problems: Iterable[Problem]) -> NoReturn:
        """Content problems (paths under content/) said from the community's root; nothing written."""
        community = self.community
        prefix = community.docs_dir.resolve().relative_to(community.root.resolve()).as_posix()
        located = [replace(p, path=f"{prefix}/{p.path}") for p in problems]
        raise ContentError(located, outcome="new.nothing_written")

    def save(self, draft: Draft) -> None:
        """Write the draft unless it exists or has problems (then said, and nothing written)."""
        shown = os.path.relpath(draft.path)
        if draft.path.exists():
            raise _Refused(self.t("new.exists", path=shown))
        if draft.problems:
            self.stop(draft.problems)
        draft.path.parent.mkdir(parents=True, exist_ok=True)
        with draft.path.open("x", encoding="utf-8") as file:
            file.write(draft.text)
        click.echo(self.t("new.created", path=shown))


@main.group()
def new() -> None:
    """Create a profile, a group, a note, or a response to a note (reply, answer, kudos, rsvp),
    with valid front matter (never overwrites).

    What a flag leaves out is asked for at a terminal (--prompt/--no-prompt decide otherwise);
    messages follow the community's language.
    """


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
@prompt_option
@config_option
def new_person(
    handle: str,
    name: str | None,
    role: str | None,
    team: str | None,
    site: str | None,
    organisation: str | None,
    kind: str,
    emails: tuple[str, ...],
    skills: tuple[str, ...],
    groups: tuple[str, ...],
    interactive: bool | None,
    config_file: str,
) -> None:
    """Create content/people/HANDLE.md."""
    run = _NewRun.start(config_file, interactive)
    run.refuse(id_refusal(handle) or group_refusal(groups, run.groups()))
    run.absent(relative_path("person", handle))
    data = {
        "name": run.text(name, NAME),
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
    run.write("person", handle, data)


@new.command("group")
@click.argument("slug")
@click.option("--title", help="The group's name (asked for when missing and interactive).")
@click.option(
    "--kind", type=click.Choice([k.value for k in GroupKind]), default="practice", show_default=True
)
@click.option("--description")
@click.option("--animator", "animators", multiple=True, help="Handle of an animator (repeatable).")
@click.option("--tag", "tags", multiple=True, help="Repeatable.")
@prompt_option
@config_option
def new_group(
    slug: str,
    title: str | None,
    kind: str,
    description: str | None,
    animators: tuple[str, ...],
    tags: tuple[str, ...],
    interactive: bool | None,
    config_file: str,
) -> None:
    """Create content/groups/SLUG/index.md."""
    run = _NewRun.start(config_file, interactive)
    run.refuse(id_refusal(slug))
    run.absent(relative_path("group", slug))
    data = {
        "title": run.text(title, TITLE),
        "kind": kind,
        "description": description,
        "animators": list(animators),
        "tags": list(tags),
    }
    run.write("group", slug, data)


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
@click.option("--start", metavar="WHEN", help="Event: 2026-12-03T18:00, or a day (asked for).")
@click.option("--end", metavar="WHEN", help="Event: when it ends (asked for; Enter skips).")
@click.option("--timezone", metavar="ZONE", help="Event: e.g. Europe/Paris (asked for; Enter skips).")
@click.option("--place", help="Event: a room or an address (asked for; Enter skips).")
@click.option("--online", metavar="URL", help="Event: the https:// link to join (asked for; Enter skips).")
@click.option("--site", help="Event: the physical site where it happens.")
@click.option("--capacity", metavar="N", help="Event: how many people can attend.")
@prompt_option
@config_option
def new_note(
    note_id: str,
    title: str | None,
    note_type: str,
    authors: tuple[str, ...],
    groups: tuple[str, ...],
    tags: tuple[str, ...],
    folder: str | None,
    start: str | None,
    end: str | None,
    timezone: str | None,
    place: str | None,
    online: str | None,
    site: str | None,
    capacity: str | None,
    interactive: bool | None,
    config_file: str,
) -> None:
    """Create a note: content/groups/GROUP/ID.md, or content/notes/[FOLDER/]ID.md.

    An idea starts as state: proposed; an event needs --start (asked for at a terminal).
    """
    event = {
        "start": start,
        "end": end,
        "timezone": timezone,
        "place": place,
        "online": online,
        "site": site,
        "capacity": capacity,
    }
    run = _NewRun.start(config_file, interactive)
    run.refuse(
        id_refusal(note_id)
        or (folder_refusal(folder) if folder else None)
        or group_refusal(groups, run.groups())
    )
    given = [key for key, value in event.items() if value is not None]
    if note_type != NoteType.EVENT and given:
        run.refuse(Refusal("new.event_only", {"option": f"--{given[0]}"}))
    run.absent(relative_path("note", note_id, groups, folder))
    data: dict[str, Any] = {
        "title": run.text(title, TITLE),
        "type": None if note_type == NoteType.NOTE else note_type,
        "authors": list(authors),
        "groups": list(groups),
        "tags": list(tags),
    }
    if note_type == NoteType.IDEA:
        data["state"] = IdeaState.PROPOSED.value
    if note_type == NoteType.EVENT:
        data.update(run.event(event))
    run.write("note", note_id, data, folder)


def _git_email(root: Path) -> str | None:
    """git's user.email as the repository sees it (its own configuration first)."""
    import git

    try:
        return git.Git(root).config("--get", "user.email").strip() or None
    except git.CommandError:
        return None


def _new_response(
    kind: ResponseKind,
    note_ref: str,
    author: str | None,
    reply_to: str | None,
    rsvp: str | None,
    audience: str | None,
    text: str | None,
    interactive: bool | None,
    config_file: str,
) -> None:
    """One `rse new reply|answer|kudos|rsvp`: the note and the author are checked before
    anything is asked; the text is asked for a reply or an answer."""
    run = _NewRun.start(config_file, interactive)
    docs_dir = run.community.docs_dir
    thread = read_thread(docs_dir, note_ref)
    if thread.problems:
        run.stop(thread.problems)
    run.refuse(note_refusal(thread, note_ref, kind))
    handle = author or author_of(docs_dir, thread.layout, _git_email(run.community.root))
    if handle is None:
        raise _Refused(run.t("new.no_author"))
    run.refuse(author_refusal(handle, thread.index.people))
    # The clock names the file, nothing else: the response's date is its first commit's.
    name = response_name(dt.date.today(), handle, responses_in(docs_dir, thread.folder))
    needs_text = kind in (ResponseKind.REPLY, ResponseKind.ANSWER)
    body = run.text(text, TEXT) if needs_text else (text or "")
    data = {
        "kind": kind.value,
        "authors": [author] if author else [],
        "reply_to": reply_to,
        "rsvp": (rsvp or RsvpValue.GOING.value) if kind is ResponseKind.RSVP else None,
        "audience": audience,
    }
    rules = Rules(run.community.settings.audiences)
    run.save(draft_response(docs_dir, thread, name, data, body, rules, run.t.language))


def _response_command(kind: ResponseKind, summary: str) -> None:
    """`rse new KIND NOTE-ID`: the four kinds of response share their options (--rsvp is the rsvp's)."""

    def command(note_ref: str, **options: Any) -> None:
        _new_response(kind, note_ref, rsvp=options.pop("rsvp", None), **options)

    command.__doc__ = (
        f"{summary}\n\nWrites content/responses/NOTE-ID/<yyyy-mm-dd>-<handle>.md (today's date, "
        "your handle; -2, -3... when the name is taken). NOTE-ID is the note's file name, or its "
        "path under content/ when several notes share it."
    )
    options = [
        click.argument("note_ref", metavar="NOTE-ID"),
        click.option(
            "--author",
            metavar="HANDLE",
            help="Who responds (default: the profile whose emails hold git's user.email).",
        ),
        click.option("--reply-to", metavar="ID", help="The response this one replies to (threading)."),
        click.option(
            "--audience", metavar="LABEL", help="Narrow who may see it (default: the note's audience)."
        ),
        click.option(
            "--text",
            help="The text, in Markdown"
            + (
                " (asked for when missing and interactive)."
                if kind in (ResponseKind.REPLY, ResponseKind.ANSWER)
                else " (optional)."
            ),
        ),
        prompt_option,
        config_option,
    ]
    if kind is ResponseKind.RSVP:
        options.insert(
            1,
            click.option(
                "--rsvp",
                type=click.Choice([v.value for v in RsvpValue]),
                help="Whether you come (default: going).",
            ),
        )
    for option in reversed(options):
        command = option(command)
    new.command(kind.value)(command)


_response_command(ResponseKind.REPLY, "Reply to a note.")
_response_command(ResponseKind.ANSWER, "Answer a question.")
_response_command(ResponseKind.KUDOS, "Thank the authors of a note.")
_response_command(ResponseKind.RSVP, "Say whether you come to an event.")


@main.group("import")
def import_() -> None:
    """Bring people in from another system."""


@import_.command("people")
@click.argument("csv_file", metavar="FILE.csv", type=click.Path(path_type=Path))
@click.option(
    "--map",
    "mappings",
    multiple=True,
    metavar="COLUMN=field",
    help="Feed a field from a column (repeatable); fields: name, first_name, last_name, email, handle, "
    "role, team, site, organisation, kind, manager. 'COLUMN=' or 'COLUMN=-' ignores a column.",
)
@click.option(
    "--encoding", metavar="NAME", help="The file's encoding (e.g. utf-8, cp1252), when detection is wrong."
)
@config_option
def import_people_command(
    csv_file: Path, mappings: tuple[str, ...], encoding: str | None, config_file: str | None
) -> None:
    """Create or update profiles from a directory export (CSV from an HR tool or a spreadsheet).

    The delimiter (, ; or tab) and the encoding (UTF-8, Windows-1252) are detected. Column names
    in French or English are understood (Nom, Prénom, Adresse e-mail, Fonction, Service, Site,
    Manager; First Name, Last Name, Work Email, Job Title, Department, Location, Manager Email…);
    --map names the others. It prints which column feeds which field and every column it ignores.
    The directory owns name, role, team, site, organisation, kind and manager; people own
    everything else (bio, skills, interests, groups, links), which an import never changes.
    Running it twice changes nothing the second time.

    Exits 0 when every row was imported or merged, 1 when a row was refused (the others are
    imported), 2 when the file cannot be read.
    """
    from rse_build.importer import Field, import_people, map_columns
    from rse_build.tabular import read_table

    community = _community_config(config_file)
    t = _community_translator(community)
    shown = _shown(csv_file.resolve()) if csv_file.is_absolute() else str(csv_file)

    def unreadable(message: str) -> NoReturn:
        raise _LocatedFailure(f"{shown}:1:1: {message}")

    chosen: dict[str, Field | None] = {}
    fields = [f.value for f in Field]
    for mapping in mappings:
        column, equals, name = mapping.rpartition("=")
        if not equals or not column:
            raise _Refused(t("import.map_syntax", value=mapping))
        if name.strip() not in ("", "-", *fields):
            raise _Refused(t("import.map_field", value=mapping, field=name, fields=", ".join(fields)))
        chosen[column.strip()] = Field(name.strip()) if name.strip() not in ("", "-") else None
    if not csv_file.is_file():
        unreadable(t("import.not_a_file"))
    try:
        data = csv_file.read_bytes()
    except OSError as error:
        unreadable(t("import.cannot_read", reason=error.strerror or error))
    table = read_table(data, shown, t, encoding)
    if isinstance(table, Problem):
        raise _LocatedFailure(table.located(t))
    columns = map_columns(table, chosen, shown, t)
    if isinstance(columns, Problem):
        raise _LocatedFailure(columns.located(t))
    separator = t("import.tab") if table.delimiter == "\t" else f"'{table.delimiter}'"
    click.echo(
        t.plural(
            len(table.rows),
            "import.read",
            path=shown,
            encoding=table.encoding,
            separated=t("import.separated", delimiter=separator),
        )
    )
    fed = ", ".join(f"{c.header} → {t(f'import.field.{c.field}')}" for c in columns.fed)
    ignored = ", ".join(c.header or t("import.unnamed", number=c.index + 1) for c in columns.ignored)
    click.echo(t("import.columns", mapping=fed) + (t("import.ignored", columns=ignored) if ignored else ""))
    report = import_people(community.docs_dir, table, columns, shown, t)
    people = os.path.relpath(community.docs_dir / "people")
    for handle in report.created:
        click.echo(t("import.created_line", path=f"{people}/{handle}.md"))
    for handle, keys in report.updated:
        click.echo(t("import.updated_line", path=f"{people}/{handle}.md", keys=", ".join(keys)))
    # Paths are the file's as given on the command line; every note is told (none grouped).
    _print_problems(report.notes, Path.cwd(), t, verbose=True)
    counts = (
        (len(report.created), "import.n_created"),
        (len(report.updated), "import.n_updated"),
        (len(report.unchanged), "import.n_unchanged"),
        (len(report.merged), "import.n_merged"),
        (len(report.refused), "import.n_skipped"),
    )
    click.echo(", ".join(t.plural(n, key) for n, key in counts))
    if report.refused:
        # The refused rows are among the notes above; the others were imported.
        raise ContentError([], outcome=None)


def _site_plan(community: CommunityConfig, audience: str | None) -> SitePlan:
    """One audience's site plan, as `rse build` makes it."""
    from rse_build.mkdocs_adapter.run import source_files
    from rse_build.site import plan_site

    prepared = _prepared(community, audience)
    return plan_site(prepared, source_files(prepared.config.config_file))


def _prepared(community: CommunityConfig, audience: str | None, early: EarlyLog | None = None) -> Prepared:
    """One audience's share of the community, checked and dated by git as `rse build` prepares
    it, with a progress bar when the history pass takes more than a second; content errors stop
    here. The history pass starts before the check (`early`, or started here)."""
    t = _community_translator(community)
    if early is not None:
        return _checked_and_prepared(community, audience, t, early)
    with log_started_early(community.root, community.docs_dir) as started:
        return _checked_and_prepared(community, audience, t, started)


def _checked_and_prepared(
    community: CommunityConfig, audience: str | None, t: Translator, early: EarlyLog | None
) -> Prepared:
    import time

    from rse_build.site import BuildOptions, prepare

    checked = check_config(community)
    if checked.errors:
        raise ContentError(checked.errors, outcome=None)
    started = time.monotonic()
    bar: Progress | None = None
    task = None

    def progress(done: int) -> None:
        nonlocal bar, task
        if bar is None and time.monotonic() - started > 1:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            # Commits read and the time so far: the total would cost git a pass of its own.
            bar = Progress(
                TextColumn(t("stats.reading_history")),
                BarColumn(),
                TextColumn("{task.completed:.0f}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            bar.start()
            task = bar.add_task("history", total=None)
        if bar is not None and task is not None:
            bar.update(task, completed=done)

    try:
        return prepare(community, checked, BuildOptions(audience=audience), progress=progress, early=early)
    finally:
        if bar is not None:
            bar.stop()


@main.command()
@config_option
@click.option(
    "--week", metavar="YYYY-Www", help="The ISO week, e.g. 2026-W48 (default: the last commit's week)."
)
@click.option(
    "--since", metavar="Nd", help="The N days up to the last commit's day instead of a week, e.g. 7d."
)
@click.option("--group", "group_slug", metavar="SLUG", help="One group's digest.")
@click.option(
    "--audience", metavar="NAME", help="What this audience's site shows (default: default_audience)."
)
@click.option("--format", "fmt", type=click.Choice(DIGEST_FORMATS), default="md", show_default=True)
def digest(
    config_file: str | None,
    week: str | None,
    since: str | None,
    group_slug: str | None,
    audience: str | None,
    fmt: str,
) -> None:
    """What happened and what waits: new notes, responses, new members, unanswered questions,
    ideas gaining support, upcoming events by site, notes worth a review.

    A function of the repository at its last commit, never of the clock: a CI step can mail the
    HTML or post the Markdown (rse sends nothing itself).
    """
    from rse_build.digest import render
    from rse_build.views.digest import digest as week_digest

    community = _community_config(config_file)
    t = _community_translator(community)
    if week and since:
        raise click.UsageError(t("digest.week_or_since"))
    plan = _site_plan(community, audience)
    if group_slug is not None and group_slug not in plan.community.groups:
        raise _Refused(t("digest.unknown_group", group=group_slug))
    chosen = _digest_week(t, week, since, plan.today)
    name = plan.settings.name or community.site_name
    if group_slug is not None:
        name = plan.community.groups[group_slug].title
    title = t("digest.title", name=name, week=chosen.label)
    pages = plan.stats.pages if plan.stats else {}
    found = week_digest(plan.refs, chosen, pages, plan.links, title, group_slug)
    click.echo(plan.redact(render(found, fmt, t, community.site_url)), nl=False)


def _digest_week(t: Translator, week: str | None, since: str | None, today: dt.date | None) -> Week:
    from rse_build.views.digest import Week

    if week is not None:
        try:
            return Week.named(week)
        except (ValueError, IndexError):
            raise _Refused(t("digest.bad_week", value=week)) from None
    if today is None:
        raise _Refused(t("digest.no_commit"))
    if since is not None:
        days = since.removesuffix("d")
        if not days.isdigit() or int(days) < 1:
            raise _Refused(t("digest.bad_since", value=since))
        return Week.since(today + dt.timedelta(days=1), int(days))
    return Week.of(today)


@main.command()
@config_option
@click.option(
    "--json", "as_json", is_flag=True, help="Print stats.json (the same figures the site publishes)."
)
@click.option(
    "--audience", metavar="NAME", help="The figures of this audience's site (default: default_audience)."
)
def stats(config_file: str | None, as_json: bool, audience: str | None) -> None:
    """The community's statistics in the terminal: totals, months, groups, sites.

    Aggregates only: no ranking of individuals. People with stats: false count in totals.
    The figures are those of one audience's site, as its stats.json publishes them.
    """
    # git walks the history while rse reads mkdocs.yml, imports MkDocs and checks the files.
    config_path = _config_file(config_file)
    with log_started_early(config_path.parent, docs_dir_named(config_path)) as early:
        community = _community_config(config_file)
        from rse_build.mkdocs_adapter.run import source_files
        from rse_build.site import site_figures, stats_json

        t = _community_translator(community)
        prepared = _prepared(community, audience, early)
    # The site's figures without the rest of its plan (pages, feeds): those its stats.json publishes.
    counted = site_figures(prepared, source_files(community.config_file))
    figures = counted.stats()
    assert figures is not None
    if as_json:
        click.echo(stats_json(figures), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    insight = counted.insights()
    assert insight is not None
    out = Console()
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
        min_group = prepared.settings.privacy.min_group
        for row in insight.by_site:
            sites.add_row(row.label or t("other_sites", n=min_group), str(row.commits), str(row.contributors))
        out.print(sites)
