"""Running MkDocs for the command line: one audience's build, every audience's, the live
preview, and what mkdocs.yml says without building."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import get_files

from rse_build.errors import EnvironmentProblem
from rse_build.history import head_commit
from rse_build.mkdocs_adapter.events import (
    ENV_AUDIENCE,
    ENV_DRAFTS,
    ENV_FROM_RSE,
    ENV_NO_HISTORY,
    ENV_SERVED,
    OPTIONS_KEY,
    PLAN_KEY,
    community_config,
    site_files,
)
from rse_build.mkdocs_adapter.parallel import parallel_build
from rse_build.mkdocs_adapter.preview import Preview
from rse_build.model import Community
from rse_build.output import replaced_atomically
from rse_build.settings import CommunityConfig
from rse_build.site import BuildOptions, SiteFiles, SitePlan


class BuildFailed(EnvironmentProblem):
    """MkDocs refused the configuration or the build; the message says why."""

    frame = "build.failed"


class ConfigRefused(EnvironmentProblem):
    """MkDocs refused mkdocs.yml; the message is MkDocs' own."""


class ServeFailed(EnvironmentProblem):
    """MkDocs could not serve the preview (the address is taken, the configuration refused)."""

    frame = "serve.failed"


@contextmanager
def _source_date(config_file: Path) -> Iterator[None]:
    """SOURCE_DATE_EPOCH, the build commit's date, for one build: MkDocs reads its own dates
    (the sitemap's) from the environment, so the same commit gives the same bytes."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if saved is None:
        head = head_commit(config_file.parent)
        if head is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(head.timestamp)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


@contextmanager
def _serve_environment(options: BuildOptions) -> Iterator[None]:
    """`mkdocs serve` loads the configuration again on every rebuild: rse's switches reach the
    hooks through the environment, set for the preview and restored after it."""
    wanted = {
        ENV_FROM_RSE: "1",
        # Empty until the first build is served (events.on_post_build sets it).
        ENV_SERVED: "",
        ENV_DRAFTS: "1" if options.drafts else None,
        ENV_NO_HISTORY: "1" if options.no_history else None,
        ENV_AUDIENCE: options.audience,
    }
    saved = {key: os.environ.get(key) for key in wanted}
    for key, value in wanted.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@dataclass(frozen=True, slots=True)
class Built:
    """What a build put in the site, for the command line's summary."""

    site_dir: Path
    community: Community
    audience: str


def _build_into(
    config_file: Path,
    site_dir: Path | None,
    staging: Callable[[Path], Path],
    options: BuildOptions,
    strict: bool,
) -> Built:
    """One audience's site: MkDocs writes into `staging(target)`, never into the target."""
    overrides: dict[str, Any] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    with _source_date(config_file):
        try:
            config = load_config(str(config_file), **overrides)
            config[OPTIONS_KEY] = options
            target = Path(config.site_dir)
            config["site_dir"] = str(staging(target))
            parallel_build(config, options.jobs)
        except MkDocsException as error:
            raise BuildFailed("environment.mkdocs", error=str(error)) from None
        except TemplateError as error:
            # A theme override's mistake: MkDocs has logged the page it was building.
            raise BuildFailed("environment.mkdocs", error=str(error)) from None
    plan: SitePlan = config[PLAN_KEY]
    return Built(target, plan.community, plan.share.audience.name)


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = False,
    drafts: bool = False,
    no_history: bool = False,
    audience: str | None = None,
    jobs: int = 1,
) -> Built:
    """Check the content and run MkDocs' build on `config_file` (the hooks do rse's part),
    for one audience (default: the community's default audience).

    The site is built beside its folder and swapped in only once complete. Raises
    ContentError with every located problem, or an EnvironmentProblem (an unknown audience,
    no history, an output folder that cannot be replaced, MkDocs' own refusals).
    """
    options = BuildOptions(drafts=drafts, no_history=no_history, audience=audience, from_rse=True, jobs=jobs)
    with ExitStack() as stack:

        def staging(target: Path) -> Path:
            return stack.enter_context(replaced_atomically(target))

        return _build_into(config_file, site_dir, staging, options, strict)


def build_all_audiences(
    config_file: Path,
    site_dir: Path | None,
    audiences: Iterable[str],
    *,
    strict: bool = False,
    drafts: bool = False,
    no_history: bool = False,
    jobs: int = 1,
) -> list[Built]:
    """`site_dir/<audience>/` for each audience, swapped in together: if one fails, the
    previous sites all stay as they were."""
    names = list(audiences)
    if site_dir is None:
        site_dir = config_summary(config_file).site_dir
    built = []
    with replaced_atomically(site_dir) as root:
        for name in names:
            options = BuildOptions(
                drafts=drafts, no_history=no_history, audience=name, from_rse=True, jobs=jobs
            )
            built.append(
                _build_into(config_file, site_dir / name, lambda _target, n=name: root / n, options, strict)
            )
    return built


def serve_site(
    config_file: Path,
    dev_addr: str,
    *,
    drafts: bool = False,
    no_history: bool = False,
    open_browser: bool = False,
    audience: str | None = None,
) -> None:
    options = BuildOptions(drafts=drafts, no_history=no_history, audience=audience, from_rse=True)
    with _serve_environment(options), _source_date(config_file):
        try:
            _serve(config_file, dev_addr, open_browser)
        except MkDocsException as error:
            raise ServeFailed("environment.mkdocs", error=str(error)) from None


def _serve(config_file: Path, dev_addr: str, open_browser: bool) -> None:
    """`mkdocs serve` (MkDocs 1.6's, its options rse does not offer left out) with rse's
    builder: an edit of notes' bodies rebuilds those pages only (mkdocs_adapter/preview.py)."""
    import shutil
    import tempfile
    from urllib.parse import urlsplit

    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = tempfile.mkdtemp(prefix="rse_")

    def get_config() -> Any:
        config = load_config(str(config_file), site_dir=site_dir, dev_addr=dev_addr)
        config.site_url = serve_url
        return config

    config = load_config(str(config_file), site_dir=site_dir, dev_addr=dev_addr)
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)
    preview = Preview(get_config, serve_url)
    server = LiveReloadServer(builder=preview, host=host, port=port, root=site_dir, mount_path=mount_path)

    def error_page(code: int) -> bytes | None:
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    try:
        # The first build's errors stop the command; later ones are logged and the preview goes on.
        preview()
        server.watch(str(config.docs_dir))
        if config.config_file_path:
            server.watch(config.config_file_path)
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve(open_in_browser=open_browser)
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        preview.close()
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def _load(config_file: Path) -> Any:
    try:
        return load_config(str(config_file))
    except MkDocsException as error:
        raise ConfigRefused("environment.mkdocs", error=str(error)) from None


def config_summary(config_file: Path) -> CommunityConfig:
    """What rse reads of a mkdocs.yml, without building."""
    return community_config(_load(config_file))


def source_files(config_file: Path) -> SiteFiles:
    """The files MkDocs would publish from docs_dir (exclude_docs applied), before rse removes
    drafts and what an audience may not see: what `rse stats` plans its site over."""
    return site_files(get_files(_load(config_file)))
