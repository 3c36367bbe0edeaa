"""MkDocs hooks for an rse community: every event is handled by the installed rse package,
so this file never changes when rse gains a feature (the upgrade is
`pip install -U rse-build` and the pin in requirements.txt)."""

from rse_build.mkdocs_adapter import *  # noqa: F403
