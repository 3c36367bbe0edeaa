"""Atom feeds and the events calendar, read back by feedparser and icalendar."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import feedparser
import icalendar

from tests.conftest import MKDOCS_YML, SMALL, TWO_AUDIENCES, rse

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
    # Neither the event nor the community names a zone: floating, as the author wrote it.
    assert "TZID" not in event["dtstart"].params and not calendar.walk("VTIMEZONE")
    assert "url" in event and "conference" not in event


def test_feeds_are_the_same_for_the_same_commit(make_community):
    community = make_community({**SMALL, "content/notes/office-hours.md": EVENT})
    assert rse(community, "build", "--site-dir", "a").exit_code == 0
    assert rse(community, "build", "--site-dir", "b").exit_code == 0
    for name in (
        "feed.xml",
        "events.ics",
        "events/notes/office-hours.ics",
        "groups/data-platform/feed.xml",
        "groups/data-platform/events.ics",
    ):
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
    assert "Add to calendar" in event and 'href="../../events/notes/office-hours.ics"' in event
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


# Hybrid meetups: the community's zone, an event's own zone, an all-day event, an online link,
# and an event only the internal audience may see.
HYBRID_YML = (
    MKDOCS_YML
    + "site_url: https://network.example.org/\nextra:\n  rse:\n    timezone: Europe/Paris\n"
    + TWO_AUDIENCES
)
HYBRID = {
    "content/notes/lyon-meetup.md": """\
        ---
        title: Lyon meetup
        type: event
        audience: public
        date: 2026-11-01
        start: 2026-12-03T18:00
        end: 2026-12-03T20:00
        place: Salle Confluence
        site: Lyon
        online: https://meet.example.org/lyon-meetup
        summary: "Talks and pizza in the room or from home: questions to ada@acme.example"
        ---
        Come along.
        """,
    "content/notes/demo-day.md": """\
        ---
        title: Winter demo day
        type: event
        audience: public
        date: 2026-11-02
        start: 2026-12-10
        end: 2026-12-11
        place: Grenoble, Amphi B
        site: Grenoble
        ---
        """,
    "content/groups/data-platform/toronto-call.md": """\
        ---
        title: Toronto call
        type: event
        date: 2026-11-03
        start: 2026-12-04T09:00
        end: 2026-12-04T10:00
        timezone: America/Toronto
        online: https://meet.example.org/toronto
        ---
        """,
    "content/notes/offsite.md": """\
        ---
        title: Secret offsite
        type: event
        date: 2026-11-04
        groups: [data-platform]
        start: 2026-12-05T09:30
        timezone: Europe/Paris
        place: Château de Vizille
        ---
        """,
}


def _calendar(path):
    return icalendar.Calendar.from_ical(path.read_bytes())


def _titles(calendar) -> list[str]:
    return [str(e["summary"]) for e in calendar.walk("VEVENT")]


def _zones(calendar) -> list[str]:
    return [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")]


def test_hybrid_events_in_calendars_with_time_zones(make_community):
    community = make_community({**SMALL, **HYBRID}, mkdocs_yml=HYBRID_YML)
    assert rse(community, "build", "--all-audiences", "--site-dir", "out").exit_code == 0
    internal, public = community.root / "out/internal", community.root / "out/public"

    everything = _calendar(internal / "events.ics")
    assert _titles(everything) == ["Lyon meetup", "Toronto call", "Secret offsite", "Winter demo day"]
    assert _zones(everything) == ["America/Toronto", "Europe/Paris"]  # sorted: same bytes each build
    events = {str(e["summary"]): e for e in everything.walk("VEVENT")}
    paris, toronto = zoneinfo.ZoneInfo("Europe/Paris"), zoneinfo.ZoneInfo("America/Toronto")

    lyon = events["Lyon meetup"]  # no zone of its own: the community's
    for name, hour in (("dtstart", 18), ("dtend", 20)):
        assert lyon[name].params["TZID"] == "Europe/Paris"
        assert lyon.decoded(name) == dt.datetime(2026, 12, 3, hour, 0, tzinfo=paris)
    assert str(lyon["url"]) == "https://network.example.org/notes/lyon-meetup/"
    assert str(lyon["conference"]) == "https://meet.example.org/lyon-meetup"
    assert lyon["conference"].params["VALUE"] == "URI" and lyon["conference"].params["FEATURE"] == "VIDEO"
    assert "Join online: https://meet.example.org/lyon-meetup" in str(lyon["description"])
    assert str(lyon["location"]) == "Salle Confluence, Lyon"

    call = events["Toronto call"]  # its own zone wins over the community's
    assert call["dtstart"].params["TZID"] == "America/Toronto"
    assert call.decoded("dtstart") == dt.datetime(2026, 12, 4, 9, 0, tzinfo=toronto)
    assert str(call["location"]) == "https://meet.example.org/toronto"
    assert str(call["url"]) == "https://network.example.org/groups/data-platform/toronto-call/"

    day = events["Winter demo day"]  # all day: dates, and DTEND the day after the last
    assert "TZID" not in day["dtstart"].params
    assert day.decoded("dtstart") == dt.date(2026, 12, 10)
    assert day.decoded("dtend") == dt.date(2026, 12, 12)
    assert str(day["location"]) == "Grenoble, Amphi B" and "conference" not in day

    one = _calendar(internal / "events/groups/data-platform/toronto-call.ics")
    assert _titles(one) == ["Toronto call"] and _zones(one) == ["America/Toronto"]
    assert one.walk("VEVENT")[0].to_ical() == call.to_ical()  # the same UID and times as in the whole
    day_file = _calendar(internal / "events/notes/demo-day.ics")
    assert _titles(day_file) == ["Winter demo day"] and _zones(day_file) == []
    group = _calendar(internal / "groups/data-platform/events.ics")
    assert _titles(group) == ["Toronto call", "Secret offsite"]
    assert _zones(group) == ["America/Toronto", "Europe/Paris"]
    assert _titles(_calendar(internal / "groups/running/events.ics")) == []

    assert _titles(_calendar(public / "events.ics")) == ["Lyon meetup", "Winter demo day"]
    assert _zones(_calendar(public / "events.ics")) == ["Europe/Paris"]
    assert sorted(p.relative_to(public).as_posix() for p in public.rglob("*.ics")) == [
        "events.ics",
        "events/notes/demo-day.ics",
        "events/notes/lyon-meetup.ics",
    ]
    assert _titles(_calendar(public / "events/notes/lyon-meetup.ics")) == ["Lyon meetup"]
    for site in (internal, public):
        for path in site.rglob("*.ics"):
            text = path.read_bytes().decode("utf-8")
            unfolded = text.replace("\r\n ", "")  # a folded line must not hide an address either
            assert "@acme.example" not in unfolded, path
            if site is public:
                assert "Secret offsite" not in unfolded and "Toronto" not in unfolded, path
