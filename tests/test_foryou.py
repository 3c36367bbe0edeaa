"""Each person's "for you" feed (people/<handle>/feed.xml and their profile's section), the
feeds of tags and of the questions and ideas lists, and profiles' `follows`: a community with a
scripted history, its feeds read back by feedparser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import feedparser

from tests.conftest import TWO_AUDIENCES_YML, rse
from tests.sitecheck import text_files, tree_bytes

ADA = "Ada Lovelace <ada@acme.example>"
GRACE = "Grace Hopper <grace@acme.example>"
PAT = "Pat Partner <pat@partnerco.example>"
IVY = "Ivy Inside <ivy@acme.example>"

# The first commit: who is there. Everything public but Ivy, who is internal.
PEOPLE = {
    "content/index.md": "---\ntitle: Welcome\naudience: public\n---\nHello.\n",
    "content/people/ada-lovelace.md": """\
        ---
        name: Ada Lovelace
        audience: public
        site: Lyon
        emails: [ada@acme.example]
        skills: [kafka]
        groups: [data-platform]
        follows: {people: [grace-hopper], tags: [rust]}
        ---
        """,
    "content/people/grace-hopper.md": """\
        ---
        name: Grace Hopper
        audience: public
        site: Grenoble
        emails: [grace@acme.example]
        skills: [cobol]
        ---
        """,
    "content/people/pat-partner.md": """\
        ---
        name: Pat Partner
        audience: public
        kind: partner
        emails: [pat@partnerco.example]
        skills: [integration]
        stats: false
        follows:
          groups: [running]
        ---
        """,
    "content/people/ivy-inside.md": """\
        ---
        name: Ivy Inside
        emails: [ivy@acme.example]
        skills: [kafka]
        ---
        """,
    "content/groups/data-platform/index.md": """\
        ---
        title: Data Platform
        audience: public
        members: [grace-hopper]
        ---
        """,
    "content/groups/running/index.md": "---\ntitle: Running club\naudience: public\n---\n",
}

ACCEPTED_RACKS = (
    "---\ntitle: Bike racks\naudience: public\ntype: idea\nstate: accepted\nsupporters: [ada-lovelace]\n---\n"
)

# Then one commit a day, each by its author: notes and responses take their commit's date.
HISTORY = (
    (
        "2026-10-01",
        GRACE,
        "content/groups/data-platform/kafka-tips.md",
        "---\ntitle: Kafka tips\naudience: public\ntags: [kafka]\n---\nTips.\n",
    ),
    (
        "2026-10-05",
        ADA,
        "content/groups/data-platform/ada-question.md",
        "---\ntitle: Which broker?\naudience: public\ntype: question\n---\nWhich one?\n",
    ),
    (
        "2026-10-06",
        GRACE,
        "content/responses/ada-question/grace.md",
        "---\nkind: answer\n---\nThe newest.\n",
    ),
    (
        "2026-10-07",
        ADA,
        "content/responses/ada-question/ada.md",
        "---\nreply_to: grace\n---\nThanks, why?\n",
    ),
    (
        "2026-10-08",
        PAT,
        "content/notes/rust-intro.md",
        "---\ntitle: Rust intro\naudience: public\ntags: [Rust]\nsummary: Ask grace@acme.example\n---\n"
        "Thanks @grace-hopper.\n",
    ),
    (
        "2026-10-09",
        PAT,
        "content/notes/lyon-meetup.md",
        "---\ntitle: Lyon meetup\naudience: public\ntype: event\nstart: 2026-12-03T18:00\nsite: Lyon\n---\n",
    ),
    (
        "2026-10-10",
        PAT,
        "content/notes/bike-racks.md",
        "---\ntitle: Bike racks\naudience: public\ntype: idea\nsupporters: [ada-lovelace]\n---\n",
    ),
    (
        "2026-10-11",
        IVY,
        "content/groups/running/secret-route.md",
        "---\ntitle: Secret route\naudience: internal\ntags: [kafka]\n---\nFor @pat-partner only.\n",
    ),
    (
        "2026-10-12",
        GRACE,
        "content/groups/running/spring-run.md",
        "---\ntitle: Spring run\naudience: public\n---\n",
    ),
    # The idea Ada supports is accepted, then edited again: she hears of the change, dated by it.
    (
        "2026-10-13",
        PAT,
        "content/notes/bike-racks.md",
        ACCEPTED_RACKS,
    ),
    (
        "2026-10-14",
        PAT,
        "content/notes/bike-racks.md",
        ACCEPTED_RACKS + "Budget found.\n",
    ),
)


def _scripted(make_community, mkdocs_yml: str = TWO_AUDIENCES_YML):
    community = make_community(PEOPLE, mkdocs_yml=mkdocs_yml)
    for day, author, path, text in HISTORY:
        community.write(path, text)
        community.commit(f"{path} on {day}", author=author, date=f"{day}T10:00:00+00:00")
    return community


def _entries(site, handle: str) -> list[tuple[str, str]]:
    """(title, reason) of each entry of a person's feed, in the feed's order."""
    parsed = feedparser.parse((site / f"people/{handle}/feed.xml").read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return [(e.title, e.summary.split(" · ")[0]) for e in parsed.entries]


def test_each_persons_feed_has_what_concerns_them_with_its_reason(make_community):
    community = _scripted(make_community)
    result = rse(community, "build", "--all-audiences", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    public, internal = community.root / "out/public", community.root / "out/internal"

    # Newest first; their own notes and responses never; the strongest reason only (Kafka tips
    # is in Ada's group and tagged with her skill, but by someone she follows).
    assert _entries(public, "ada-lovelace") == [
        ("Bike racks", "an idea you support: Accepted"),
        ("Spring run", "by Grace Hopper"),
        ("Lyon meetup", "event at Lyon"),
        ("Rust intro", "tagged Rust"),
        ("Answer on “Which broker?”", "reply to your note"),
        ("Kafka tips", "by Grace Hopper"),
    ]
    assert _entries(public, "grace-hopper") == [
        ("Rust intro", "mentions you"),
        ("Reply on “Which broker?”", "reply to your response"),
        ("Which broker?", "in Data Platform"),
    ]
    # Pat keeps statistics off: the feed is for them, not about them. The internal site adds
    # what only it may show.
    assert _entries(public, "pat-partner") == [("Spring run", "in Running club")]
    assert _entries(internal, "pat-partner") == [
        ("Spring run", "in Running club"),
        ("Secret route", "mentions you"),
    ]
    assert _entries(internal, "ivy-inside")[-1] == ("Kafka tips", "tagged kafka")

    ada = feedparser.parse((public / "people/ada-lovelace/feed.xml").read_bytes())
    reply = next(e for e in ada.entries if e.title.startswith("Answer"))
    assert reply.link.endswith("groups/data-platform/ada-question/#response-1")
    assert reply.updated.startswith("2026-10-06T10:00") and "published" not in reply
    assert reply.id == "urn:rse:response:groups/data-platform/ada-question:1"
    assert reply.author == "Grace Hopper"  # who answered is the news; a note's entry says why
    assert "ada@acme.example" not in (public / "people/ada-lovelace/feed.xml").read_text()
    # Dated by its change of state, not by the later edit; proposed, it was no news to Ada.
    assert ada.entries[0].updated.startswith("2026-10-13T10:00")
    rust = next(e for e in ada.entries if e.title == "Rust intro")
    assert rust.summary == "tagged Rust · Ask (e-mail hidden)"

    profile = (public / "people/ada-lovelace/index.html").read_text()
    assert "For you" in profile and 'type="application/atom+xml" href="feed.xml"' in profile
    assert 'href="../../groups/data-platform/ada-question/#response-1"' in profile
    assert "Subscribe to what concerns you" in (public / "people/index.html").read_text()


def test_nothing_hidden_reaches_the_public_sites_feeds(make_community):
    community = _scripted(make_community)
    assert rse(community, "build", "--all-audiences", "--site-dir", "out").exit_code == 0
    public, internal = community.root / "out/public", community.root / "out/internal"
    assert not (public / "people/ivy-inside/feed.xml").exists()
    assert (internal / "people/ivy-inside/feed.xml").exists()
    for file, text in text_files(public):
        assert "Secret route" not in text, file
    kafka = feedparser.parse((public / "tags/kafka/feed.xml").read_bytes())
    assert [e.title for e in kafka.entries] == ["Kafka tips"]
    assert {e.title for e in feedparser.parse((internal / "tags/kafka/feed.xml").read_bytes()).entries} == {
        "Kafka tips",
        "Secret route",
    }


def test_list_feeds_parse_and_are_linked_from_their_pages(make_community):
    community = _scripted(make_community)
    assert rse(community, "build", "--site-dir", "out").exit_code == 0
    site = community.root / "out"
    for path, titles in (
        ("questions/feed.xml", ["Which broker?"]),
        ("ideas/feed.xml", ["Bike racks"]),
        ("tags/rust/feed.xml", ["Rust intro"]),
    ):
        parsed = feedparser.parse((site / path).read_bytes())
        assert not parsed.bozo, parsed.bozo_exception
        assert [e.title for e in parsed.entries] == titles
    for page in ("questions/index.html", "ideas/index.html", "tags/rust/index.html"):
        assert 'type="application/atom+xml" href="feed.xml"' in (site / page).read_text(), page


class HeadLinks(HTMLParser):
    """The `<link>`s of a page's head with "alternate" among their rel words, as feed readers
    find them: (rel, type, href)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and "alternate" in values.get("rel", "").split():
            self.found.append((values["rel"], values.get("type", ""), values.get("href", "")))


def _alternates(page: Path) -> list[tuple[str, str, str]]:
    parser = HeadLinks()
    parser.feed(page.read_text())
    return parser.found


def test_each_page_names_its_own_feeds_for_feed_readers(make_community):
    """Every page's head names the site's feed; a page that has a feed or a calendar of its own
    names it too. Only the site's feed is rel="alternate" exactly: Material fetches a sitemap.xml
    beside each such link, and only the site's feed has one beside it."""
    community = _scripted(make_community)
    assert rse(community, "build", "--site-dir", "out").exit_code == 0
    site = community.root / "out"
    atom, calendar = "application/atom+xml", "text/calendar"
    own = {
        "questions/index.html": [("../feed.xml", atom), ("feed.xml", atom)],
        "ideas/index.html": [("../feed.xml", atom), ("feed.xml", atom)],
        "events/index.html": [("../feed.xml", atom), ("../events.ics", calendar)],
        "tags/rust/index.html": [("../../feed.xml", atom), ("feed.xml", atom)],
        "people/ada-lovelace/index.html": [("../../feed.xml", atom), ("feed.xml", atom)],
        "groups/data-platform/index.html": [
            ("../../feed.xml", atom),
            ("feed.xml", atom),
            ("events.ics", calendar),
        ],
        "people/index.html": [("../feed.xml", atom)],
    }
    digest = next((site / "digest").glob("*-W*/index.html"))
    own[str(digest.relative_to(site))] = [("../../feed.xml", atom), ("../feed.xml", atom)]
    for page, expected in own.items():
        found = _alternates(site / page)
        assert [(href, kind) for _, kind, href in found] == expected, page
        assert [rel for rel, _, _ in found] == ["alternate"] + ["alternate feed"] * (len(found) - 1), page
        for _, _, href in found:
            assert (site / page).parent.joinpath(href).resolve().is_file(), (page, href)


def test_two_builds_of_one_commit_are_the_same_bytes(make_community):
    community = _scripted(make_community)
    assert rse(community, "build", "--site-dir", "a").exit_code == 0
    assert rse(community, "build", "--site-dir", "b").exit_code == 0
    first, second = tree_bytes(community.root / "a"), tree_bytes(community.root / "b")
    assert [p for p in first if p.endswith("feed.xml") and p.startswith("people/")]
    assert first == second


def test_unknown_followed_person_or_group_is_located(make_community):
    community = make_community(PEOPLE, mkdocs_yml=TWO_AUDIENCES_YML)
    community.write(
        "content/people/grace-hopper.md",
        "---\nname: Grace Hopper\nskills: [cobol]\nfollows: {people: [ada-lovelace, ada-lovelance], "
        "groups: [runing], tags: [anything]}\n---\n",
    )
    result = rse(community, "check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    path = "content/people/grace-hopper.md:4:1"
    assert f"{path}: unknown person 'ada-lovelance' in follows; did you mean 'ada-lovelace'?" in lines
    assert f"{path}: unknown group 'runing'; did you mean 'running'?" in lines
    assert not [line for line in lines if "anything" in line]


def test_reasons_are_translated(make_community):
    community = _scripted(make_community, TWO_AUDIENCES_YML + "    language: fr\n")
    assert rse(community, "build", "--site-dir", "out").exit_code == 0
    site = community.root / "out"
    assert _entries(site, "grace-hopper") == [
        ("Rust intro", "vous mentionne"),
        ("Réponse sur « Which broker? »", "réponse à votre réponse"),
        ("Which broker?", "dans Data Platform"),
    ]
    assert "Pour vous" in (site / "people/grace-hopper/index.html").read_text()
