"""MkDocs hooks for an rse community: every event is handled by the installed rse package,
so this file never changes when rse gains a feature (`pip install -U rse` is the upgrade)."""

from rse_build.mkdocs_adapter import *  # noqa: F403
