"""The community as git sees it: history read once, notes given their git defaults (authors
and date from the first commit), page facts ready for every view and for stats.json."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from rse_build.history import EarlyLog, FileFacts, History, Progress, read_history, restricted
from rse_build.identity import Resolver
from rse_build.model import Community, Note, Response
from rse_build.settings import Settings
from rse_build.stats import Insights, Stats, compute, day, insights, page_facts


@dataclass(frozen=True, slots=True)
class Enriched:
    community: Community
    resolver: Resolver
    history: History | None
    pages: dict[str, FileFacts]
    person_figures: bool = True

    def stats(self, existing_pages: set[str]) -> Stats | None:
        if self.history is None:
            return None
        return compute(
            self.community, self.history, self.pages, self.resolver, existing_pages, self.person_figures
        )

    def for_audience(self, community: Community, published: Collection[str] | None) -> Enriched:
        """The facts one audience's site may count: its own community and, when `published`
        (paths under content/) leaves something out, only the commits that changed those."""
        if self.history is None or published is None:
            return dataclasses.replace(self, community=community)
        prefix = f"{self.history.prefix}/" if self.history.prefix else ""
        history = restricted(self.history, [prefix + p for p in published])
        return Enriched(community, self.resolver, history, page_facts(history), self.person_figures)

    def insights(self, min_group: int) -> Insights | None:
        if self.history is None:
            return None
        return insights(self.community, self.history, self.pages, self.resolver, min_group)


RecordT = TypeVar("RecordT", Note, Response)


def with_git_defaults(record: RecordT, facts: FileFacts | None, resolver: Resolver) -> RecordT:
    """Front matter wins; what it leaves out, the file's first commit says: its author, and its
    day (a note's) or its time in UTC (a response's, so that a thread keeps its order)."""
    fields = record.fields
    if facts is None or (fields.authors and fields.date):
        return record
    update: dict = {}
    if not fields.authors and facts.first_author is not None:
        handle = resolver.handle(facts.first_author)
        if handle is not None:
            update["authors"] = (handle,)
    if fields.date is None:
        if isinstance(record, Response):
            update["date"] = dt.datetime.fromtimestamp(facts.created, dt.UTC).replace(tzinfo=None)
        else:
            update["date"] = dt.date.fromisoformat(day(facts.created))
    if not update:
        return record
    return dataclasses.replace(record, fields=fields.model_copy(update=update))


def enrich(
    root: Path,
    docs_dir: Path,
    community: Community,
    settings: Settings,
    *,
    no_history: bool = False,
    progress: Progress | None = None,
    early: EarlyLog | None = None,
) -> Enriched:
    """Raises HistoryUnavailable (shallow clone, no repository, missing objects) unless
    `no_history`, in which case pages simply have no git dates."""
    resolver = Resolver.from_people(community.people.values(), settings.bots)
    person_figures = settings.privacy.person_figures
    if no_history:
        return Enriched(community, resolver, None, {}, person_figures)
    history = read_history(root, docs_dir, progress=progress, early=early)
    pages = page_facts(history)
    notes = [with_git_defaults(n, pages.get(n.path), resolver) for n in community.notes.values()]
    responses = [with_git_defaults(r, pages.get(r.path), resolver) for r in community.every_response]
    community = Community.build(
        list(community.people.values()), list(community.groups.values()), notes, responses
    )
    return Enriched(community, resolver, history, pages, person_figures)
