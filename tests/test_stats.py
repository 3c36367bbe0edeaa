"""stats.json against SPEC.md's counting rules, figure by figure, on a scripted history."""

from __future__ import annotations

import json

import git
import pytest

from tests.conftest import new_community, rse

ADA = "Ada Lovelace <ada@acme.example>"
ADA_OLD = "Ada L <ada.old@home.example>"  # mapped to Ada by .mailmap
GRACE = "Grace Hopper <grace@acme.example>"
NICO = "Nico Private <nico@acme.example>"  # stats: false
STRANGER = "Some One <someone@elsewhere.example>"  # no profile
BOT = "Renovate Bot <bot@noreply.example>"


def person(name: str, email: str, extra: str = "") -> str:
    return f"---\nname: {name}\nemails: [{email}]\nskills: [x]\n{extra}---\n"


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    root = tmp_path_factory.mktemp("stats") / "community"
    c = new_community(
        root,
        mkdocs_yml=(
            "site_name: Stats\ndocs_dir: content\ntheme:\n  name: material\nhooks:\n  - hooks/rse.py\n"
            "extra:\n  rse:\n    bots: ['*@noreply.example']\n"
        ),
    )
    c.write(".mailmap", "Ada Lovelace <ada@acme.example> Ada L <ada.old@home.example>\n")
    c.write("content/index.md", "# Home\n")
    c.write("content/people/ada.md", person("Ada", "ada@acme.example", "groups: [data]\n"))
    c.write("content/people/grace.md", person("Grace", "grace@acme.example", "groups: [data]\n"))
    c.write("content/people/nico.md", person("Nico", "nico@acme.example", "groups: [data]\nstats: false\n"))
    c.write("content/groups/data/index.md", "---\ntitle: Data\nanimators: [ada]\n---\n")
    c.commit("Start the community", author=ADA, date="2026-01-10T09:00:00+00:00")
    # 1. Ada (old identity, mapped) writes a note with Grace as co-author.
    c.write("content/notes/kafka.md", "---\ntitle: Kafka\n---\nline 1\nline 2\n")
    c.commit(
        "Kafka note\n\nCo-authored-by: Grace Hopper <grace@acme.example>",
        author=ADA_OLD,
        date="2026-01-20T10:00:00+00:00",
    )
    # 2. Grace edits it in February.
    c.write("content/notes/kafka.md", "---\ntitle: Kafka\n---\nline 1\nline 2 changed\nline 3\n")
    c.commit("Improve", author=GRACE, date="2026-02-05T10:00:00+00:00")
    # 3. Nico (stats: false) renames it into the group's folder, in March.
    c.repo.git.mv("content/notes/kafka.md", "content/groups/data/kafka.md")
    c.commit("File under data", author=NICO, date="2026-03-01T10:00:00+00:00")
    # 4. A stranger and a bot each touch it; a change outside content/ never counts.
    path = c.root / "content/groups/data/kafka.md"
    path.write_text(path.read_text() + "stranger line\n")
    c.commit("Typo", author=STRANGER, date="2026-03-02T10:00:00+00:00")
    path.write_text(path.read_text() + "bot line\n")
    c.commit("Bump", author=BOT, date="2026-03-03T10:00:00+00:00")
    c.write("README.md", "outside content\n")
    c.commit("Readme", author=GRACE, date="2026-03-04T10:00:00+00:00")
    # 5. A branch by Grace, merged by Ada: the merge itself never counts.
    c.repo.git.checkout("-b", "topic")
    c.write("content/notes/second.md", "---\ntitle: Second\nauthors: [grace]\n---\nBody\n")
    c.commit("Second note", author=GRACE, date="2026-03-10T10:00:00+00:00")
    c.repo.git.checkout("main")
    c.write("content/notes/third.md", "---\ntitle: Third\n---\nBody\n")
    c.commit("Third note", author=ADA, date="2026-03-11T10:00:00+00:00")
    actor = git.Actor("Ada Lovelace", "ada@acme.example")
    with c.repo.git.custom_environment(
        GIT_AUTHOR_DATE="2026-03-12T10:00:00+0000",
        GIT_COMMITTER_DATE="2026-03-12T10:00:00+0000",
        GIT_AUTHOR_NAME=actor.name,
        GIT_AUTHOR_EMAIL=actor.email,
        GIT_COMMITTER_NAME=actor.name,
        GIT_COMMITTER_EMAIL=actor.email,
    ):
        c.repo.git.merge("topic", "--no-ff", "-m", "Merge topic")
    result = rse(c, "build")
    assert result.exit_code == 0, result.output
    return c, json.loads((c.site / "stats.json").read_text())


def test_commit_and_community_totals(history):
    c, stats = history
    assert stats["commit"] == c.repo.head.commit.hexsha
    community = stats["community"]
    # Commits touching content/, merges and bots excluded: start, kafka, improve, rename,
    # typo, second, third = 7.
    assert community["commits"] == 7
    assert (community["people"], community["groups"], community["notes"]) == (3, 1, 3)
    # ada, grace and nico (private, still counted in totals); the stranger has no profile.
    assert community["contributors"] == 3
    assert stats["unmatched_identities"] == 1


def test_monthly_figures(history):
    _, stats = history
    monthly = {m["month"]: m for m in stats["community"]["monthly"]}
    assert list(monthly) == ["2026-01", "2026-02", "2026-03"]
    assert monthly["2026-01"] == {
        "month": "2026-01",
        "active_contributors": 2,
        "new_contributors": 2,
        "notes_created": 1,
        "commits": 2,
    }
    assert monthly["2026-02"] == {
        "month": "2026-02",
        "active_contributors": 1,
        "new_contributors": 0,
        "notes_created": 0,
        "commits": 1,
    }
    assert monthly["2026-03"] == {
        "month": "2026-03",
        "active_contributors": 3,
        "new_contributors": 1,
        "notes_created": 2,
        "commits": 4,
    }


def test_people_figures_follow_the_counting_rules(history):
    _, stats = history
    people = stats["people"]
    assert "nico" not in people  # stats: false: never shown individually
    assert people["ada"] == {
        "commits": 3,
        "notes_authored": 2,
        "notes_contributed": 0,
        "first_contribution": "2026-01-10",
        "last_contribution": "2026-03-11",
    }
    assert people["grace"]["commits"] == 3  # co-author of kafka, improve, second
    assert people["grace"]["notes_authored"] == 1  # second (front matter)
    assert people["grace"]["notes_contributed"] == 1  # kafka, authored by Ada (first commit)
    assert people["grace"]["first_contribution"] == "2026-01-20"


def test_pages_keep_their_history_through_a_rename(history):
    _, stats = history
    kafka = stats["pages"]["groups/data/kafka.md"]
    assert kafka["created"] == "2026-01-20"
    assert kafka["updated"] == "2026-03-03"  # the bot's edit still dates the page
    assert kafka["revisions"] == 5  # kafka, improve, rename, typo, bump
    assert kafka["contributors"] == ["ada", "grace"]  # nico private; stranger and bot nobody
    assert "notes/kafka.md" not in stats["pages"]


def test_group_figures(history):
    _, stats = history
    # start (index.md), kafka, improve, rename, typo; the bot never counts
    assert stats["groups"]["data"] == {"members": 3, "notes": 1, "contributors": 3, "commits": 5}


def test_note_defaults_and_byline_come_from_git(history):
    c, _ = history
    third = c.page("notes/third/index.html")
    assert "people/ada/" in third and "11 March 2026" in third


def test_no_email_in_stats_or_site(history):
    c, _ = history
    for file in c.site.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".json", ".xml"}:
            text = file.read_text(errors="replace").lower()
            for address in (
                "ada@acme.example",
                "ada.old@home.example",
                "someone@elsewhere.example",
                "grace@acme.example",
                "bot@noreply.example",
                "nico@acme.example",
            ):
                assert address not in text, (file, address)


def test_same_commit_same_stats_from_the_cache(history):
    c, stats = history
    assert (c.root / ".rse-cache").is_dir()
    assert rse(c, "build", "--site-dir", "again").exit_code == 0
    assert json.loads((c.root / "again/stats.json").read_text()) == stats


def test_pages_show_what_git_says_and_private_people_show_no_figures(history):
    c, _ = history
    kafka = c.page("groups/data/kafka/index.html")
    assert "20 January 2026" in kafka and "Updated 3 March 2026" in kafka
    assert "Contributors:" in kafka and "people/grace/" in kafka
    ada = c.page("people/ada/index.html")
    assert "Contributions" in ada and "<dt>Commits</dt><dd>3</dd>" in ada
    assert "Contributions" not in c.page("people/nico/index.html")
    group = c.page("groups/data/index.html")
    assert "<dt>Commits</dt><dd>5</dd>" in group


def test_dashboard_draws_charts_at_build_time_without_ranking_people(history):
    c, _ = history
    page = c.page("stats/index.html")
    assert page.count('<svg class="rse-chart"') == 5  # four monthly charts + the data group
    assert "<title>2026-03: 4</title>" in page  # commits in March
    assert "Core group" in page and "Share of contributions by the most active 10%" in page
    # No person is named on the dashboard: aggregates only.
    for name in ("Ada", "Grace", "Nico"):
        assert f">{name}<" not in page
    from tests.sitecheck import external_requests

    assert external_requests(c.site) == []
    ada = c.page("people/ada/index.html")
    assert '<svg class="rse-sparkline"' in ada


def test_insights_core_group_and_top_decile(history):
    c, _ = history
    from rse_build.check import check_community
    from rse_build.enrich import enrich

    checked = check_community(c.root / "mkdocs.yml", c.root / "content", {}, None)
    enriched = enrich(c.root, c.root / "content", checked.community, checked.settings)
    insights = enriched.insights(min_group=3)
    # Ada (Jan, Mar), Grace (Jan, Feb, Mar), Nico (Mar): Grace alone is active 3 of 6 months.
    assert insights.core_group == 1
    # Three contributors: the "top 10%" would be one identifiable person, so it is not shown.
    assert insights.top_decile_people == 0 and insights.top_decile_share is None
    assert insights.months == ("2026-01", "2026-02", "2026-03")
    assert "nico" not in insights.person_monthly
    small = enriched.insights(min_group=4)
    assert small.by_group[0].shown is False and small.by_group[0].monthly == ()


def test_rse_stats_prints_the_same_figures(history):
    c, stats = history
    assert "notes/second.md" in stats["pages"]
    as_json = rse(c, "stats", "--json")
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == stats
    table = rse(c, "stats")
    assert table.exit_code == 0
    assert "2026-03" in table.stdout and "Core group" in table.stdout
    assert "ada" not in table.stdout  # aggregates only: no individual figures in the terminal


def test_no_per_person_line_counts_anywhere(history):
    """Lines written per person are a productivity metric, not a community one (SPEC.md)."""
    c, stats = history
    for figures in stats["people"].values():
        assert not any("line" in key for key in figures)
    profile = c.page("people/ada/index.html")
    assert "lines" not in profile.lower()


def test_person_figures_off_removes_every_per_person_figure(history, tmp_path):
    """privacy.person_figures: false: no `people` figures, no contributions on profiles; pages
    still name who edited them (as any wiki's history does)."""
    c, _ = history
    config = c.root / "mkdocs.yml"
    original = config.read_text()
    config.write_text(original.replace("    bots:", "    privacy: {person_figures: false}\n    bots:"))
    try:
        result = rse(c, "build", "--site-dir", str(tmp_path / "site"))
        assert result.exit_code == 0, result.output
    finally:
        config.write_text(original)
    stats = json.loads((tmp_path / "site/stats.json").read_text())
    assert stats["people"] == {}
    assert stats["community"]["contributors"] == 3
    assert stats["pages"]["groups/data/kafka.md"]["contributors"] == ["ada", "grace"]
    profile = (tmp_path / "site/people/ada/index.html").read_text()
    reference = c.page("people/ada/index.html")
    assert "<dt>Commits</dt>" in reference and "<dt>Commits</dt>" not in profile
    assert "Contributions" in reference and "Contributions" not in profile
