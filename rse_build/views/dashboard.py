"""The statistics dashboard: monthly charts and aggregates for animators, no ranking of people."""

from __future__ import annotations

from dataclasses import dataclass

from rse_build.stats import Insights, Stats
from rse_build.views.charts import Chart, bar_chart
from rse_build.views.refs import Fact, Refs


@dataclass(frozen=True, slots=True)
class GroupActivity:
    title: str
    url: str
    commits: int
    contributors: int
    chart: Chart | None
    hidden_note: str


@dataclass(frozen=True, slots=True)
class Dashboard:
    totals: tuple[Fact, ...]
    charts: tuple[Chart, ...]
    health: tuple[Fact, ...]
    sites: tuple[tuple[str, int, int], ...]
    groups: tuple[GroupActivity, ...]
    json_url: str
    chart_months: int = 0


# Charts show the recent past at a readable width; the whole series is in stats.json.
CHART_MONTHS = 24


def dashboard(refs: Refs, stats: Stats, insights: Insights, min_group: int) -> Dashboard:
    t = refs.t
    c = stats.community
    monthly = c.monthly[-CHART_MONTHS:]
    charts = (
        bar_chart(
            t.active_contributors, [(m.month, m.active_contributors) for m in monthly], max_label=t.max
        ),
        bar_chart(t.new_contributors, [(m.month, m.new_contributors) for m in monthly], max_label=t.max),
        bar_chart(t.notes_created, [(m.month, m.notes_created) for m in monthly], max_label=t.max),
        bar_chart(t.commits_per_month, [(m.month, m.commits) for m in monthly], max_label=t.max),
    )
    if insights.responses_monthly:
        written = [(m.month, insights.responses_monthly.get(m.month, 0)) for m in monthly]
        charts += (bar_chart(t("responses_per_month"), written, max_label=t.max),)
    share = (
        t("share_of", share=f"{insights.top_decile_share * 100:.0f}", n=insights.top_decile_people)
        if insights.top_decile_share is not None
        else t("too_few_to_show", n=10)
    )
    cross = (
        f"{insights.cross_site_notes} / {insights.notes_with_contributors}"
        if insights.notes_with_contributors
        else "0"
    )
    groups = []
    for entry in insights.by_group:
        figures = stats.groups[entry.slug]
        group = refs.group(entry.slug)
        chart = (
            bar_chart(group.title, list(entry.monthly), max_label=t.max, height=80)
            if entry.shown and entry.monthly
            else None
        )
        groups.append(
            GroupActivity(
                title=group.title,
                url=group.url,
                commits=figures.commits,
                contributors=figures.contributors,
                chart=chart,
                hidden_note="" if entry.shown else t("group_below_threshold", n=min_group),
            )
        )
    return Dashboard(
        totals=(
            Fact(t.people, str(c.people)),
            Fact(t.groups, str(c.groups)),
            Fact(t.notes, str(c.notes)),
            Fact(t.contributors, str(c.contributors)),
            Fact(t.commits, str(c.commits)),
        ),
        charts=charts,
        health=(
            Fact(t.top_decile, share),
            Fact(t.core_group, str(insights.core_group)),
            Fact(t.cross_site, cross),
        ),
        sites=tuple(
            (s.label or t("other_sites", n=min_group), s.commits, s.contributors) for s in insights.by_site
        ),
        groups=tuple(sorted(groups, key=lambda g: (-g.commits, g.title.casefold()))),
        json_url="stats.json",
        chart_months=CHART_MONTHS,
    )
