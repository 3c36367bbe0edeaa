"""The only package that imports MkDocs: `events` (MkDocs' events over the site plan), `html`
(what rse changes in the written HTML), `run` (builds and the preview for the command line),
`fast_url` and `nav_cache` (Material's rendering made cheaper, same bytes).

A community's `hooks/rse.py` does `from rse_build.mkdocs_adapter import *`: the events.
"""

from rse_build.mkdocs_adapter import events
from rse_build.mkdocs_adapter.events import *  # noqa: F403

__all__ = events.__all__
