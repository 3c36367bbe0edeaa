"""Atom feeds and the events calendar, read back by feedparser and icalendar."""

from __future__ import annotations

import datetime as dt

import feedparser
import icalendar

from tests.conftest import SMALL, rse

EVENT = """\
---
title: Data office hours
type: event
authors: [ada-lovelace]
date: 2026-11-01
start: 2026-12-10T14:00
end: 2026-12-10T15:30
place: Lyon, Salle Confluence
summary: Bring your schema.
groups: [data-platform]
---
Come along.
"""


def test_site_and_group_feeds_parse_and_list_notes(make_community):
    community = make_community({**SMALL, "content/notes/office-hours.md": EVENT})
    assert rse(community, "build").exit_code == 0
    site = feedparser.parse((community.site / "feed.xml").read_bytes())
    assert not site.bozo, site.bozo_exception
    titles = [e.title for e in site.entries]
    assert set(titles) == {"Tuning Kafka consumers", "Welcome note", "Data office hours"}
    assert "Secret draft" not in titles
    kafka = next(e for e in site.entries if e.title == "Tuning Kafka consumers")
    assert kafka.link.endswith("groups/data-platform/kafka-tuning/")
    assert kafka.published.startswith("2026-10-01")
    group = feedparser.parse((community.site / "groups/data-platform/feed.xml").read_bytes())
    assert not group.bozo
    assert {e.title for e in group.entries} == {"Tuning Kafka consumers", "Data office hours"}
    assert 'type="application/atom+xml" href="feed.xml"' in community.page("index.html")
    group_page = community.page("groups/data-platform/index.html")
    # The group's own feed is a visible link (typed, for feed readers): a rel=alternate link
    # beside it would make Material fetch groups/<slug>/sitemap.xml, which does not exist.
    assert '<a class="md-button" type="application/atom+xml" href="feed.xml">' in group_page
    assert 'type="application/atom+xml" href="../../feed.xml"' in group_page


def test_events_calendar_parses(make_community):
    community = make_community({**SMALL, "content/notes/office-hours.md": EVENT})
    assert rse(community, "build").exit_code == 0
    calendar = icalendar.Calendar.from_ical((community.site / "events.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]) == "Data office hours"
    assert event.decoded("dtstart") == dt.datetime(2026, 12, 10, 14, 0)
    assert str(event["location"]) == "Lyon, Salle Confluence"
    head = community.repo.head.commit.committed_datetime.astimezone(dt.UTC)
    assert event.decoded("dtstamp") == head


def test_feeds_are_the_same_for_the_same_commit(make_community):
    community = make_community({**SMALL, "content/notes/office-hours.md": EVENT})
    assert rse(community, "build", "--site-dir", "a").exit_code == 0
    assert rse(community, "build", "--site-dir", "b").exit_code == 0
    for name in ("feed.xml", "events.ics", "groups/data-platform/feed.xml"):
        assert (community.root / "a" / name).read_bytes() == (community.root / "b" / name).read_bytes()


PAST_EVENT = EVENT.replace("Data office hours", "Kick-off").replace("2026-12-10", "2025-12-10")
IDEAS = {
    "content/notes/idea-a.md": "---\ntitle: Idea A\ntype: idea\nstate: accepted\n"
    "supporters: [grace-hopper]\n---\n",
    "content/notes/idea-b.md": "---\ntitle: Idea B\ntype: idea\n"
    "supporters: [ada-lovelace, grace-hopper]\n---\n",
    "content/notes/idea-c.md": "---\ntitle: Idea C\ntype: idea\n---\n",
    "content/notes/q-open.md": "---\ntitle: Open question\ntype: question\n---\nHow?\n",
    "content/notes/q-done.md": "---\ntitle: Answered question\ntype: question\n---\n"
    "Why?\n\n## Answer\n\nBecause.\n",
}


def test_ideas_events_and_questions_pages(make_community):
    files = {
        **SMALL,
        **IDEAS,
        "content/notes/office-hours.md": EVENT,
        "content/notes/kick-off.md": PAST_EVENT,
    }
    community = make_community(files)  # committed on 2026-01-15
    assert rse(community, "build").exit_code == 0
    ideas = community.page("ideas/index.html")
    assert ideas.index("Proposed") < ideas.index("Idea B") < ideas.index("Idea C") < ideas.index("Accepted")
    assert ideas.index("Accepted") < ideas.index("Idea A")
    events = community.page("events/index.html")
    assert events.index("Upcoming") < events.index("Data office hours") < events.index("Past")
    assert events.index("Past") < events.index("Kick-off")
    assert 'href="../events.ics"' in events
    questions = community.page("questions/index.html")
    assert questions.index("Waiting for an answer") < questions.index("Open question")
    assert questions.index("Answered") < questions.index("Answered question")


def test_propose_a_change_and_discuss_links(make_community):
    from tests.conftest import MKDOCS_YML

    for repo, edit, discuss in (
        (
            "https://github.com/acme/community",
            "https://github.com/acme/community/edit/main/content/notes/idea-b.md",
            "https://github.com/acme/community/issues/new?title=Idea%20B",
        ),
        (
            "https://gitlab.acme.example/rse/community",
            "https://gitlab.acme.example/rse/community/-/edit/main/content/notes/idea-b.md",
            "https://gitlab.acme.example/rse/community/-/issues/new?issue%5Btitle%5D=Idea%20B",
        ),
    ):
        yml = MKDOCS_YML + f"extra:\n  rse:\n    repo_url: {repo}\n"
        community = make_community({**SMALL, **IDEAS}, name=repo.split("/")[2], mkdocs_yml=yml)
        assert rse(community, "build").exit_code == 0
        page = community.page("notes/idea-b/index.html")
        assert f'href="{edit}"' in page and "Support this idea" in page
        assert f'href="{discuss}"' in page
    assert "Propose a change" in community.page("notes/welcome-note/index.html")


def test_home_shows_events_ideas_and_a_discover_pick(make_community):
    files = {
        **SMALL,
        **IDEAS,
        "content/notes/office-hours.md": EVENT,
        "content/notes/kick-off.md": PAST_EVENT,
    }
    community = make_community(files)
    assert rse(community, "build", "--site-dir", "one").exit_code == 0
    assert rse(community, "build", "--site-dir", "two").exit_code == 0
    home = (community.root / "one/index.html").read_text()
    upcoming = home.split("Upcoming events")[1].split("</section>")[0]
    assert "Data office hours" in upcoming and "Kick-off" not in upcoming
    ideas = home.split("Ideas gaining support")[1].split("</section>")[0]
    assert ideas.index("Idea B") < ideas.index("Idea A")  # two supporters before one
    assert "Something different" in home
    assert home == (community.root / "two/index.html").read_text()
    note = (community.root / "one/groups/data-platform/kafka-tuning/index.html").read_text()
    assert "Related notes" in note


def test_event_group_and_home_actions(make_community):
    from tests.conftest import MKDOCS_YML

    yml = MKDOCS_YML + "extra:\n  rse:\n    repo_url: https://github.com/acme/community\n"
    community = make_community({**SMALL, "content/notes/office-hours.md": EVENT}, mkdocs_yml=yml)
    community.write("content/notes/welcome-note.md", SMALL["content/notes/welcome-note.md"] + "More.\n")
    community.commit("Update the welcome note", date="2026-10-20T10:00:00+00:00")
    assert rse(community, "build").exit_code == 0
    event = community.page("notes/office-hours/index.html")
    assert "Add to calendar" in event and 'href="../../events.ics"' in event
    group = community.page("groups/data-platform/index.html")
    assert "To join, add data-platform to groups: in your profile." in group
    assert 'href="https://github.com/acme/community/tree/main/content/people"' in group
    home = community.page("index.html")
    updated = home.split("Recently updated")[1].split("</section>")[0]
    assert "Welcome note" in updated and "Tuning Kafka consumers" not in updated


def test_an_event_with_an_offset_is_written_in_utc(make_community):
    offset = EVENT.replace("2026-12-10T14:00", "2026-12-10T14:00:00+02:00").replace(
        "2026-12-10T15:30", "2026-12-10T15:30:00+02:00"
    )
    community = make_community({**SMALL, "content/notes/office-hours.md": offset})
    assert rse(community, "build").exit_code == 0
    text = (community.site / "events.ics").read_text()
    assert "DTSTART:20261210T120000Z" in text and "TZID" not in text
