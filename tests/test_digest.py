"""`rse digest`: a week of the community from its repository at a commit, never from the clock."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import feedparser
import pytest

from rse_build.views.digest import Week
from tests.conftest import TWO_AUDIENCES_YML, new_community, rse

PERSON = "---\nname: {name}\nsite: {site}\nskills: [x]\njoined: {joined}\n{extra}---\n"
RESPONSE = "---\nkind: {kind}\nauthors: [ada]\ndate: {date}T10:00\n---\n{body}\n"
NOTE = "---\ntitle: {title}\ntype: {type}\ndate: {date}\nauthors: [ada]\n{extra}---\n{body}\n"


@pytest.fixture(scope="module")
def community(tmp_path_factory):
    """A community whose week 2026-W45 (2 to 8 November) holds one of everything a digest tells."""
    c = new_community(tmp_path_factory.mktemp("digest") / "c", TWO_AUDIENCES_YML)
    files = {
        "content/people/ada.md": PERSON.format(
            name="Ada Lovelace", site="Lyon", joined="2024-01-01", extra=""
        ),
        "content/people/new-hire.md": PERSON.format(
            name="Nora Newhire", site="Nantes", joined="2026-11-04", extra="audience: public\n"
        ),
        "content/notes/fresh.md": NOTE.format(
            title="Fresh public note", type="note", date="2026-11-03", extra="audience: public\n", body="New."
        ),
        "content/notes/secret.md": NOTE.format(
            title="Internal plan", type="note", date="2026-11-05", extra="", body="Secret."
        ),
        "content/notes/old-question.md": NOTE.format(
            title="Who owns the schema registry?", type="question", date="2026-09-01", extra="", body="?"
        ),
        "content/notes/recent-question.md": NOTE.format(
            title="Asked yesterday", type="question", date="2026-11-07", extra="", body="?"
        ),
        "content/notes/idea.md": NOTE.format(
            title="Shared bikes", type="idea", date="2026-06-01", extra="", body="!"
        ),
        "content/notes/meetup.md": NOTE.format(
            title="Lyon meetup",
            type="event",
            date="2026-10-01",
            extra="start: 2026-11-20T18:00\nsite: Lyon\n",
            body=".",
        ),
        "content/notes/far-event.md": NOTE.format(
            title="Spring fair", type="event", date="2026-10-01", extra="start: 2027-04-01\n", body="."
        ),
        "content/notes/handbook.md": NOTE.format(
            title="The handbook", type="howto", date="2024-02-01", extra="", body="Read me."
        ),
        "content/notes/a.md": NOTE.format(
            title="A", type="note", date="2024-03-01", extra="", body="[[handbook]]"
        ),
        "content/notes/b.md": NOTE.format(
            title="B", type="note", date="2024-03-02", extra="", body="[[handbook]]"
        ),
        "content/responses/secret/2026-11-06-ada.md": RESPONSE.format(
            kind="reply", date="2026-11-06", body="Yes."
        ),
        "content/responses/old-question/2026-11-02-ada.md": RESPONSE.format(
            kind="reply", date="2026-11-02", body="Maybe the data team?"
        ),
        "content/responses/idea/2026-11-05-ada.md": RESPONSE.format(kind="kudos", date="2026-11-05", body=""),
    }
    for path, text in files.items():
        c.write(path, text)
    c.commit("The community", "Ada Lovelace <ada@acme.example>", "2024-02-01T10:00:00+00:00")
    c.write("content/notes/fresh.md", files["content/notes/fresh.md"] + "\nMore.\n")
    c.commit("A later change", "Ada Lovelace <ada@acme.example>", "2026-11-08T10:00:00+00:00")
    return c


def digest_of(community, *args: str) -> str:
    result = rse(community, "digest", *args)
    assert result.exit_code == 0, result.output
    return result.output


def test_weeks_are_iso_weeks_from_monday():
    week = Week.named("2026-W45")
    assert (week.start, week.end) == (dt.date(2026, 11, 2), dt.date(2026, 11, 9))
    assert Week.of(dt.date(2026, 11, 8)) == week
    assert Week.of(dt.date(2027, 1, 1)).label == "2026-W53"


def test_the_week_of_the_last_commit_in_markdown(community):
    text = digest_of(community, "--audience", "internal")
    assert text.startswith("# Test community: week 2026-W45\n\n*From 2 November 2026 to 8 November 2026*")
    sections = {block.split("\n", 1)[0]: block for block in text.split("\n## ")[1:]}
    assert "[Internal plan](notes/secret/)" in sections["New notes"]
    assert "[Fresh public note](notes/fresh/)" in sections["New notes"]
    assert "Who owns the schema registry?" in sections["Discussed"] and "1 reply" in sections["Discussed"]
    assert "Nora Newhire" in sections["New members"]
    waiting = sections["Questions waiting for an answer"]
    assert "Who owns the schema registry?" in waiting and "waiting for 69 days" in waiting
    assert "Asked yesterday" not in waiting
    assert "Shared bikes" in sections["Ideas gaining support"]
    assert "Lyon meetup" in sections["Coming up · Lyon"] and "Spring fair" not in text
    assert "The handbook" in sections["Worth a review (relied on, not updated for a year)"]


def test_an_audience_digest_holds_only_what_that_site_shows(community):
    text = digest_of(community, "--audience", "public")
    assert "Fresh public note" in text and "Nora Newhire" in text
    assert "Internal plan" not in text and "schema registry" not in text and "ada" not in text.lower()


def test_a_given_week_or_days_and_the_same_answer_every_time(community):
    earlier = digest_of(community, "--week", "2026-W40", "--audience", "internal")
    assert "week 2026-W40" in earlier and "Fresh public note" not in earlier
    since = digest_of(community, "--since", "3d", "--audience", "internal")
    # 6 to 8 November: the question of the 7th and the reply of the 6th, not the notes of the 3rd and 5th.
    assert "Fresh public note" not in since and "[Internal plan](notes/secret/) — 1 reply" in since
    assert "[Asked yesterday](notes/recent-question/)" in since
    assert digest_of(community, "--audience", "internal") == digest_of(community, "--audience", "internal")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.links: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self._in = tag
        if tag == "a":
            self.links.append(dict(attrs)["href"])
        assert "style" in dict(attrs) or tag in ("ul", "div"), tag

    def handle_data(self, data):
        if self._in in ("h1", "h2") and data.strip():
            self.headings.append(data.strip())


def test_html_for_mail_clients_has_inline_styles_only(community):
    html = digest_of(community, "--format", "html", "--audience", "internal")
    assert "<style" not in html and "class=" not in html
    parsed = _Text()
    parsed.feed(html)
    assert parsed.headings[0] == "Test community: week 2026-W45"
    assert "Ideas gaining support" in parsed.headings
    assert "notes/idea/" in parsed.links


def test_text_and_one_group_and_wrong_options(community, tmp_path):
    text = digest_of(community, "--format", "txt", "--audience", "internal")
    assert "New notes\n---------" in text and "* Internal plan" in text
    wrong = rse(community, "digest", "--week", "2026-48")
    assert wrong.exit_code == 2 and "'2026-48' is not an ISO week: write it as 2026-W48" in wrong.output
    assert rse(community, "digest", "--week", "2026-W45", "--since", "7d").exit_code == 2
    assert rse(community, "digest", "--group", "nope").exit_code == 2


def test_the_site_publishes_the_digests_of_the_last_weeks_per_audience(community):
    result = rse(community, "build", "--all-audiences")
    assert result.exit_code == 0, result.output
    internal = community.site / "internal" / "digest"
    weeks = sorted(p.name for p in internal.iterdir() if p.is_dir())
    assert weeks[-1] == "2026-W45" and len(weeks) == 8
    page = (internal / "2026-W45" / "index.html").read_text(encoding="utf-8")
    assert "Test community: week 2026-W45" in page and "Internal plan" in page and "Lyon meetup" in page
    public = (community.site / "public" / "digest" / "2026-W45" / "index.html").read_text(encoding="utf-8")
    assert "Fresh public note" in public and "Internal plan" not in public
    # A team subscribes once: one entry a week, the newest first.
    assert 'href="../feed.xml"' in page
    feed = feedparser.parse((internal / "feed.xml").read_bytes())
    assert [e.title for e in feed.entries][:2] == [
        "Test community: week 2026-W45",
        "Test community: week 2026-W44",
    ]
    assert len(feed.entries) == 8 and feed.entries[0].link.endswith("digest/2026-W45/")


def test_a_long_list_shows_the_first_ten_and_counts_the_rest(tmp_path):
    """Thirteen questions have waited a month: the digest lists the ten longest waiting and
    says how many more, in every format and on the site's page."""
    c = new_community(tmp_path / "many", TWO_AUDIENCES_YML)
    c.write("content/people/ada.md", PERSON.format(name="Ada", site="Lyon", joined="2020-01-01", extra=""))
    for day in range(1, 14):
        c.write(
            f"content/notes/q{day:02d}.md",
            NOTE.format(
                title=f"Question {day:02d}", type="question", date=f"2026-10-{day:02d}", extra="", body="?"
            ),
        )
    c.commit("Questions", "Ada Lovelace <ada@acme.example>", "2026-11-20T10:00:00+00:00")
    text = digest_of(c, "--audience", "internal")
    waiting = text.split("## Questions waiting for an answer")[1]
    assert [f"Question {d:02d}" in waiting for d in range(1, 14)] == [True] * 10 + [False] * 3
    assert "- and 3 more\n" in waiting
    assert "<li" in digest_of(c, "--audience", "internal", "--format", "html") and "and 3 more" in digest_of(
        c, "--audience", "internal", "--format", "txt"
    )
    assert rse(c, "build", "--audience", "internal").exit_code == 0
    page = (c.site / "digest/2026-W47/index.html").read_text()
    assert page.count("Question ") == 10 and "and 3 more" in page
