"""MkDocs hooks for an rse community: every event is handled by the installed rse package."""

from rse_build.mkdocs_adapter import (  # noqa: F401
    on_config,
    on_files,
    on_page_context,
    on_page_markdown,
)
